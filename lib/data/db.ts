import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind, type DatabaseKind } from "@/lib/database-url";
import { env } from "@/lib/env";
import { PrismaClient } from "@/prisma/generated/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/prisma/postgresql/generated/client";
import { ConfiguredSQLite } from "./sqlite-adapter";

/** Interactive transactions' time limit on PostgreSQL (see createClient). */
const POSTGRESQL_TRANSACTION_TIMEOUT_MS = 60_000;

/** Which database DATABASE_URL names (lib/database-url.ts): "sqlite" for file:, "postgresql" for postgresql://. */
export const DATABASE_KIND: DatabaseKind = databaseKind(env.DATABASE_URL);

/**
 * One Prisma client per process. In development, Next re-evaluates modules on every edit; keeping the
 * client on globalThis stops each reload from opening another connection (pool).
 */
const globalForDb = globalThis as unknown as { db?: PrismaClient };

/**
 * The client for DATABASE_URL. Both generated clients come from the same models
 * (prisma/postgresql/schema.prisma is generated from prisma/schema.prisma, and a unit test fails when
 * they differ), so the PostgreSQL one is used through the SQLite client's type: the code is written once
 * against Prisma's portable API (docs/decisions/016-postgresql.md).
 */
function createClient(): PrismaClient {
  if (DATABASE_KIND === "postgresql") {
    // A pool per process (pg's default, 10 connections). Waiting for a connection gives up after 10 s
    // instead of never (pg's default). The session time zone is UTC whatever the server's: Prisma writes
    // DateTime as UTC into TIMESTAMP(3) columns (no time zone), so a column default or now() in SQL must
    // mean UTC too. PostgreSQL's own defaults otherwise: synchronous_commit is on, so a committed answer is
    // on disk before it is acknowledged.
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 10_000, options: "-c TimeZone=UTC" });
    // Each statement is a network round trip (1-3 ms here, microseconds on SQLite), and the start-up deck
    // sync of a server starting beside another waits for the other's to finish (its lock): either can
    // outlast Prisma's 5 s default for interactive transactions on a busy machine. The guard stays, longer.
    const client = new PostgresqlPrismaClient({ adapter, transactionOptions: { timeout: POSTGRESQL_TRANSACTION_TIMEOUT_MS } });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new ConfiguredSQLite({ url: env.DATABASE_URL }) });
}

export const db = globalForDb.db ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.db = db;
