import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { START_ARGS } from "@/scripts/start-command";

function start(env: Record<string, string>) {
  const databaseFile = path.join(tmpdir(), `mlprep-start-${process.pid}-${Date.now()}.db`);
  const run = spawnSync(process.execPath, START_ARGS, {
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      AUTH_SECRET: "a test secret that is long enough to pass",
      PORT: "3299",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { ...run, databaseFile };
}

describe("npm start with the test clock", () => {
  it("refuses to start listening on every interface, before touching the database", () => {
    const run = start({ MLPREP_TEST_CLOCK: "1", HOSTNAME: "" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "MLPREP_TEST_CLOCK: 1 needs the server bound to loopback only, not every interface: set HOSTNAME=127.0.0.1",
    );
    expect(existsSync(run.databaseFile)).toBe(false);
  });

  it("refuses an address other machines can reach", () => {
    const run = start({ MLPREP_TEST_CLOCK: "1", HOSTNAME: "0.0.0.0" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("not HOSTNAME=0.0.0.0");
    expect(existsSync(run.databaseFile)).toBe(false);
  });
});
