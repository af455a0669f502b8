import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIVITY_SPAN_MS,
  computeDeckProgress,
  computeProgress,
  type CardFact,
  type ProgressInput,
} from "@/lib/domain/progress";
import { perAttempt, perQuarterHour, talliesOf, type AttemptFact } from "@/tests/support/progress-facts";

const DAY_MS = 86_400_000;
/**
 * Zones whose midnights are not on the hour (+5:45, +5:30, -3:30 with daylight saving, +8:45, +12:45
 * with daylight saving, a half-hour daylight saving shift) and whole-hour ones that switch in spring and
 * autumn, in both hemispheres.
 */
const ZONES = [
  "UTC",
  "Asia/Kathmandu",
  "Asia/Kolkata",
  "America/St_Johns",
  "Australia/Eucla",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
];

const questions = ["q1", "q2", "q3", "q4", "q5"].map((id, index) => ({
  id,
  deckId: index < 3 ? "d1" : "d2",
  topic: index < 2 ? "metrics" : "nlp",
}));
const base = {
  questions,
  decks: [
    { id: "d1", title: "Metrics", topic: "metrics" },
    { id: "d2", title: "Language models", topic: "nlp" },
  ],
  topics: [
    { slug: "metrics", name: "Evaluation metrics" },
    { slug: "nlp", name: "NLP" },
  ],
};

/** From 2020 to 2030, so the runs cross many daylight-saving switches. */
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

/**
 * An answer up to 400 days before `now` (the heatmap's year and the streaks before it): anywhere, or
 * within a few milliseconds of a quarter hour's edge, where a local midnight may fall.
 */
const attemptBefore = (now: number) =>
  fc.record({
    questionId: fc.constantFrom(...questions.map((question) => question.id)),
    correct: fc.boolean(),
    createdAt: fc
      .oneof(
        fc.integer({ min: now - 400 * DAY_MS, max: now }),
        fc
          .tuple(fc.integer({ min: 0, max: (400 * DAY_MS) / ACTIVITY_SPAN_MS }), fc.integer({ min: -2, max: 2 }))
          .map(([spans, ms]) => Math.floor(now / ACTIVITY_SPAN_MS) * ACTIVITY_SPAN_MS - spans * ACTIVITY_SPAN_MS + ms),
      )
      .map((ms) => new Date(Math.min(ms, now))),
  });

const cardOf = (questionId: string, due: number, lastReview: number): CardFact => ({
  questionId,
  due: new Date(due),
  stability: 8,
  reps: 2,
  state: 2,
  lastReview: new Date(lastReview),
});

const history = instant.chain((now) =>
  fc.record({
    now: fc.constant(new Date(now)),
    timeZone: fc.constantFrom(...ZONES),
    attempts: fc.array(attemptBefore(now), { maxLength: 60 }),
    cards: fc.uniqueArray(
      fc.record({
        questionId: fc.constantFrom(...questions.map((question) => question.id)),
        due: fc.integer({ min: now - 30 * DAY_MS, max: now + 10 * DAY_MS }),
        lastReview: fc.integer({ min: now - 30 * DAY_MS, max: now }),
      }),
      { selector: (card) => card.questionId },
    ),
  }),
);

function inputOf(run: {
  now: Date;
  timeZone: string;
  attempts: AttemptFact[];
  cards: { questionId: string; due: number; lastReview: number }[];
}): Omit<ProgressInput, "activity"> {
  return {
    ...base,
    now: run.now,
    timeZone: run.timeZone,
    tallies: talliesOf(run.attempts),
    cards: run.cards.map((card) => cardOf(card.questionId, card.due, card.lastReview)),
  };
}

describe("progress from counts", () => {
  it("gives exactly the report computed from every attempt, in any zone and at any time", () => {
    fc.assert(
      fc.property(history, (run) => {
        const input = inputOf(run);
        const fromCounts = computeProgress({ ...input, activity: perQuarterHour(run.attempts) });
        expect(fromCounts).toEqual(computeProgress({ ...input, activity: perAttempt(run.attempts) }));
      }),
      { numRuns: 400 },
    );
  });

  it("counts an answer a millisecond before a :45 midnight on the day before, and one at midnight on the day", () => {
    // 00:00 on 2026-03-18 in Kathmandu (+5:45) is 18:15 UTC on the 17th.
    const midnight = Date.UTC(2026, 2, 17, 18, 15);
    const attempts = [
      { questionId: "q1", correct: true, createdAt: new Date(midnight - 1) },
      { questionId: "q1", correct: false, createdAt: new Date(midnight) },
    ];
    const report = computeProgress({
      ...inputOf({ now: new Date(midnight + DAY_MS / 2), timeZone: "Asia/Kathmandu", attempts, cards: [] }),
      activity: perQuarterHour(attempts),
    });
    expect(report.daily.slice(-2)).toEqual([
      { date: "2026-03-17", answered: 1, correct: 1 },
      { date: "2026-03-18", answered: 1, correct: 0 },
    ]);
  });

  it("gives the decks' standings of the whole report", () => {
    fc.assert(
      fc.property(history, (run) => {
        const input = inputOf(run);
        expect(computeDeckProgress(input)).toEqual(computeProgress({ ...input, activity: [] }).decks);
      }),
      { numRuns: 100 },
    );
  });
});
