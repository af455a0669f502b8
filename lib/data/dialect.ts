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
   * The number of the `seconds`-long span since 1970-01-01 UTC that a DateTime column's instant falls in,
   * as an integer: SQLite holds DateTime as ISO 8601 text with an offset, PostgreSQL as TIMESTAMP(3) in UTC.
   */
  epochSpan(column: Prisma.Sql, seconds: number): Prisma.Sql;
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
  // A write transaction on SQLite already excludes every other writer of the file.
  lockContentSync: async () => undefined,
  // unixepoch() reads the text's offset ("...+00:00") and gives whole seconds; integer division floors them.
  epochSpan: (column, seconds) => Prisma.sql`(unixepoch(${column}) / ${Prisma.raw(String(seconds))})`,
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
  // EXTRACT(EPOCH) of a timestamp without time zone reads it as UTC, which is what the column holds.
  epochSpan: (column, seconds) =>
    Prisma.sql`CAST(FLOOR(EXTRACT(EPOCH FROM ${column}) / ${Prisma.raw(String(seconds))}) AS INTEGER)`,
  joinTexts: (text) => Prisma.sql`string_agg(${text}, ',')`,
  epochMillisecondsText: (column) =>
    Prisma.sql`CAST(CAST(ROUND(EXTRACT(EPOCH FROM ${column}) * 1000) AS BIGINT) AS TEXT)`,
  // PostgreSQL 12 and later print the shortest text that reads back exactly.
  exactFloatText: (column) => Prisma.sql`CAST(${column} AS TEXT)`,
};

export const DIALECTS: Record<DatabaseKind, SqlDialect> = { sqlite, postgresql };

/** The dialect of DATABASE_URL's database. */
export const dialect: SqlDialect = DIALECTS[DATABASE_KIND];
