import { describe, expect, it } from "vitest";
import { computeProgress, type CardFact, type ProgressInput, type QuestionFact } from "@/lib/domain/progress";
import { perAttempt, talliesOf, type AttemptFact } from "@/tests/support/progress-facts";

// A Wednesday, 21:00 in Tokyo.
const now = new Date("2026-03-18T12:00:00Z");

/** The input for these attempts: each one its own span of activity (tests/unit/progress-aggregates.test.ts covers quarter hours). */
function input({ attempts = [], ...overrides }: Partial<ProgressInput> & { attempts?: AttemptFact[] }): ProgressInput {
  return {
    tallies: talliesOf(attempts),
    activity: perAttempt(attempts),
    cards: [],
    questions: [],
    decks: [],
    topics: [],
    now,
    timeZone: "UTC",
    ...overrides,
  };
}

const question = (id: string, topic = "fundamentals", deckId = "deck"): QuestionFact => ({ id, deckId, topic });
const attempt = (questionId: string, createdAt: string, correct = true): AttemptFact => ({
  questionId,
  correct,
  createdAt: new Date(createdAt),
});
/** One attempt at noon UTC on each day. */
const attemptsOn = (questionId: string, dates: string[]) =>
  dates.map((date) => attempt(questionId, `${date}T12:00:00Z`));

/** A review-state card last reviewed at `now`, so its recall probability is exactly 1. */
function card(questionId: string, due: string): CardFact {
  return {
    questionId,
    due: new Date(due),
    stability: 10,
    reps: 3,
    state: 2,
    lastReview: now,
  };
}

