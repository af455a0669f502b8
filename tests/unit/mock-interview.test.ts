import { describe, expect, it } from "vitest";
import { scoreMock, selectMockQuestions, type MockPoolItem } from "@/lib/domain/mock-interview";
import { mulberry32 } from "@/lib/seeded-random";

const SEEDS = Array.from({ length: 50 }, (_, index) => index + 1);

/** `perTopic` questions in each topic, difficulties cycling 1, 2, 3. */
function pool(topics: string[], perTopic: number): MockPoolItem[] {
  return topics.flatMap((topic) =>
    Array.from({ length: perTopic }, (_, index) => ({
      id: `${topic}-${index}`,
      topic,
      difficulty: ((index % 3) + 1) as 1 | 2 | 3,
    })),
  );
}

const FIVE_TOPICS = ["metrics", "nlp", "classic-ml", "deep-learning", "fundamentals"];

function countsByTopic(ids: string[], items: MockPoolItem[]): Map<string, number> {
  const topicOf = new Map(items.map((item) => [item.id, item.topic]));
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(topicOf.get(id)!, (counts.get(topicOf.get(id)!) ?? 0) + 1);
  return counts;
}

describe("selectMockQuestions", () => {
  it("balances topics: counts differ by at most one", () => {
    const items = pool(FIVE_TOPICS, 10);
    for (const seed of SEEDS) {
      for (const count of [20, 23]) {
        const counts = [...countsByTopic(selectMockQuestions(items, count, mulberry32(seed)), items).values()];
        expect(counts).toHaveLength(5);
        expect(counts.reduce((sum, n) => sum + n, 0)).toBe(count);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("takes all of a topic that runs out and balances the rest", () => {
    const items = [...pool(["metrics", "nlp", "classic-ml"], 10), ...pool(["tiny"], 1)];
    const counts = countsByTopic(selectMockQuestions(items, 10, mulberry32(7)), items);
    expect(Object.fromEntries(counts)).toEqual({ tiny: 1, metrics: 3, nlp: 3, "classic-ml": 3 });
  });

  it("never picks an id twice, even when the pool lists one twice", () => {
    const items = pool(FIVE_TOPICS, 6);
    const withRepeats = [...items, ...items.slice(0, 10)];
    for (const seed of SEEDS) {
      const ids = selectMockQuestions(withRepeats, 25, mulberry32(seed));
      expect(new Set(ids).size).toBe(25);
      expect(ids.every((id) => items.some((item) => item.id === id))).toBe(true);
    }
  });

  it("is the same for the same seed and differs for another", () => {
    const items = pool(FIVE_TOPICS, 10);
    expect(selectMockQuestions(items, 20, mulberry32(42))).toEqual(selectMockQuestions(items, 20, mulberry32(42)));
    expect(selectMockQuestions(items, 20, mulberry32(42))).not.toEqual(selectMockQuestions(items, 20, mulberry32(43)));
  });

  it("returns the whole pool when it is smaller than the count, and nothing for nothing", () => {
    const items = pool(["metrics", "nlp"], 3);
    const ids = selectMockQuestions(items, 20, mulberry32(1));
    expect([...ids].sort()).toEqual(items.map((item) => item.id).sort());
    expect(selectMockQuestions([], 20, mulberry32(1))).toEqual([]);
    expect(selectMockQuestions(items, 0, mulberry32(1))).toEqual([]);
  });

  it("mixes difficulties within a topic", () => {
    const items = pool(FIVE_TOPICS, 12);
    const difficultyOf = new Map(items.map((item) => [item.id, item.difficulty]));
    for (const seed of SEEDS) {
      for (const perTopic of [2, 3]) {
        const ids = selectMockQuestions(items, perTopic * FIVE_TOPICS.length, mulberry32(seed));
        for (const topic of FIVE_TOPICS) {
          const difficulties = ids.filter((id) => id.startsWith(`${topic}-`)).map((id) => difficultyOf.get(id));
          expect(new Set(difficulties).size).toBe(perTopic);
        }
      }
    }
  });

  it("does not put one topic twice in a row while others are left", () => {
    const items = pool(FIVE_TOPICS, 10);
    const topicOf = new Map(items.map((item) => [item.id, item.topic]));
    for (const seed of SEEDS) {
      const topics = selectMockQuestions(items, 23, mulberry32(seed)).map((id) => topicOf.get(id));
      for (let i = 1; i < topics.length; i++) expect(topics[i]).not.toBe(topics[i - 1]);
    }
  });
});

describe("scoreMock", () => {
  it("scores unanswered as wrong, lists topics weakest first and the questions to review", () => {
    const report = scoreMock([
      { questionId: "m1", topic: "metrics", correct: true },
      { questionId: "n1", topic: "nlp", correct: false },
      { questionId: "m2", topic: "metrics", correct: null },
      { questionId: "c1", topic: "classic-ml", correct: true },
      { questionId: "n2", topic: "nlp", correct: true },
      { questionId: "c2", topic: "classic-ml", correct: false },
      { questionId: "d1", topic: "deep-learning", correct: true },
    ]);
    expect(report).toEqual({
      total: 7,
      answered: 6,
      correct: 4,
      score: 4 / 7,
      topics: [
        { topic: "classic-ml", total: 2, answered: 2, correct: 1, score: 0.5 },
        { topic: "metrics", total: 2, answered: 1, correct: 1, score: 0.5 },
        { topic: "nlp", total: 2, answered: 2, correct: 1, score: 0.5 },
        { topic: "deep-learning", total: 1, answered: 1, correct: 1, score: 1 },
      ],
      weakQuestionIds: ["n1", "m2", "c2"],
    });
  });

  it("scores an empty interview as 0", () => {
    expect(scoreMock([])).toEqual({ total: 0, answered: 0, correct: 0, score: 0, topics: [], weakQuestionIds: [] });
  });
});
