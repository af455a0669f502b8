import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "@/tests/support/fresh-database";

const databaseUrl = await createFreshDatabase();
const { db } = await import("@/lib/data/db");

function setRole(...args: string[]) {
  return spawnSync("npm", ["run", "--silent", "user:role", "--", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

beforeAll(async () => {
  await db.user.create({ data: { email: "teacher@example.com" } });
});

describe("npm run user:role", () => {
  it("gives an existing user a role; users start as candidates", async () => {
    expect((await db.user.findUniqueOrThrow({ where: { email: "teacher@example.com" } })).role).toBe("candidate");
    const run = setRole("Teacher@Example.com", "admin");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("teacher@example.com is now admin.");
    expect((await db.user.findUniqueOrThrow({ where: { email: "teacher@example.com" } })).role).toBe("admin");
  });

  it("refuses an unknown role or a missing user with a clear message and a failing exit code", () => {
    const badRole = setRole("teacher@example.com", "owner");
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain("the role must be one of candidate, instructor, admin");
    const nobody = setRole("nobody@example.com", "instructor");
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toContain("No user with email nobody@example.com");
  });
});
