import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env";
import { PrismaClient } from "@/prisma/generated/client";

/**
 * Per-connection settings the driver adapter does not apply. In WAL mode better-sqlite3 is built to
 * default to synchronous=NORMAL, which may lose the last commits on power loss; an answer a candidate was
 * told is saved must survive that, so FULL. busy_timeout makes a second process (the start-up sync, a
 * CLI) wait for the write lock instead of failing at once.
 */
const CONNECTION_PRAGMAS = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

class ConfiguredSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }
}

/**
 * One Prisma client per process. In development, Next re-evaluates modules on every edit; keeping the
 * client on globalThis stops each reload from opening another SQLite connection.
 */
const globalForDb = globalThis as unknown as { db?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new ConfiguredSQLite({ url: env.DATABASE_URL }) });
}

export const db = globalForDb.db ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.db = db;

export const DATABASE_KIND = "sqlite";
