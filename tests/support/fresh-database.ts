/**
 * A fresh, migrated database for this test file, of the kind its Vitest project tests
 * (MLPREP_TEST_DATABASE, set per project in vitest.config.mts): the `integration` project runs the
 * integration files on SQLite, `integration-postgresql` runs the same files on PostgreSQL.
 */
import { afterAll } from "vitest";
import {
  checkPostgres,
  freshDatabaseForFile,
  REQUIRE_POSTGRES_VARIABLE,
  TEST_DATABASE_VARIABLE,
  testDatabaseKind,
} from "@/tests/support/test-database";

export { testDatabaseKind } from "@/tests/support/test-database";

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
