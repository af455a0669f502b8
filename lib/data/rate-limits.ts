import "server-only";
import { checkCounted, LONGEST_WINDOW_MS, windowCutoff, type CountWindow, type Limit } from "@/lib/domain/rate-limit";
import type { PrismaClient } from "@/prisma/generated/client";

type Client = Pick<PrismaClient, "rateLimit" | "$queryRaw" | "$executeRaw">;

export type KeyedLimit = { key: string; limit: Limit };
/** One counted attempt: the key and the window it was counted in, to give it back on success. */
export type Counted = { key: string; windowStartedAt: Date };

/**
 * Counts one attempt against `key` in a single statement and returns the window it landed in: a new
 * window when none is current (lib/domain/rate-limit.ts windowCutoff), else the current one plus one.
 * One statement, so parallel attempts each see a different count and no two can both pass as the last
 * one allowed. Plain SQL that SQLite and PostgreSQL both run; every SET expression reads the old row.
 */
async function countOne(client: Client, { key, limit }: KeyedLimit, now: Date): Promise<CountWindow> {
  const cutoff = windowCutoff(limit, now);
  const [window] = await client.$queryRaw<CountWindow[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStartedAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStartedAt" > ${cutoff} THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowStartedAt" = CASE WHEN "RateLimit"."windowStartedAt" > ${cutoff} THEN "RateLimit"."windowStartedAt" ELSE ${now} END
    RETURNING "count", "windowStartedAt"`;
  if (!window) throw new Error(`counting ${key} returned no row`);
  return { count: Number(window.count), windowStartedAt: new Date(window.windowStartedAt) };
}

/**
 * Counts one attempt against every key (before the work the limits protect, such as checking a
 * password) and answers the first limit the attempt goes over, if any. Starting a new window is when the
 * table grows, so that is when rows whose windows have all ended are pruned, through their index.
 */
export async function countAttempt(
  client: Client,
  limits: KeyedLimit[],
  now: Date,
): Promise<{ counted: Counted[]; exceeded?: { key: string; retryAfterMs: number } }> {
  const counted: Counted[] = [];
  let exceeded: { key: string; retryAfterMs: number } | undefined;
  let startedWindow = false;
  for (const keyed of limits) {
    const window = await countOne(client, keyed, now);
    counted.push({ key: keyed.key, windowStartedAt: window.windowStartedAt });
    startedWindow ||= window.count === 1;
    const verdict = checkCounted(window, keyed.limit, now);
    if (!verdict.allowed) exceeded ??= { key: keyed.key, retryAfterMs: verdict.retryAfterMs };
  }
  if (startedWindow) await pruneEndedWindows(client, now);
  return exceeded ? { counted, exceeded } : { counted };
}

/** Gives counted attempts back (a sign-in that succeeded was no guess), in the window they were counted in. */
export async function refundAttempts(client: Client, counted: Counted[]): Promise<void> {
  for (const { key, windowStartedAt } of counted) {
    await client.rateLimit.updateMany({ where: { key, windowStartedAt, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }
}

export async function clearLimit(client: Client, key: string): Promise<void> {
  await client.rateLimit.deleteMany({ where: { key } });
}

/**
 * Deletes the rows with exactly `keys` or starting with one of `prefixes`. A prefix is compared with
 * substr, not LIKE (nor Prisma's startsWith, which passes `_` and `%` through as wildcards): an email
 * such as a_b@example.com must not match aXb@example.com's rows.
 */
export async function deleteLimits(client: Client, { keys, prefixes }: { keys: string[]; prefixes: string[] }): Promise<void> {
  await client.rateLimit.deleteMany({ where: { key: { in: keys } } });
  for (const prefix of prefixes) {
    await client.$executeRaw`DELETE FROM "RateLimit" WHERE substr("key", 1, length(${prefix})) = ${prefix}`;
  }
}

/** Rows whose window started before the longest window are over for every limit. */
async function pruneEndedWindows(client: Client, now: Date): Promise<void> {
  await client.rateLimit.deleteMany({ where: { windowStartedAt: { lte: new Date(now.getTime() - LONGEST_WINDOW_MS) } } });
}
