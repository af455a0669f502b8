import { describe, expect, it } from "vitest";
import { canSeeDeckReports, deckReportsRefusal } from "@/lib/auth/roles";
import { computeItemStatistics, type ItemAttempt, type ItemStatistics } from "@/lib/domain/item-statistics";
import { buildQueue, suspectReasons } from "@/lib/domain/question-reports";
import { reportInputSchema, resolveReportSchema } from "@/lib/schemas/reports";

const item = (overrides: Partial<ItemStatistics>): ItemStatistics => ({
  questionId: "q",
  attempts: 10,
  candidates: 10,
  facility: 0.6,
  discrimination: 0.4,
  meanTimeMs: 1000,
  medianTimeMs: 1000,
  wrongChoicePicks: [{ choice: 1, count: 4, share: 0.4 }],
  fsrsDifficulty: null,
  flags: [],
  ...overrides,
});

describe("suspect questions", () => {
  it("flags a negative discrimination and a wrong choice picked more often than the key", () => {
    expect(suspectReasons(item({}))).toEqual([]);
    expect(suspectReasons(item({ discrimination: -0.1 }))).toEqual(["negative-discrimination"]);
    expect(suspectReasons(item({ facility: 0.3, wrongChoicePicks: [{ choice: 2, count: 7, share: 0.7 }] }))).toEqual([
      "distractor-over-key",
    ]);
    // As often as the key is not more often; a discrimination of 0 is not negative.
    expect(
      suspectReasons(
        item({ facility: 0.5, discrimination: 0, wrongChoicePicks: [{ choice: 1, count: 5, share: 0.5 }] }),
      ),
    ).toEqual([]);
  });

  it("says nothing before 5 learners, like the statistics' own flags", () => {
    expect(suspectReasons(item({ candidates: 4, discrimination: -0.9, facility: 0 }))).toEqual([]);
  });

  it("reads what computeItemStatistics computes: a miskeyed question whose 'wrong' choice the strong learners pick", () => {
    // Six learners answer q1 (keyed choice 0, but choice 1 is the real answer) and q2, q3 (sound questions).
    const attempts: ItemAttempt[] = [];
    const at = new Date("2026-12-01T00:00:00Z");
    for (let learner = 0; learner < 6; learner += 1) {
      const strong = learner < 3;
      const userId = `u${learner}`;
      attempts.push({
        userId,
        questionId: "q1",
        correct: !strong,
        picked: [strong ? 1 : 0],
        elapsedMs: 1,
        createdAt: at,
      });
      attempts.push({ userId, questionId: "q2", correct: strong, elapsedMs: 1, createdAt: at });
      attempts.push({ userId, questionId: "q3", correct: strong, elapsedMs: 1, createdAt: at });
    }
    const statistics = computeItemStatistics({
      items: [
        { id: "q1", type: "single", choiceCount: 3, correctChoices: [0] },
        { id: "q2", type: "true-false" },
        { id: "q3", type: "true-false" },
      ],
      attempts,
      cardDifficulties: [],
    });
    expect(suspectReasons(statistics.items[0]!)).toEqual(["negative-discrimination"]);
    expect(suspectReasons(statistics.items[1]!)).toEqual([]);
  });
});

describe("the review queue", () => {
  it("keeps reported and suspect questions, most reported first, in deck order otherwise", () => {
    const statistics = [
      item({ questionId: "a" }),
      item({ questionId: "b", discrimination: -0.5 }),
      item({ questionId: "c" }),
      item({ questionId: "d" }),
    ];
    const reports = [{ questionId: "c" }, { questionId: "d" }, { questionId: "d" }];
    const queue = buildQueue(["a", "b", "c", "d"], reports, statistics);
    expect(queue.map((entry) => [entry.questionId, entry.reports.length, entry.suspect])).toEqual([
      ["d", 2, []],
      ["c", 1, []],
      ["b", 0, ["negative-discrimination"]],
    ]);
    expect(buildQueue(["gone"], [{ questionId: "gone" }], [])).toMatchObject([
      { questionId: "gone", statistics: null, suspect: [] },
    ]);
  });
});

describe("who sees a deck's reports", () => {
  const admin = { id: "a", role: "admin" as const };
  const owner = { id: "o", role: "instructor" as const };
  const other = { id: "x", role: "instructor" as const };
  const candidate = { id: "c", role: "candidate" as const };
  const published = { source: "authored", ownerId: "o", status: "published" };
  const draft = { ...published, status: "draft" };
  const builtIn = { source: "content", ownerId: null, status: "published" };

  it("the deck's owner and admins, built-in decks only to admins", () => {
    expect([admin, owner, other, candidate].map((actor) => canSeeDeckReports(actor, published))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([admin, owner].map((actor) => canSeeDeckReports(actor, builtIn))).toEqual([true, false]);
  });

  it("refuses a deck another author can see as forbidden, and one they cannot as not found", () => {
    expect(deckReportsRefusal(other, published)).toBe("forbidden");
    expect(deckReportsRefusal(other, draft)).toBe("not-found");
    expect(deckReportsRefusal(owner, builtIn)).toBe("forbidden");
    expect(deckReportsRefusal(admin, draft)).toBeUndefined();
  });
});

describe("report inputs", () => {
  it("accepts a reason and a note up to 1,000 characters, naming the field otherwise", () => {
    expect(reportInputSchema.parse({ reason: "typo" })).toEqual({ reason: "typo", note: "" });
    expect(reportInputSchema.safeParse({ reason: "rude" }).error?.issues[0]?.path).toEqual(["reason"]);
    expect(reportInputSchema.safeParse({ reason: "other", note: "x".repeat(1001) }).error?.issues[0]?.path).toEqual([
      "note",
    ]);
  });

  it("needs a reply to dismiss, and takes a revision only for a fix", () => {
    expect(resolveReportSchema.parse({ outcome: "fixed", fixedInRevision: 3 })).toEqual({
      outcome: "fixed",
      reply: "",
      fixedInRevision: 3,
    });
    expect(resolveReportSchema.safeParse({ outcome: "dismissed", reply: " " }).error?.issues[0]?.path).toEqual([
      "reply",
    ]);
    expect(resolveReportSchema.safeParse({ outcome: "dismissed", reply: "No.", fixedInRevision: 2 }).success).toBe(
      false,
    );
    expect(resolveReportSchema.safeParse({ outcome: "ignored" }).error?.issues[0]?.path).toEqual(["outcome"]);
  });
});
