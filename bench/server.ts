import { spawn, type ChildProcess } from "node:child_process";

/**
 * Starts the production server the way `npm start` does, on its own port and database, for a benchmark;
 * `cwd` serves another checkout's build (bench/builds-bench.ts).
 */
export async function startServer(
  port: number,
  databaseUrl = "file:./data/bench.db",
  cwd = process.cwd(),
): Promise<{ baseUrl: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts"], {
    cwd,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The whole process group: tsx, the start script and the Next server under it.
  return { baseUrl, stop: () => process.kill(-child.pid!, "SIGTERM") };
}
