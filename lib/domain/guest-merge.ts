/**
 * Rules for merging a guest's browser-kept answers into their account on sign-in or sign-up. Pure: the
 * caller passes `now`. Replaying an accepted answer is safe to repeat, since recording is idempotent on
 * attemptId; these rules decide what is worth replaying, and in which order.
 */

export type GuestAttempt = {
  attemptId: string;
  questionId: string;
  revision: number;
  response: unknown;
  elapsedMs: number;
  answeredAt: Date;
};

export const GUEST_MERGE_LIMITS = {
  /** Caps the work one sign-in can cause; the most recent answers matter most to the schedule. */
  maxAttempts: 500,
  /** Answers this old say little about what the user remembers now. */
  maxAgeDays: 365,
  /** How far ahead of the server the browser's clock may run before an answer is not believed. */
  clockSkewMs: 5 * 60_000,
} as const;

export type GuestMergeSkipReason = "duplicate" | "too-old" | "in-the-future" | "over-limit";

export type GuestMergePlan<T extends GuestAttempt = GuestAttempt> = {
  /** Oldest first (ties in input order), so FSRS replays the history in the order it happened. */
  accepted: T[];
  skipped: { attemptId: string; reason: GuestMergeSkipReason }[];
};

const DAY_MS = 86_400_000;

/** Generic so the caller gets back its own (already validated) attempt type. */
export function planGuestMerge<T extends GuestAttempt>(attempts: T[], now: Date): GuestMergePlan<T> {
  const seenIds = new Set<string>();
  const skipped: GuestMergePlan["skipped"] = [];
  const kept: T[] = [];

  for (const attempt of attempts) {
    const reason = skipReason(attempt.answeredAt, seenIds.has(attempt.attemptId), now);
    seenIds.add(attempt.attemptId);
    if (reason) skipped.push({ attemptId: attempt.attemptId, reason });
    // Within the skew the browser's clock is merely ahead: the answer happened by now at the latest.
    else kept.push(attempt.answeredAt > now ? { ...attempt, answeredAt: new Date(now) } : attempt);
  }

  // Array.prototype.sort is stable, so answers at the same moment stay in input order.
  const chronological = kept.sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  const overLimit = Math.max(0, chronological.length - GUEST_MERGE_LIMITS.maxAttempts);
  for (const attempt of chronological.slice(0, overLimit))
    skipped.push({ attemptId: attempt.attemptId, reason: "over-limit" });
  return { accepted: chronological.slice(overLimit), skipped };
}

function skipReason(answeredAt: Date, duplicate: boolean, now: Date): GuestMergeSkipReason | undefined {
  if (duplicate) return "duplicate";
  if (answeredAt.getTime() > now.getTime() + GUEST_MERGE_LIMITS.clockSkewMs) return "in-the-future";
  if (answeredAt.getTime() < now.getTime() - GUEST_MERGE_LIMITS.maxAgeDays * DAY_MS) return "too-old";
  return undefined;
}

/**
 * Whether an answer given at `answeredAt` should move the card. An older guest answer arriving after the
 * card was reviewed again must not drag the newer schedule backwards; it still counts in the history.
 */
export function shouldMoveCard(cardLastReview: Date | null, answeredAt: Date): boolean {
  return cardLastReview === null || cardLastReview.getTime() <= answeredAt.getTime();
}
