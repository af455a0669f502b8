/**
 * The test PostgreSQL: whether it is there, and fresh databases on it (docs/decisions/016-postgresql.md).
 * Free of Vitest, so the browser suite's runner uses it too; tests/support/fresh-database.ts gives each
 * integration test file its database, of either provider.
 *
 * PostgreSQL: `CREATE DATABASE mlprep_test_<time>_<random>` through MLPREP_TEST_POSTGRES_URL (a role with
 * CREATEDB; default postgresql://mlprep:mlprep@127.0.0.1:5432/mlprep, the role .ci/run creates), migrated
 * by scripts/migrate-postgresql.ts, dropped after the file.
 *
 * When no PostgreSQL answers, PostgreSQL tests are reported as not run (skipped, with the reason in their
 * name), so `npm test` needs no PostgreSQL. With MLPREP_REQUIRE_POSTGRES=1 (CI sets it) an unreachable
 * PostgreSQL fails the test file instead.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { redactDatabaseUrl, type DatabaseKind } from "@/lib/database-url";
import { migratePostgresql } from "@/scripts/migrate-postgresql";
import { dropDatabase, withClient as withAdminClient, withDatabase } from "@/scripts/postgres-admin";

export { withDatabase } from "@/scripts/postgres-admin";

export const TEST_POSTGRES_URL_VARIABLE = "MLPREP_TEST_POSTGRES_URL";
export const REQUIRE_POSTGRES_VARIABLE = "MLPREP_REQUIRE_POSTGRES";
export const DEFAULT_TEST_POSTGRES_URL = "postgresql://mlprep:mlprep@127.0.0.1:5432/mlprep";
/** Set per Vitest project (vitest.config.mts): the database its integration test files get. */
export const TEST_DATABASE_VARIABLE = "MLPREP_TEST_DATABASE";

/** Test databases are named so; ones left by a killed run are dropped by a later run after a day. */
const TEST_DATABASE_PREFIX = "mlprep_test_";
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export type PostgresAvailability =
  { available: true; adminUrl: string } | { available: false; adminUrl: string; reason: string };

export const testPostgresUrl = (env: Record<string, string | undefined> = process.env) =>
  env[TEST_POSTGRES_URL_VARIABLE]?.trim() || DEFAULT_TEST_POSTGRES_URL;
export const isPostgresRequired = (env: Record<string, string | undefined> = process.env) =>
  env[REQUIRE_POSTGRES_VARIABLE] === "1";

/** The database this test file's project tests: SQLite unless its project says PostgreSQL. */
export function testDatabaseKind(env: Record<string, string | undefined> = process.env): DatabaseKind {
  const kind = env[TEST_DATABASE_VARIABLE]?.trim() || "sqlite";
  if (kind !== "sqlite" && kind !== "postgresql") {
    throw new Error(`${TEST_DATABASE_VARIABLE} must be sqlite or postgresql, not ${kind}`);
  }
  return kind;
}

const APPLICATION_NAME = "mlprep-tests";
const withClient = <T>(url: string, work: (client: pg.Client) => Promise<T>) =>
  withAdminClient(url, APPLICATION_NAME, work);

/**
 * Whether the test PostgreSQL answers and its role may create databases. Never throws; with
 * MLPREP_REQUIRE_POSTGRES=1 use requirePostgres() on the result.
 */
export async function checkPostgres(adminUrl = testPostgresUrl()): Promise<PostgresAvailability> {
  try {
    const canCreate = await withClient(adminUrl, async (client) => {
      const { rows } = await client.query<{ createdb: boolean }>(
        "SELECT rolcreatedb OR rolsuper AS createdb FROM pg_roles WHERE rolname = current_user",
      );
      return rows[0]?.createdb === true;
    });
    if (!canCreate)
      return {
        available: false,
        adminUrl,
        reason: `the role of ${redactDatabaseUrl(adminUrl)} may not create databases (CREATEDB)`,
      };
    return { available: true, adminUrl };
  } catch (error) {
    return {
      available: false,
      adminUrl,
      reason: `no PostgreSQL at ${redactDatabaseUrl(adminUrl)} (${(error as Error).message})`,
    };
  }
}

/**
 * The availability, after failing loudly when PostgreSQL is required (CI) but not there, and telling the
 * run when it is left out.
 */
export function requirePostgres(
  availability: PostgresAvailability,
  env: Record<string, string | undefined> = process.env,
): PostgresAvailability {
  if (availability.available) return availability;
  if (isPostgresRequired(env)) {
    throw new Error(
      `${REQUIRE_POSTGRES_VARIABLE}=1 but PostgreSQL tests cannot run: ${availability.reason}. Set ${TEST_POSTGRES_URL_VARIABLE}.`,
    );
  }
  console.warn(`PostgreSQL tests not run: ${availability.reason}. Set ${TEST_POSTGRES_URL_VARIABLE} to run them.`);
  return availability;
}

/** checkPostgres then requirePostgres: what a test file calls once, at its top. */
export async function postgresForTests(): Promise<PostgresAvailability> {
  return requirePostgres(await checkPostgres());
}

/** A describe title that says why its tests did not run. */
export function postgresTitle(title: string, availability: PostgresAvailability): string {
  return availability.available ? title : `${title} (not run: ${availability.reason})`;
}

/** Drops test databases that an earlier, killed run left behind (named with their creation time). */
async function dropStaleDatabases(client: pg.Client, now: number): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `${TEST_DATABASE_PREFIX}%`,
  ]);
  for (const { datname } of rows) {
    const created = Number(datname.slice(TEST_DATABASE_PREFIX.length).split("_")[0]);
    if (Number.isFinite(created) && now - created > STALE_AFTER_MS) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  }
}

export type FreshPostgres = { url: string; database: string; drop: () => Promise<void> };

/** Creates and migrates a new PostgreSQL database; the caller drops it. */
export async function createPostgresDatabase(adminUrl = testPostgresUrl()): Promise<FreshPostgres> {
  const now = Date.now();
  const database = `${TEST_DATABASE_PREFIX}${now}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, async (client) => {
    await dropStaleDatabases(client, now);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  const url = withDatabase(adminUrl, database);
  const drop = () => dropDatabase(adminUrl, database, APPLICATION_NAME);
  try {
    await migratePostgresql(url, { log: () => undefined });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, database, drop };
}
