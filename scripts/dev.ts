/** `npm run dev`: the same preparation as `npm start`, then the content build and `next dev`. */
import { spawn, spawnSync } from "node:child_process";
import { hostArguments, prepareRuntime } from "./runtime";

async function main() {
  const serverEnv = await prepareRuntime();
  const content = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-content.ts"], {
    stdio: "inherit",
    env: serverEnv,
  });
  if (content.status !== 0) process.exit(content.status ?? 1);
  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", ...hostArguments(serverEnv)], {
    stdio: "inherit",
    env: serverEnv,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
