/**
 * The databases bench/answers-bench.ts runs on: a fresh SQLite file, or a fresh PostgreSQL database
 * (`mlprep_bench`, dropped and created again through MLPREP_BENCH_POSTGRES_URL). Each can create the
 * bench user before a server signs it in, and count the Attempt rows afterwards.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { redactDatabaseUrl } from "@/lib/database-url";
import { dropDatabase, withClient, withDatabase } from "@/scripts/postgres-admin";

export const BENCH_POSTGRES_URL_VARIABLE = "MLPREP_BENCH_POSTGRES_URL";
const DEFAULT_BENCH_POSTGRES_URL = "postgresql://mlprep:mlprep@127.0.0.1:5432/mlprep";
const BENCH_DATABASE = "mlprep_bench";
const APPLICATION_NAME = "mlprep-bench";

export type BenchDatabase = {
  /** The server's DATABASE_URL. */
  url: string;
  /** Inserts a user with a password hash (there is no sign-up API). */
  createUser: (email: string, passwordHash: string) => Promise<void>;
  countAttempts: () => Promise<number>;
  /** The durability setting the answers were written under. */
  durability: () => Promise<string>;
};

/** A new SQLite file (the server migrates it, in WAL mode). */
export function freshSqlite(file: string): BenchDatabase {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const open = <T>(work: (database: Database.Database) => T, readonly = false): T => {
    const database = new Database(file, { readonly });
    try {
      return work(database);
    } finally {
      database.close();
    }
  };
  return {
    url: `file:./${file}`,
    createUser: async (email, passwordHash) =>
      open((database) => {
        const userId = randomUUID();
        const now = new Date().toISOString(); // the format Prisma's adapter writes
        database
          .prepare("INSERT INTO User (id, email, createdAt, updatedAt) VALUES (?, ?, ?, ?)")
          .run(userId, email, now, now);
        database
          .prepare("INSERT INTO Password (userId, hash, updatedAt) VALUES (?, ?, ?)")
          .run(userId, passwordHash, now);
      }),
    countAttempts: async () =>
      open(
        (database) => (database.prepare("SELECT COUNT(*) AS count FROM Attempt").get() as { count: number }).count,
        true,
      ),
    durability: async () =>
      open(
        (database) =>
          `journal_mode=${String(database.pragma("journal_mode", { simple: true }))}, synchronous=FULL per connection`,
        true,
      ),
  };
}

export const benchPostgresUrl = () => process.env[BENCH_POSTGRES_URL_VARIABLE]?.trim() || DEFAULT_BENCH_POSTGRES_URL;

/** Why the PostgreSQL setups cannot run, or undefined when its server answers. */
export async function postgresUnavailable(adminUrl = benchPostgresUrl()): Promise<string | undefined> {
  try {
    await withClient(adminUrl, APPLICATION_NAME, (client) => client.query("SELECT 1"));
    return undefined;
  } catch (error) {
    return `no PostgreSQL at ${redactDatabaseUrl(adminUrl)} (${(error as Error).message}); set ${BENCH_POSTGRES_URL_VARIABLE}`;
  }
}

/**
 * An empty `database` (the server migrates it); whatever an earlier setup or run left there is dropped.
 * Each benchmark names its own, so two benchmarks never drop each other's.
 */
export async function freshPostgres(adminUrl = benchPostgresUrl(), database = BENCH_DATABASE): Promise<BenchDatabase> {
  await dropDatabase(adminUrl, database, APPLICATION_NAME);
  await withClient(adminUrl, APPLICATION_NAME, (client) => client.query(`CREATE DATABASE "${database}"`));
  const url = withDatabase(adminUrl, database);
  const query = (sql: string, values: unknown[] = []) =>
    withClient(url, APPLICATION_NAME, (client) => client.query(sql, values));
  return {
    url,
    createUser: async (email, passwordHash) => {
      const userId = randomUUID();
      // TIMESTAMP(3) columns hold UTC, as Prisma writes them (docs/decisions/016-postgresql.md).
      await query(
        `INSERT INTO "User" ("id", "email", "createdAt", "updatedAt")
         VALUES ($1, $2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`,
        [userId, email],
      );
      await query(`INSERT INTO "Password" ("userId", "hash", "updatedAt") VALUES ($1, $2, now() AT TIME ZONE 'UTC')`, [
        userId,
        passwordHash,
      ]);
    },
    countAttempts: async () => (await query(`SELECT COUNT(*)::int AS count FROM "Attempt"`)).rows[0].count as number,
    durability: async () => {
      const setting = async (name: string) =>
        (await query(`SELECT current_setting($1) AS value`, [name])).rows[0].value;
      return `synchronous_commit=${await setting("synchronous_commit")}, fsync=${await setting("fsync")}`;
    },
  };
}
