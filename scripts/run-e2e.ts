/**
 * `npm run test:e2e`: fails at once, with install instructions, when no Chromium can be found; the
 * browser tests are never skipped for want of a browser.
 *
 * The suite runs against a production server on SQLite and, when a PostgreSQL answers at
 * MLPREP_TEST_POSTGRES_URL (or MLPREP_REQUIRE_POSTGRES=1 demands one, as CI does), also against one on
 * PostgreSQL: a fresh database, which that server's start migrates (playwright.config.ts, the
 * `postgresql` project). Without PostgreSQL, one line says the PostgreSQL tests did not run.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { redactDatabaseUrl } from "@/lib/database-url";
import { findBrowser, NO_BROWSER_MESSAGE } from "@/tests/support/find-browser";
import { dropDatabase, withClient, withDatabase } from "@/scripts/postgres-admin";
import { checkPostgres, requirePostgres } from "@/tests/support/test-database";

/** The PostgreSQL project's database, made afresh for every run. */
const E2E_POSTGRES_DATABASE = "mlprep_e2e";

async function freshPostgresDatabase(): Promise<string | undefined> {
  const availability = requirePostgres(await checkPostgres());
  if (!availability.available) return undefined;
  await dropDatabase(availability.adminUrl, E2E_POSTGRES_DATABASE, "mlprep-e2e");
  await withClient(availability.adminUrl, "mlprep-e2e", (client) =>
    client.query(`CREATE DATABASE "${E2E_POSTGRES_DATABASE}"`),
  );
  return withDatabase(availability.adminUrl, E2E_POSTGRES_DATABASE);
}

async function main() {
  const browser = findBrowser();
  if (!browser) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  console.log(`Browser tests use ${browser}`);
  // Every run starts from an empty database, so tests never meet accounts or rate limits of an earlier run.
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/e2e.db${suffix}`, { force: true });
  const postgresUrl = await freshPostgresDatabase();
  console.log(
    postgresUrl
      ? `Browser tests run on SQLite and on PostgreSQL (${redactDatabaseUrl(postgresUrl)}).`
      : "Browser tests run on SQLite only.",
  );
  const run = spawnSync(process.execPath, [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, ...(postgresUrl ? { MLPREP_E2E_POSTGRES_URL: postgresUrl } : {}) },
  });
  process.exit(run.status ?? 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