describe("computeProgress", () => {
  it("reports zeros, empty lists and full date ranges for a user with no history", () => {
    const report = computeProgress(input({}));
    expect(report.totals).toEqual({ answered: 0, correct: 0, accuracy: null, questionsSeen: 0, dueNow: 0 });
    expect(report.decks).toEqual([]);
    expect(report.topics).toEqual([]);
    expect(report.weakestTopics).toEqual([]);
    expect(report.streak).toEqual({ current: 0, longest: 0, activeToday: false });
    expect(report.daily).toHaveLength(30);
    expect(report.daily[0]).toEqual({ date: "2026-02-17", answered: 0, correct: 0 });
    expect(report.daily[29]).toEqual({ date: "2026-03-18", answered: 0, correct: 0 });
    expect(report.dueNext7Days.map((day) => day.date)).toEqual([
      "2026-03-18",
      "2026-03-19",
      "2026-03-20",
      "2026-03-21",
      "2026-03-22",
      "2026-03-23",
      "2026-03-24",
    ]);
    expect(report.dueNext7Days.every((day) => day.count === 0)).toBe(true);
    expect(report.heatmap.days.every((day) => day.count === 0)).toBe(true);
  });

  it("totals answers, accuracy and distinct questions seen, ignoring unknown questions", () => {
    const report = computeProgress(
      input({
        questions: [question("q1"), question("q2"), question("q3")],
        attempts: [
          attempt("q1", "2026-03-18T08:00:00Z"),
          attempt("q1", "2026-03-18T09:00:00Z", false),
          attempt("q2", "2026-03-17T08:00:00Z"),
          attempt("gone", "2026-03-18T08:00:00Z"),
        ],
        cards: [card("gone", "2026-03-01T00:00:00Z")],
      }),
    );
    expect(report.totals).toEqual({ answered: 3, correct: 2, accuracy: 2 / 3, questionsSeen: 2, dueNow: 0 });
  });

  it("fills the last 30 days with answers and right answers, today last", () => {
    const report = computeProgress(
      input({
        questions: [question("q1")],
        attempts: [
          attempt("q1", "2026-03-18T08:00:00Z"),
          attempt("q1", "2026-03-18T09:00:00Z", false),
          attempt("q1", "2026-02-17T00:00:00Z"),
          attempt("q1", "2026-02-16T23:59:59Z"),
        ],
      }),
    );
    expect(report.daily[29]).toEqual({ date: "2026-03-18", answered: 2, correct: 1 });
    expect(report.daily[0]).toEqual({ date: "2026-02-17", answered: 1, correct: 1 });
    expect(report.daily.reduce((sum, day) => sum + day.answered, 0)).toBe(3);
  });

  describe("streak", () => {
    it("counts an attempt at 23:30 UTC as the next day in Asia/Tokyo", () => {
      const attempts = [attempt("q1", "2026-03-17T10:00:00Z"), attempt("q1", "2026-03-17T23:30:00Z")];
      const tokyo = computeProgress(input({ questions: [question("q1")], attempts, timeZone: "Asia/Tokyo" }));
      // Tokyo: 19:00 on the 17th and 08:30 on the 18th, two days in a row ending today.
      expect(tokyo.streak).toEqual({ current: 2, longest: 2, activeToday: true });
      expect(tokyo.daily[29]).toEqual({ date: "2026-03-18", answered: 1, correct: 1 });
      // UTC: both on the 17th.
      const utc = computeProgress(input({ questions: [question("q1")], attempts }));
      expect(utc.streak).toEqual({ current: 1, longest: 1, activeToday: false });
    });

    it("tells the current streak from the longest one after a gap", () => {
      const attempts = attemptsOn("q1", [
        "2026-03-01",
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-16",
        "2026-03-17",
        "2026-03-18",
      ]);
      const report = computeProgress(input({ questions: [question("q1")], attempts }));
      expect(report.streak).toEqual({ current: 3, longest: 4, activeToday: true });
    });

    it("keeps yesterday's streak while today has no attempt yet, and breaks it after an empty day", () => {
      const ongoing = computeProgress(
        input({ questions: [question("q1")], attempts: attemptsOn("q1", ["2026-03-16", "2026-03-17"]) }),
      );
      expect(ongoing.streak).toEqual({ current: 2, longest: 2, activeToday: false });
      const broken = computeProgress(
        input({ questions: [question("q1")], attempts: attemptsOn("q1", ["2026-03-15", "2026-03-16"]) }),
      );
      expect(broken.streak).toEqual({ current: 0, longest: 2, activeToday: false });
    });
  });

  describe("heatmap", () => {
    it("starts on the Monday 52 weeks before this week's and ends today", () => {
      const report = computeProgress(
        input({ questions: [question("q1")], attempts: attemptsOn("q1", ["2025-03-17", "2026-03-18", "2026-03-18"]) }),
      );
      expect(report.heatmap.start).toBe("2025-03-17");
      expect(new Date(report.heatmap.start).getUTCDay()).toBe(1);
      // 52 full weeks plus Monday..Wednesday of this one.
      expect(report.heatmap.days).toHaveLength(52 * 7 + 3);
      expect(report.heatmap.days[0]).toEqual({ date: "2025-03-17", count: 1 });
      expect(report.heatmap.days.at(-1)).toEqual({ date: "2026-03-18", count: 2 });
    });

    it("spans 371 days on a Sunday and 365 on a Monday, in the user's time zone", () => {
      // Sunday 20:00 in UTC is already Monday 05:00 in Tokyo.
      const sunday = new Date("2026-03-22T20:00:00Z");
      const utc = computeProgress(input({ now: sunday }));
      expect(utc.heatmap.start).toBe("2025-03-17");
      expect(utc.heatmap.days).toHaveLength(371);
      const tokyo = computeProgress(input({ now: sunday, timeZone: "Asia/Tokyo" }));
      expect(tokyo.heatmap.start).toBe("2025-03-24");
      expect(tokyo.heatmap.days).toHaveLength(365);
      expect(tokyo.heatmap.days.at(-1)!.date).toBe("2026-03-23");
    });
  });

  it("counts due cards by day for a week, overdue ones today", () => {
    const ids = ["q1", "q2", "q3", "q4", "q5", "q6"];
    const dues = [
      "2026-03-10T00:00:00Z",
      "2026-03-18T11:00:00Z",
      "2026-03-18T20:00:00Z",
      "2026-03-19T08:00:00Z",
      "2026-03-24T23:00:00Z",
      "2026-03-25T01:00:00Z",
    ];
    const report = computeProgress(
      input({
        questions: ids.map((id) => question(id)),
        cards: [...ids.map((id, index) => card(id, dues[index]!)), card("gone", "2026-03-10T00:00:00Z")],
      }),
    );
    expect(report.dueNext7Days.map((day) => day.count)).toEqual([3, 1, 0, 0, 0, 0, 1]);
    expect(report.totals.dueNow).toBe(2);
  });

  it("averages mastery over all questions of a deck or topic, unseen ones as 0", () => {
    const report = computeProgress(
      input({
        questions: [
          question("q1", "metrics", "d1"),
          question("q2", "metrics", "d1"),
          question("q3", "metrics", "d1"),
          question("q4", "metrics", "d1"),
          question("q5", "nlp", "d2"),
        ],
        decks: [
          { id: "d2", title: "Language models", topic: "nlp" },
          { id: "d1", title: "Metrics", topic: "metrics" },
        ],
        topics: [
          { slug: "fundamentals", name: "Fundamentals" },
          { slug: "metrics", name: "Evaluation metrics" },
          { slug: "nlp", name: "NLP" },
        ],
        cards: [
          card("q1", "2026-03-28T00:00:00Z"),
          card("q2", "2026-03-28T00:00:00Z"),
          { ...card("q3", "2026-03-28T00:00:00Z"), state: 0, reps: 0 },
        ],
        attempts: [
          attempt("q1", "2026-03-18T08:00:00Z"),
          attempt("q2", "2026-03-18T08:00:00Z", false),
          attempt("q2", "2026-03-18T09:00:00Z"),
        ],
      }),
    );
    const metrics = { questions: 4, seen: 2, answered: 3, correct: 2, accuracy: 2 / 3, mastery: 0.5 };
    expect(report.decks).toEqual([
      {
        id: "d2",
        title: "Language models",
        topic: "nlp",
        questions: 1,
        seen: 0,
        answered: 0,
        correct: 0,
        accuracy: null,
        mastery: 0,
      },
      { id: "d1", title: "Metrics", topic: "metrics", ...metrics },
    ]);
    // Fundamentals has no questions, so it is left out.
    expect(report.topics).toEqual([
      { slug: "metrics", name: "Evaluation metrics", ...metrics },
      { slug: "nlp", name: "NLP", questions: 1, seen: 0, answered: 0, correct: 0, accuracy: null, mastery: 0 },
    ]);
  });

  it("lists at most five topics with at least 3 attempts, by accuracy, then mastery, then name", () => {
    // [slug, right answers, wrong answers]; each topic has two questions.
    const results: [string, number, number][] = [
      ["five", 3, 0],
      ["delta", 3, 1],
      ["beta", 1, 2],
      ["gamma", 0, 2],
      ["alpha", 1, 2],
      ["aardvark", 1, 2],
      ["zero", 0, 3],
    ];
    const questions = results.flatMap(([slug]) => [question(`${slug}-1`, slug), question(`${slug}-2`, slug)]);
    const attempts = results.flatMap(([slug, right, wrong]) => [
      ...Array.from({ length: right }, () => attempt(`${slug}-1`, "2026-03-18T08:00:00Z", true)),
      ...Array.from({ length: wrong }, () => attempt(`${slug}-1`, "2026-03-18T08:00:00Z", false)),
    ]);
    const topics = results.map(([slug]) => ({ slug, name: slug[0]!.toUpperCase() + slug.slice(1) }));
    const report = computeProgress(
      input({ questions, attempts, topics, cards: [card("beta-1", "2026-03-28T00:00:00Z")] }),
    );
    expect(report.weakestTopics).toEqual([
      { slug: "zero", name: "Zero", accuracy: 0, mastery: 0, attempts: 3 },
      { slug: "aardvark", name: "Aardvark", accuracy: 1 / 3, mastery: 0, attempts: 3 },
      { slug: "alpha", name: "Alpha", accuracy: 1 / 3, mastery: 0, attempts: 3 },
      { slug: "beta", name: "Beta", accuracy: 1 / 3, mastery: 0.5, attempts: 3 },
      { slug: "delta", name: "Delta", accuracy: 0.75, mastery: 0, attempts: 4 },
    ]);
  });

  it("falls back to UTC for an invalid time zone", () => {
    const attempts = [attempt("q1", "2026-03-17T23:30:00Z")];
    for (const timeZone of ["Not/AZone", ""]) {
      const report = computeProgress(input({ questions: [question("q1")], attempts, timeZone }));
      expect(report.timeZone).toBe("UTC");
      expect(report.daily[28]).toEqual({ date: "2026-03-17", answered: 1, correct: 1 });
      expect(report.streak).toEqual({ current: 1, longest: 1, activeToday: false });
    }
  });
});
