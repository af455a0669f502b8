/**
 * PostgreSQL groundwork (docs/decisions/016-postgresql.md): a fresh database migrates through our runner,
 * the runner behaves like `prisma migrate deploy` (records, lock, rollback), the migrations build what
 * the schema describes, and the app's client reads and writes through @prisma/adapter-pg. Reported as not
 * run when no PostgreSQL answers, unless MLPREP_REQUIRE_POSTGRES=1 (CI), which fails instead.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  MIGRATION_LOCK_KEY,
  migratePostgresql,
  POSTGRESQL_MIGRATIONS_DIR,
  readMigrations,
} from "@/scripts/migrate-postgresql";
import { migrateDatabase } from "@/scripts/runtime";
import {
  createPostgresDatabase,
  postgresForTests,
  postgresTitle,
  testPostgresUrl,
  withDatabase,
} from "@/tests/support/test-database";
import { freshDatabaseForFile } from "@/tests/support/fresh-database";

const availability = await postgresForTests();
// The app's modules read DATABASE_URL once, at import: the fresh database must exist first.
const appUrl = availability.available ? await freshDatabaseForFile("postgresql") : undefined;
const app = appUrl
  ? { data: await import("@/lib/data/db"), health: await import("@/app/api/health/route") }
  : undefined;

const silent = { log: () => undefined };
const PRISMA_CLI = createRequire(import.meta.url).resolve("prisma/build/index.js");

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Everything about the tables that the schema decides, in a stable order (column order aside). */
async function catalog(url: string): Promise<string[]> {
  const columns = await query<{ line: string }>(
    url,
    `SELECT concat_ws(' ', table_name, column_name, data_type, coalesce(datetime_precision::text, ''), is_nullable, coalesce(column_default, '')) AS line
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await query<{ line: string }>(
    url,
    `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const constraints = await query<{ line: string }>(
    url,
    `SELECT concat_ws(' ', conrelid::regclass::text, conname, pg_get_constraintdef(oid)) AS line FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
  );
  return [...columns, ...indexes, ...constraints].map((row) => row.line).sort();
}

describe.skipIf(!availability.available)(postgresTitle("PostgreSQL", availability), () => {
  const created: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await app?.data.db.$disconnect();
    for (const drop of created) await drop();
  });

  it("a fresh database is migrated and each migration recorded in _prisma_migrations as Prisma records it", async () => {
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(appUrl!, `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`);
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count, row.rolled_back_at])).toEqual(
      migrations.map((migration) => [migration.name, migration.checksum, 1, null]),
    );
    for (const row of rows) expect(row.finished_at).toBeInstanceOf(Date);
  });

  it("a user row round-trips through the app's PostgreSQL client", async () => {
    const { db, DATABASE_KIND } = app!.data;
    expect(DATABASE_KIND).toBe("postgresql");
    const emailVerified = new Date("2026-11-30T12:34:56.789Z");
    const user = await db.user.create({
      data: { email: "pg@example.com", name: "Ada", emailVerified, desiredRetention: 0.85, sessionVersion: 3 },
    });
    const read = await db.user.findUniqueOrThrow({ where: { email: "pg@example.com" } });
    expect(read).toEqual(user);
    expect(read).toMatchObject({
      name: "Ada",
      role: "candidate",
      desiredRetention: 0.85,
      sessionVersion: 3,
      emailVerified,
    });
    const raw = await db.$queryRaw<{ email: string }[]>`SELECT "email" FROM "User" WHERE "id" = ${user.id}`;
    expect(raw).toEqual([{ email: "pg@example.com" }]);
    await expect(db.user.create({ data: { email: "pg@example.com" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("the app's sessions run in UTC, as Prisma's DateTime values are written", async () => {
    const { db } = app!.data;
    expect(await db.$queryRaw`SELECT current_setting('TimeZone') AS "timeZone"`).toEqual([{ timeZone: "UTC" }]);
  });

  it("/api/health answers ok with db postgresql", async () => {
    const response = await app!.health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: "postgresql" });
  });

  it("migrating a current database applies nothing", async () => {
    const report = await migratePostgresql(appUrl!, silent);
    expect(report).toMatchObject({ applied: [], alreadyApplied: readMigrations().length });
  });

  it("a second migrator waits for the one holding the lock, then finds nothing to do", async () => {
    const fresh = await createPostgresDatabase();
    created.push(fresh.drop);
    const holder = new pg.Client({ connectionString: fresh.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      let settled = false;
      const waiting = migratePostgresql(fresh.url, silent).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(settled).toBe(false);
      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      expect(await waiting).toMatchObject({ applied: [], waitedForLock: true });
    } finally {
      await holder.end();
    }
  });

  it("two migrators started together on an empty database apply each migration once", async () => {
    const admin = testPostgresUrl();
    const database = `mlprep_test_${Date.now()}_race`;
    await query(admin, `CREATE DATABASE "${database}"`);
    created.push(async () => void (await query(admin, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)));
    const url = withDatabase(admin, database);
    const reports = await Promise.all([migratePostgresql(url, silent), migratePostgresql(url, silent)]);
    expect(reports.map((report) => report.applied.length).sort()).toEqual([0, readMigrations().length]);
    const [{ count }] = (await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`)) as [
      { count: string },
    ];
    expect(Number(count)).toBe(readMigrations().length);
  });

  it("a migration that fails is rolled back together with its record, and stops the run", async () => {
    const fresh = await createPostgresDatabase();
    created.push(fresh.drop);
    const dir = mkdtempSync(path.join(tmpdir(), "mlprep-pg-migrations-"));
    cpSync(POSTGRESQL_MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_broken"));
    writeFileSync(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "Broken" ("id" INTEGER);\nSELECT 1 / 0;\n`,
    );
    await expect(migratePostgresql(fresh.url, { dir, ...silent })).rejects.toThrow(
      /29991231000000_broken failed and was rolled back: division by zero/,
    );
    expect(await query(fresh.url, `SELECT to_regclass('"Broken"') AS "table"`)).toEqual([{ table: null }]);
    expect(
      await query(fresh.url, `SELECT "migration_name" FROM "_prisma_migrations" WHERE "migration_name" LIKE '2999%'`),
    ).toEqual([]);
  });

  it("the migration history builds what prisma/postgresql/schema.prisma describes", { timeout: 180_000 }, async () => {
    // Prisma's own script for the whole schema, run on an empty database, against the history's result.
    const expected = await createPostgresDatabase();
    created.push(expected.drop);
    await query(expected.url, `DROP TABLE "_prisma_migrations"`);
    for (const table of await query<{ tablename: string }>(
      expected.url,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    )) {
      await query(expected.url, `DROP TABLE "${table.tablename}" CASCADE`);
    }
    const script = execFileSync(
      process.execPath,
      [
        PRISMA_CLI,
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/postgresql/schema.prisma",
        "--script",
      ],
      {
        env: { ...process.env, DATABASE_URL: expected.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    await query(expected.url, script);
    const fromSchema = await catalog(expected.url);
    expect(fromSchema.length).toBeGreaterThan(50);
    expect(await catalog(appUrl!)).toEqual(fromSchema);
  });

  it("npm start's migration step (migrateDatabase) migrates a PostgreSQL URL", { timeout: 120_000 }, async () => {
    const admin = testPostgresUrl();
    const database = `mlprep_test_${Date.now()}_start`;
    await query(admin, `CREATE DATABASE "${database}"`);
    created.push(async () => void (await query(admin, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)));
    const url = withDatabase(admin, database);
    migrateDatabase(url);
    const rows = await query<{ migration_name: string }>(url, `SELECT "migration_name" FROM "_prisma_migrations"`);
    expect(rows.map((row) => row.migration_name)).toEqual(readMigrations().map((migration) => migration.name));
    expect(await query(url, `SELECT count(*)::int AS users FROM "User"`)).toEqual([{ users: 0 }]);
  });
});
