/**
 * A fresh, migrated database for this test file, of the kind its Vitest project tests
 * (MLPREP_TEST_DATABASE, set per project in vitest.config.mts): the `integration` project runs the
 * integration files on SQLite, `integration-postgresql` runs the same files on PostgreSQL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { DatabaseKind } from "@/lib/database-url";
import { migrateDatabase } from "@/scripts/runtime";
import {
  checkPostgres,
  createPostgresDatabase,
  REQUIRE_POSTGRES_VARIABLE,
  testPostgresUrl,
  TEST_DATABASE_VARIABLE,
  testDatabaseKind,
} from "@/tests/support/test-database";

export { testDatabaseKind } from "@/tests/support/test-database";

/**
 * Points this test file's process at a new, migrated database of `kind` and removes it after the file
 * (afterAll). Call it at the top of the file, before importing anything that reads the environment
 * (lib/env, lib/data), which read DATABASE_URL once, at import. For PostgreSQL, call postgresForTests()
 * first and only when it is available.
 */
export async function freshDatabaseForFile(
  kind: DatabaseKind,
  { adminUrl = testPostgresUrl() }: { adminUrl?: string } = {},
): Promise<string> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "mlprep-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    migrateDatabase(url);
    process.env.DATABASE_URL = url;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    return url;
  }
  const fresh = await createPostgresDatabase(adminUrl);
  process.env.DATABASE_URL = fresh.url;
  afterAll(fresh.drop);
  return fresh.url;
}

/**
 * Points this test file's process at a new, migrated database of its project's kind and removes it after
 * the file. Await it before importing anything that reads the environment (lib/env, lib/data): those read
 * DATABASE_URL once, at import.
 */
export async function createFreshDatabase(): Promise<string> {
  const kind = testDatabaseKind();
  if (kind === "postgresql") {
    // vitest.config.mts only adds the PostgreSQL project when PostgreSQL answered or is required
    // (MLPREP_REQUIRE_POSTGRES=1): either way, a file that finds none fails, saying why.
    const availability = await checkPostgres();
    if (!availability.available) {
      throw new Error(
        `${TEST_DATABASE_VARIABLE}=postgresql (${REQUIRE_POSTGRES_VARIABLE}=${process.env[REQUIRE_POSTGRES_VARIABLE] ?? ""}) but ${availability.reason}`,
      );
    }
  }
  const url = await freshDatabaseForFile(kind);
  // Registered after freshDatabaseForFile's own afterAll, so (hooks run as a stack) it runs before it: the
  // app's client lets go of the database before the database is removed. The client lives on globalThis
  // (lib/data/db.ts) once the file imported it.
  afterAll(async () => {
    await (globalThis as { db?: { $disconnect: () => Promise<void> } }).db?.$disconnect();
  });
  return url;
}
