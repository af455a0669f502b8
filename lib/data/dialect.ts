import "server-only";
import { DATABASE_KIND } from "@/lib/data/db";
import type { DatabaseKind } from "@/lib/database-url";
import { Prisma } from "@/prisma/generated/client";

/** What a transaction client can run: raw SQL is all a dialect needs. */
type RawClient = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/**
 * Where SQLite and PostgreSQL need different SQL or different concurrency control, in one place
 * (docs/decisions/016-postgresql.md). Everything else in lib/data is SQL both run as written.
 */
export type SqlDialect = {
  kind: DatabaseKind;
  /**
   * Called first in the answer writer's transaction: makes every other writer of these users' review
   * cards wait until this transaction ends, so read-compute-upsert of a card is never interleaved.
   */
  lockUsersForAnswers(tx: RawClient, userIds: readonly string[]): Promise<void>;
  /**
   * Called first in the content sync's transaction: servers starting together on one database sync one
   * after another, so the second finds the questions the first created instead of failing to create them.
   * (The first deck upsert's row lock happens to serialise them on PostgreSQL too; this does not depend on
   * what the sync writes first.)
   */
  lockContentSync(tx: RawClient): Promise<void>;
  /**
   * Called first in a transaction that reads how many admins there are before removing one (deleting an
   * account, changing a role): two of them at once must not both see two admins and leave none.
   */
  lockAdmins(tx: RawClient): Promise<void>;
  /** The aggregate that joins a group's texts, separated by commas. */
  joinTexts(text: Prisma.Sql): Prisma.Sql;
  /** A DateTime column's instant as whole milliseconds since 1970-01-01 UTC, as text (NULL stays NULL). */
  epochMillisecondsText(column: Prisma.Sql): Prisma.Sql;
  /** A float column as text that reads back as the very same number (SQLite's CAST keeps only 15 digits). */
  exactFloatText(column: Prisma.Sql): Prisma.Sql;
};

const sqlite: SqlDialect = {
  kind: "sqlite",
  // SQLite has one writer at a time and serves one server (docs/decisions/016-postgresql.md), whose
  // group-commit writer writes one batch at a time: nothing to lock.
  lockUsersForAnswers: async () => undefined,
  // A write transaction on SQLite already excludes every other writer of the file, and takes the write
  // lock when it begins (lib/data/sqlite-adapter.ts): what it read stays true until it commits.
  lockContentSync: async () => undefined,
  lockAdmins: async () => undefined,
  joinTexts: (text) => Prisma.sql`group_concat(${text}, ',')`,
  epochMillisecondsText: (column) =>
    Prisma.sql`CAST(CAST(ROUND(unixepoch(${column}, 'subsec') * 1000) AS INTEGER) AS TEXT)`,
  exactFloatText: (column) => Prisma.sql`printf('%.17g', ${column})`,
};

const postgresql: SqlDialect = {
  kind: "postgresql",
  // READ COMMITTED lets two servers read the same old card and the later upsert drop the other's review.
  // A transaction-scoped advisory lock per user (released at commit or rollback) serialises them; taken
  // in sorted order (a sorted subquery, as PostgreSQL's manual advises), so two batches never wait on each
  // other in a cycle. hashtextextended gives a 64-bit key, prefixed so it never meets another lock; a
  // collision only makes two users wait for each other. $executeRaw: the function returns void.
  async lockUsersForAnswers(tx, userIds) {
    const sorted = [...new Set(userIds)].sort();
    if (!sorted.length) return;
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(hashtextextended('mlprep.answers:' || ordered."id", 0))
      FROM (SELECT "id" FROM unnest(${sorted}::text[]) WITH ORDINALITY AS ids ("id", "n") ORDER BY "n" OFFSET 0) AS ordered`;
  },
  async lockContentSync(tx) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('mlprep.content-sync', 0))`;
  },
  // READ COMMITTED: without it, two transactions each count two admins and each remove one.
  async lockAdmins(tx) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('mlprep.admins', 0))`;
  },
  joinTexts: (text) => Prisma.sql`string_agg(${text}, ',')`,
  epochMillisecondsText: (column) =>
    Prisma.sql`CAST(CAST(ROUND(EXTRACT(EPOCH FROM ${column}) * 1000) AS BIGINT) AS TEXT)`,
  // PostgreSQL 12 and later print the shortest text that reads back exactly.
  exactFloatText: (column) => Prisma.sql`CAST(${column} AS TEXT)`,
};

export const DIALECTS: Record<DatabaseKind, SqlDialect> = { sqlite, postgresql };

/** The dialect of DATABASE_URL's database. */
export const dialect: SqlDialect = DIALECTS[DATABASE_KIND];
