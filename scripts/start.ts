/**
 * `npm start`: prepare the data folder and database, build if there is no current build, then serve
 * on PORT (default 3000) and HOSTNAME (default: every interface) with Next's request handler behind a
 * plain Node HTTP server, which tells the app each request's socket address (lib/http/client-ip.ts, docs/decisions/013-client-address-and-sessions.md).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseEnv } from "@/lib/env-schema";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { FINGERPRINT_FILE, isBuildCurrent, sourceFingerprint } from "./build-fingerprint";
import { prepareRuntime } from "./runtime";

/** How long a stopping server waits for requests in flight. */
const SHUTDOWN_BUDGET_MS = 10_000;

async function main() {
  const serverEnv = await prepareRuntime();
  // prepareRuntime has validated them (a wrong one stops the start); this reads them typed.
  const settings = parseEnv(serverEnv);
  if (serverEnv.MLPREP_TEST_CLOCK === "1") {
    console.warn(
      `MLPREP_TEST_CLOCK=1: requests may move the server's clock with a cookie. For browser tests only (listening on ${settings.HOSTNAME} only).`,
    );
  }

  if (!isBuildCurrent()) {
    console.log("No current production build: building (a few minutes on first start).");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: serverEnv });
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
  }

  // What `next start` sets before loading Next: React and Next pick their production builds from it.
  Object.assign(process.env, serverEnv, { NODE_ENV: "production", PORT: String(settings.PORT) });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port: settings.PORT, hostname: settings.HOSTNAME });
  await app.prepare();
  const handle = app.getRequestHandler();

  let stopping = false;
  const server = createServer((request, response) => {
    // A stopping server answers what reaches it but keeps no connection open: a client's next request
    // opens a new connection, which is refused, instead of arriving on a kept-alive one forever.
    if (stopping) response.setHeader("Connection", "close");
    // Set on every request, so a client cannot send its own; `next start` would only fill in
    // x-forwarded-for when the client left it out.
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end("Internal Server Error");
    });
  });
  // Without HOSTNAME, Node listens on every interface, as `next start` does.
  server.listen(settings.PORT, settings.HOSTNAME, () =>
    console.log(`mlprep ready on http://${settings.HOSTNAME ?? "localhost"}:${settings.PORT}`),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // `on`, not `once`, and only the first signal acts: a second one (a process manager signalling the
    // whole group, then the process) must not fall back to the default action, which kills at once and
    // cuts off the answers being drained.
    process.on(signal, () => {
      if (stopping) return;
      // Stop accepting, let requests in flight finish (an answer's response waits for its batch's
      // commit), then stop Next. Busy kept-alive connections close after their current response (above);
      // one a client holds idle without closing would hold close() forever: past the budget the process
      // exits anyway.
      stopping = true;
      setTimeout(() => process.exit(0), SHUTDOWN_BUDGET_MS).unref();
      server.close(() => void app.close().finally(() => process.exit(0)));
      server.closeIdleConnections();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
