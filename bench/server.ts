import { spawn, type ChildProcess } from "node:child_process";

/**
 * Starts the production server the way `npm start` does, on its own port and database, for a benchmark;
 * `cwd` serves another checkout's build (bench/builds-bench.ts). Resolves once /api/health answers; throws
 * when the server exits first or is not up within 10 minutes (a first start builds). `stop` resolves once
 * the server has exited.
 */
export async function startServer(
  port: number,
  databaseUrl = "file:./data/bench.db",
  cwd = process.cwd(),
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts"], {
    cwd,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  // The whole process group: tsx, the start script and the Next server under it.
  const stop = async () => {
    if (running) process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  while (running) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server on port ${port} did not answer /api/health within 10 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server on port ${port} exited before answering /api/health (its errors are above)`);
}
