/**
 * `npm start`: prepare the data folder and database, build if there is no current build, then serve
 * with `next start` on PORT (default 3000) and HOSTNAME (default: every interface).
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { FINGERPRINT_FILE, isBuildCurrent, sourceFingerprint } from "./build-fingerprint";
import { hostArguments, prepareRuntime } from "./runtime";

const serverEnv = prepareRuntime();
const port = process.env.PORT ?? "3000";
if (serverEnv.MLPREP_TEST_CLOCK === "1") {
  console.warn(`MLPREP_TEST_CLOCK=1: requests may move the server's clock with a cookie. For browser tests only (listening on ${serverEnv.HOSTNAME} only).`);
}

if (!isBuildCurrent()) {
  console.log("No current production build: building (a few minutes on first start).");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: serverEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
}

const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", port, ...hostArguments(serverEnv)], {
  stdio: "inherit",
  env: { ...serverEnv, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
