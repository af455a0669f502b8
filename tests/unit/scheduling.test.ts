import fc from "fast-check";
import { createEmptyCard, fsrs, Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_DESIRED_RETENTION,
  isDue,
  newCard,
  ratingFor,
  retrievability,
  review,
  type ReviewCard,
} from "@/lib/domain/scheduling";

const t0 = new Date("2026-11-28T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const days = (from: Date, n: number) => new Date(from.getTime() + n * 86_400_000);

describe("ratingFor", () => {
  it("maps wrong to Again, right to Good or Easy when fast, and self-grades as chosen", () => {
    expect(ratingFor("single", { correct: false, feedback: [] }, 2_000)).toBe(Rating.Again);
    expect(ratingFor("single", { correct: true, feedback: [] }, 3_000)).toBe(Rating.Easy);
    expect(ratingFor("single", { correct: true, feedback: [] }, 30_000)).toBe(Rating.Good);
    expect(ratingFor("numeric", { correct: true, feedback: [] }, 20_000)).toBe(Rating.Easy);
    expect(ratingFor("open", { correct: true, selfGrade: "hard", feedback: [] }, 1_000)).toBe(Rating.Hard);
    expect(ratingFor("open", { correct: false, selfGrade: "again", feedback: [] }, 1_000)).toBe(Rating.Again);
  });
});

describe("review with a moved clock", () => {
  it("brings a wrong answer back within minutes, and a right one later", () => {
    const wrong = review(undefined, Rating.Again, t0);
    const right = review(undefined, Rating.Good, t0);
    expect(isDue(wrong, t0)).toBe(false);
    expect(isDue(wrong, minutes(10))).toBe(true);
    expect(right.due.getTime()).toBeGreaterThan(wrong.due.getTime());
  });

  it("grows the interval with each successful review", () => {
    let card: ReviewCard | undefined;
    let now = t0;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      card = review(card, Rating.Good, now);
      intervals.push(card.due.getTime() - now.getTime());
      now = card.due;
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
    expect(card!.reps).toBe(5);
  });

  it("schedules sooner for a higher desired retention", () => {
    const first = review(undefined, Rating.Good, t0);
    const second = review(first, Rating.Good, first.due);
    const strict = review(second, Rating.Good, second.due, 0.97);
    const relaxed = review(second, Rating.Good, second.due, 0.8);
    expect(strict.scheduledDays).toBeLessThan(relaxed.scheduledDays);
  });

  it("counts a lapse when a learned card is forgotten", () => {
    let card = review(undefined, Rating.Easy, t0);
    card = review(card, Rating.Good, card.due);
    const lapsed = review(card, Rating.Again, card.due);
    expect(lapsed.lapses).toBe(1);
    expect(isDue(lapsed, days(card.due, 1))).toBe(true);
  });
});

describe("retrievability", () => {
  it("is 0 for a card never reviewed", () => {
    expect(retrievability(newCard(t0), days(t0, 3))).toBe(0);
  });

  it("is 1 right after a review and falls as the clock moves on", () => {
    const card = review(undefined, Rating.Good, t0);
    expect(retrievability(card, t0)).toBeCloseTo(1, 6);
    const later = [1, 3, 10, 30].map((n) => retrievability(card, days(t0, n)));
    for (let i = 1; i < later.length; i++) expect(later[i]!).toBeLessThan(later[i - 1]!);
    expect(later[0]!).toBeLessThan(1);
  });

  it("is near the desired retention when a review-state card falls due", () => {
    // Intervals are whole days, so the match is close once they are longer than a few days.
    const first = review(undefined, Rating.Good, t0);
    const second = review(first, Rating.Good, first.due);
    const third = review(second, Rating.Good, second.due);
    expect(third.state).toBe(2);
    expect(retrievability(third, third.due)).toBeCloseTo(DEFAULT_DESIRED_RETENTION, 2);
  });

  it("is exactly what ts-fsrs gives for the whole card, from the memory state alone", () => {
    const first = review(undefined, Rating.Good, t0);
    const lapsed = review(review(first, Rating.Again, first.due), Rating.Hard, days(first.due, 2));
    for (const card of [first, lapsed]) {
      const whole = {
        due: card.due,
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: card.elapsedDays,
        scheduled_days: card.scheduledDays,
        learning_steps: card.learningSteps,
        reps: card.reps,
        lapses: card.lapses,
        state: card.state,
        last_review: card.lastReview!,
      };
      const { state, reps, stability, lastReview } = card;
      for (const n of [0, 1, 7, 40]) {
        expect(retrievability({ state, reps, stability, lastReview }, days(t0, n))).toBe(
          fsrs().get_retrievability(whole, days(t0, n), false),
        );
      }
    }
  });

  it("is get_retrievability's value for any memory state and moment (property)", () => {
    const model = fsrs();
    const instant = (from: number) => fc.integer({ min: from, max: from + 4e10 }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(
        fc.constantFrom(State.Learning, State.Review, State.Relearning),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.001, max: 36_500, noNaN: true }),
        instant(t0.getTime()),
        fc.integer({ min: -86_400_000, max: 4e10 }),
        (state, reps, stability, lastReview, after) => {
          const now = new Date(lastReview.getTime() + after);
          const whole = { ...createEmptyCard(lastReview), state, reps, stability, last_review: lastReview };
          expect(retrievability({ state, reps, stability, lastReview }, now)).toBe(
            model.get_retrievability(whole, now, false),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
