import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env";
import { PrismaClient } from "@/prisma/generated/client";

/**
 * One Prisma client per process. In development, Next re-evaluates modules on every edit; keeping the
 * client on globalThis stops each reload from opening another SQLite connection.
 */
const globalForDb = globalThis as unknown as { db?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }) });
}

export const db = globalForDb.db ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.db = db;

export const DATABASE_KIND = "sqlite";
