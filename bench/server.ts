import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { START_ARGS } from "@/scripts/start-command";

type Server = { baseUrl: string; stop: () => Promise<void>; cpuMilliseconds: () => number };

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) used so far by the processes of one process group: the server's own cost, apart
 * from the load generator's on the same machine. Linux only (/proc).
 */
function groupCpuMilliseconds(groupId: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the parenthesised command name, which may itself hold spaces: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Starts the production server the way `npm start` does, on its own port and database, for a benchmark;
 * `cwd` serves another checkout's build (bench/builds-bench.ts). Resolves once /api/health answers; throws
 * when the server exits first or is not up within 10 minutes (a first start builds). `stop` resolves once
 * the server has exited; `cpuMilliseconds` is the CPU time its processes have used so far.
 */
export async function startServer(
  port: number,
  databaseUrl = "file:./data/bench.db",
  cwd = process.cwd(),
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, START_ARGS, {
    cwd,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  // The whole process group: the start script and anything it started (a build).
  const stop = async () => {
    if (running) process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  while (running) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok)
        return { baseUrl, stop, cpuMilliseconds: () => groupCpuMilliseconds(child.pid!) };
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
