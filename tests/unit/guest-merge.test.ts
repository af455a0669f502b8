import { describe, expect, it } from "vitest";
import { GUEST_MERGE_LIMITS, planGuestMerge, shouldMoveCard, type GuestAttempt } from "@/lib/domain/guest-merge";

const now = new Date("2026-03-18T12:00:00Z");
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** `now` moved by `ms`: negative is earlier. */
const fromNow = (ms: number) => new Date(now.getTime() + ms);

function guestAttempt(attemptId: string, answeredAt: Date, questionId = "q1"): GuestAttempt {
  return {
    attemptId,
    questionId,
    revision: 1,
    response: { type: "true-false", value: true },
    elapsedMs: 4_000,
    answeredAt,
  };
}

const ids = (attempts: GuestAttempt[]) => attempts.map((attempt) => attempt.attemptId);

describe("planGuestMerge", () => {
  it("accepts nothing from nothing", () => {
    expect(planGuestMerge([], now)).toEqual({ accepted: [], skipped: [] });
  });

  it("keeps the first of attempts sharing an id", () => {
    const first = guestAttempt("a", fromNow(-10 * MINUTE_MS), "q1");
    const plan = planGuestMerge(
      [first, guestAttempt("a", fromNow(-5 * MINUTE_MS), "q2"), guestAttempt("a", fromNow(-MINUTE_MS), "q3")],
      now,
    );
    expect(plan.accepted).toEqual([first]);
    expect(plan.skipped).toEqual([
      { attemptId: "a", reason: "duplicate" },
      { attemptId: "a", reason: "duplicate" },
    ]);
  });

  it("skips answers later than the allowed clock skew and clamps those within it to now", () => {
    const skew = GUEST_MERGE_LIMITS.clockSkewMs;
    const atSkew = guestAttempt("at-skew", fromNow(skew));
    const plan = planGuestMerge(
      [guestAttempt("beyond-skew", fromNow(skew + 1)), atSkew, guestAttempt("ahead", fromNow(MINUTE_MS))],
      now,
    );
    expect(plan.skipped).toEqual([{ attemptId: "beyond-skew", reason: "in-the-future" }]);
    expect(ids(plan.accepted)).toEqual(["at-skew", "ahead"]);
    expect(plan.accepted.map((attempt) => attempt.answeredAt.getTime())).toEqual([now.getTime(), now.getTime()]);
    // The guest's own record is left as it was.
    expect(atSkew.answeredAt.getTime()).toBe(now.getTime() + skew);
  });

  it("skips answers older than the maximum age", () => {
    const maxAgeMs = GUEST_MERGE_LIMITS.maxAgeDays * DAY_MS;
    const plan = planGuestMerge(
      [guestAttempt("too-old", fromNow(-maxAgeMs - 1)), guestAttempt("just-in-time", fromNow(-maxAgeMs))],
      now,
    );
    expect(plan.skipped).toEqual([{ attemptId: "too-old", reason: "too-old" }]);
    expect(ids(plan.accepted)).toEqual(["just-in-time"]);
  });

  it("keeps the most recent answers up to the limit", () => {
    const limit = GUEST_MERGE_LIMITS.maxAttempts;
    // Newest first, as a browser might list them: a-0 is the newest, a-501 the oldest.
    const attempts = Array.from({ length: limit + 2 }, (_, index) =>
      guestAttempt(`a-${index}`, fromNow(-index * MINUTE_MS)),
    );
    const plan = planGuestMerge(attempts, now);
    expect(plan.accepted).toHaveLength(limit);
    expect(plan.skipped).toEqual([
      { attemptId: `a-${limit + 1}`, reason: "over-limit" },
      { attemptId: `a-${limit}`, reason: "over-limit" },
    ]);
    expect(plan.accepted[0]!.attemptId).toBe(`a-${limit - 1}`);
    expect(plan.accepted.at(-1)!.attemptId).toBe("a-0");
  });

  it("does not count skipped answers against the limit", () => {
    const limit = GUEST_MERGE_LIMITS.maxAttempts;
    const attempts = Array.from({ length: limit }, (_, index) =>
      guestAttempt(`a-${index}`, fromNow(-index * MINUTE_MS)),
    );
    const plan = planGuestMerge(
      [...attempts, guestAttempt("a-0", now), guestAttempt("old", fromNow(-400 * DAY_MS))],
      now,
    );
    expect(plan.accepted).toHaveLength(limit);
    expect(plan.skipped.map((skip) => skip.reason)).toEqual(["duplicate", "too-old"]);
  });

  it("returns accepted answers oldest first, ties in input order", () => {
    const plan = planGuestMerge(
      [
        guestAttempt("c", fromNow(-MINUTE_MS)),
        guestAttempt("b1", fromNow(-5 * MINUTE_MS)),
        guestAttempt("a", fromNow(-30 * MINUTE_MS)),
        guestAttempt("b2", fromNow(-5 * MINUTE_MS)),
      ],
      now,
    );
    expect(ids(plan.accepted)).toEqual(["a", "b1", "b2", "c"]);
  });
});

describe("shouldMoveCard", () => {
  const answeredAt = fromNow(-60 * MINUTE_MS);

  it("moves a card never reviewed, or last reviewed before or at the answer", () => {
    expect(shouldMoveCard(null, answeredAt)).toBe(true);
    expect(shouldMoveCard(fromNow(-120 * MINUTE_MS), answeredAt)).toBe(true);
    expect(shouldMoveCard(answeredAt, answeredAt)).toBe(true);
  });

  it("leaves a card reviewed after the answer where it is", () => {
    expect(shouldMoveCard(fromNow(-30 * MINUTE_MS), answeredAt)).toBe(false);
  });
});
