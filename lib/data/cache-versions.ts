import "server-only";
import { db } from "@/lib/data/db";
import type { Prisma } from "@/prisma/generated/client";

/**
 * Per-process caches on several servers (issue 12, docs/decisions/016-postgresql.md). A write that makes
 * a cache stale raises that cache's counter in the CacheVersion table in its own transaction
 * (raiseCacheVersion). Each process reads the counters at most once a second, when a cache is used
 * (checkCacheVersions), and drops every cache whose counter moved since its last read. So another
 * server's change is seen within about a second (the check interval plus one query), at the cost of one
 * tiny query per second per busy process. The server that made the change drops its own entries after
 * the commit (forgetQuestion, noteSessionVersion), and the counter again at its next check.
 */
export type CacheName = "questions" | "sessions";

const CHECK_INTERVAL_MS = 1_000;

type RawClient = Pick<Prisma.TransactionClient, "$executeRaw">;

const droppers = new Map<CacheName, Array<() => void>>();
const seen = new Map<string, number>();
let checkedAt = Number.NEGATIVE_INFINITY;
let checking: Promise<void> | undefined;

/** Registers how to empty a cache when its counter moves (called once, where the cache is defined). */
export function onCacheStale(name: CacheName, drop: () => void): void {
  droppers.set(name, [...(droppers.get(name) ?? []), drop]);
}

function drop(name: string): void {
  for (const dropCache of droppers.get(name as CacheName) ?? []) dropCache();
}

/**
 * Raises the counter, inside the transaction that makes the cache stale, so no server sees the new
 * counter before the change. Plain SQL both databases run; atomic per row on both.
 */
export async function raiseCacheVersion(tx: RawClient, name: CacheName): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CacheVersion" ("name", "version") VALUES (${name}, 1)
    ON CONFLICT ("name") DO UPDATE SET "version" = "CacheVersion"."version" + 1`;
}

async function readVersions(): Promise<void> {
  const rows = await db.cacheVersion.findMany();
  for (const { name, version } of rows) {
    const before = seen.get(name);
    seen.set(name, version);
    // The first read: what this process cached so far may predate it, so drop it once.
    if (before !== version) drop(name);
  }
}

/**
 * Before using a cache: at most once a second, reads the counters and drops what moved. Callers during a
 * read wait for it (one indexed query). A failed read drops every cache, to be safe, and is retried on
 * the next use after the interval.
 */
export function checkCacheVersions(now = Date.now()): Promise<void> {
  if (checking) return checking;
  if (now - checkedAt < CHECK_INTERVAL_MS) return Promise.resolve();
  checkedAt = now;
  checking = readVersions()
    .catch(() => {
      seen.clear();
      for (const name of droppers.keys()) drop(name);
    })
    .finally(() => {
      checking = undefined;
    });
  return checking;
}
