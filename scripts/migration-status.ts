/**
 * Whether a database already has every migration of this checkout, read with one query, so `npm start`
 * spawns a migrator (`prisma migrate deploy` for SQLite, scripts/db-migrate.ts for PostgreSQL: seconds
 * of start-up each, even with nothing to apply) only when there is something for it to do or say.
 */
import path from "node:path";
import { databaseKind } from "@/lib/database-url";
import { queryDatabase } from "./direct-query";
import { type Migration, POSTGRESQL_MIGRATIONS_DIR, readMigrations } from "./migrate-postgresql";

const SQLITE_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export type AppliedMigration = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
};

/**
 * True when the recorded migrations are exactly the folder's, each finished with the same file. Anything
 * else (one pending, one that failed, a file changed since, one the folder does not know) goes to the
 * migrator, which applies, refuses or warns as it always has.
 */
export function hasExactlyTheseMigrations(applied: AppliedMigration[], migrations: Migration[]): boolean {
  const live = applied.filter((row) => row.rolled_back_at === null);
  if (live.some((row) => row.finished_at === null) || live.length !== migrations.length) return false;
  const checksums = new Map(live.map((row) => [row.migration_name, row.checksum]));
  return migrations.every((migration) => checksums.get(migration.name) === migration.checksum);
}

const APPLIED_QUERY = `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`;

export async function isDatabaseMigrated(databaseUrl: string): Promise<boolean> {
  const migrations =
    databaseKind(databaseUrl) === "postgresql"
      ? readMigrations(POSTGRESQL_MIGRATIONS_DIR, "postgresql")
      : readMigrations(SQLITE_MIGRATIONS_DIR, "sqlite");
  try {
    return hasExactlyTheseMigrations(await queryDatabase<AppliedMigration>(databaseUrl, APPLIED_QUERY), migrations);
  } catch {
    // No migrations table yet, or the database cannot be reached: the migrator creates it or says why.
    return false;
  }
}
