import "server-only";
import { checkLimit, countOne, type Limit } from "@/lib/domain/rate-limit";
import type { PrismaClient } from "@/prisma/generated/client";

type Client = Pick<PrismaClient, "rateLimit">;

/** The first of `limits` that is exhausted at `now`, with how long until it frees up. */
export async function findExhaustedLimit(
  client: Client,
  limits: { key: string; limit: Limit }[],
  now: Date,
): Promise<{ key: string; retryAfterMs: number } | undefined> {
  const windows = await client.rateLimit.findMany({ where: { key: { in: limits.map(({ key }) => key) } } });
  const byKey = new Map(windows.map((window) => [window.key, window]));
  for (const { key, limit } of limits) {
    const verdict = checkLimit(byKey.get(key), limit, now);
    if (!verdict.allowed) return { key, retryAfterMs: verdict.retryAfterMs };
  }
  return undefined;
}

/** Counts one event against every key, each in its own window. */
export async function countEvent(client: PrismaClient, limits: { key: string; limit: Limit }[], now: Date): Promise<void> {
  await client.$transaction(async (tx) => {
    for (const { key, limit } of limits) {
      const current = await tx.rateLimit.findUnique({ where: { key } });
      const next = countOne(current ?? undefined, limit, now);
      await tx.rateLimit.upsert({ where: { key }, create: { key, ...next }, update: next });
    }
  });
}

export async function clearLimit(client: Client, key: string): Promise<void> {
  await client.rateLimit.deleteMany({ where: { key } });
}
