/**
 * Applies prisma/postgresql/migrations to a PostgreSQL database. `prisma migrate deploy` cannot do it on a
 * machine without Prisma's engine binaries: through @prisma/adapter-pg, Prisma 6.19.3's WebAssembly
 * schema engine fails before applying anything ("Column type 'name' could not be deserialized from the
 * database", prisma/orm#27403). See docs/decisions/016-postgresql.md.
 *
 * What it does, the way `prisma migrate deploy` does it on PostgreSQL:
 * - holds the same session advisory lock as Prisma Migrate (pg_advisory_lock(72707369)) for the whole
 *   run, so a second server starting at the same time waits, then finds nothing left to apply;
 * - applies the folders' migration.sql files in name order, each in its own transaction together with its
 *   row in `_prisma_migrations` (same table, columns and SHA-256 checksum as Prisma's), so a migration is
 *   either applied and recorded or neither;
 * - refuses to go on when a migration is recorded as unfinished (Prisma's P3009); warns, as Prisma does,
 *   when an applied migration is missing from the folder (an older server restarting during an upgrade)
 *   or its file changed since.
 * A migration that cannot run inside a transaction (CREATE INDEX CONCURRENTLY) must not be written.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { redactDatabaseUrl } from "@/lib/database-url";

export const POSTGRESQL_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "postgresql", "migrations");

/** Prisma Migrate's advisory lock key on PostgreSQL, so this runner and Prisma's exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

/** Prisma's own definition of the table (schema engine, PostgreSQL flavour). */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; script: string; checksum: string };
export type MigrationReport = { applied: string[]; alreadyApplied: number; waitedForLock: boolean };

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/**
 * The migration folders in the order Prisma applies them (by name), each with its SQL and checksum (the
 * SHA-256 of the file, as Prisma records it for either provider).
 */
export function readMigrations(
  dir = POSTGRESQL_MIGRATIONS_DIR,
  provider: "postgresql" | "sqlite" = "postgresql",
): Migration[] {
  const lock = path.join(dir, "migration_lock.toml");
  if (!existsSync(lock) || !new RegExp(`provider\\s*=\\s*"${provider}"`).test(readFileSync(lock, "utf8"))) {
    throw new Error(`${lock} must say provider = "${provider}"`);
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const script = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, script, checksum: createHash("sha256").update(script).digest("hex") };
    });
}

/** Migrates the database at `databaseUrl`; resolves once it is current. Safe to run from several processes at once. */
export async function migratePostgresql(
  databaseUrl: string,
  { dir = POSTGRESQL_MIGRATIONS_DIR, log = console.log }: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "mlprep-migrate" });
  await client.connect();
  try {
    // Session-level: held across the per-migration transactions, released when the connection ends
    // even if this process dies.
    const [{ locked }] = (
      await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY])
    ).rows as [{ locked: boolean }];
    const waitedForLock = !locked;
    if (!locked) {
      log(`Another process is migrating ${redactDatabaseUrl(databaseUrl)}: waiting for it to finish.`);
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    }
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = (
        await client.query<AppliedRow>(
          `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
        )
      ).rows;
      const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
      if (failed) {
        throw new Error(
          `migration ${failed.migration_name} failed earlier and is recorded as unfinished in _prisma_migrations: fix the database, then mark it rolled back (UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = '${failed.migration_name}') before migrating again`,
        );
      }
      const applied = new Map(
        rows
          .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
          .map((row) => [row.migration_name, row]),
      );
      const known = new Set(migrations.map((migration) => migration.name));
      const unknown = [...applied.keys()].filter((name) => !known.has(name));
      // As prisma migrate deploy: a warning, so an older server restarted during a rolling upgrade still starts.
      if (unknown.length)
        log(
          `Warning: the database has migrations that ${path.relative(process.cwd(), dir)} does not: ${unknown.join(", ")}.`,
        );
      for (const migration of migrations) {
        const row = applied.get(migration.name);
        if (row && row.checksum !== migration.checksum)
          log(`Warning: migration ${migration.name} was changed after it was applied.`);
      }

      const pending = migrations.filter((migration) => !applied.has(migration.name));
      for (const migration of pending) await applyOne(client, migration);
      if (pending.length)
        log(
          `Applied ${pending.length} PostgreSQL migration${pending.length === 1 ? "" : "s"}: ${pending.map((m) => m.name).join(", ")}.`,
        );
      else
        log(
          `PostgreSQL database is up to date (${migrations.length} migration${migrations.length === 1 ? "" : "s"} applied).`,
        );
      return { applied: pending.map((migration) => migration.name), alreadyApplied: applied.size, waitedForLock };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** One migration and its record, in one transaction: on any error neither is kept. */
async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: pg sends the whole file with the simple query protocol, which runs every statement in it.
    await client.query(migration.script);
    await client.query(
      `UPDATE "_prisma_migrations" SET "finished_at" = clock_timestamp(), "applied_steps_count" = 1 WHERE "id" = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new Error(`PostgreSQL migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
