/**
 * A production server started the way `npm start` starts one (scripts/start.ts: migrate, sync the decks,
 * serve the current build), in its own process group, so a test can kill it as an operator or a crash
 * would: SIGTERM drains, SIGKILL does not. The browser suite has built the app before any test runs.
 */
import { spawn } from "node:child_process";
import { START_ARGS } from "../../scripts/start-command";

export type ProductionServer = {
  baseUrl: string;
  /** Sends the signal to the whole group: the server and anything it started. */
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves when the start script's process has exited. */
  exited: Promise<void>;
};

/**
 * Migrating, syncing the decks and preparing Next take seconds on an idle machine and several times that
 * on a busy one; a server that has not answered /api/health after this long is not coming up.
 */
const START_BUDGET_MS = 300_000;
/** What the last lines of a failed start said, for the error. */
const OUTPUT_KEPT = 4_000;

export async function startProductionServer({
  port,
  databaseUrl,
  env = {},
}: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<ProductionServer> {
  const child = spawn(process.execPath, START_ARGS, {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      SIGN_UPS_PER_HOUR: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running = false;
      resolve();
    }),
  );
  const server: ProductionServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    kill: (signal) => {
      if (running) process.kill(-child.pid!, signal);
    },
    exited,
  };

  const deadline = Date.now() + START_BUDGET_MS;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`the server on port ${port} exited while starting:\n${output}`);
    try {
      if ((await fetch(`${server.baseUrl}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGKILL");
  throw new Error(
    `the server on port ${port} did not answer /api/health within ${START_BUDGET_MS / 1000} s:\n${output}`,
  );
}
