/**
 * One read-only query on DATABASE_URL's database without Prisma: what `npm start` asks before deciding
 * whether to spawn the migrator and the content sync (scripts/migration-status.ts,
 * scripts/content-sync-cache.ts), where loading Prisma's client would cost more than the answer saves.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { databaseKind, sqliteFilePath } from "@/lib/database-url";

/** The rows of `sql` (no parameters); a SQLite file that does not exist yet has none. Errors are thrown. */
export async function queryDatabase<Row>(databaseUrl: string, sql: string): Promise<Row[]> {
  if (databaseKind(databaseUrl) === "postgresql") {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  const file = path.resolve(sqliteFilePath(databaseUrl));
  if (!existsSync(file)) return [];
  const database = new Database(file, { readonly: true });
  try {
    return database.prepare(sql).all() as Row[];
  } finally {
    database.close();
  }
}
