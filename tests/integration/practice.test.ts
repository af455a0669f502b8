import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import type { Question } from "@/lib/domain/question";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { valueOf } from "@/tests/support/outcome";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const { recordAttempt } = await import("@/lib/practice/record-attempt");
const { findOwnAttempt, listAttemptsForExport } = await import("@/lib/data/user-attempts");
const { loadProgress } = await import("@/lib/data/progress");
const { countDue, findDueQuestionIds } = await import("@/lib/data/review-cards");
const { mergeGuestAttempts } = await import("@/lib/practice/merge-guest");

const now = new Date("2026-11-28T10:00:00Z");
const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
type TrueFalse = Extract<Question, { type: "true-false" }>;
const trueFalse = decks
  .flatMap((deck) => deck.questions)
  .filter((question) => question.type === "true-false") as TrueFalse[];
const answerTrueFalse = (question: TrueFalse, right: boolean, attemptId: string = randomUUID()) => ({
  questionId: question.id,
  revision: 1,
  response: { type: "true-false" as const, value: right ? question.answer : !question.answer },
  attemptId,
  elapsedMs: 20_000,
});

let alice = "";
let bob = "";
beforeAll(async () => {
  await syncContentDecks(db, decks);
  alice = (await db.user.create({ data: { email: "alice@example.com" } })).id;
  bob = (await db.user.create({ data: { email: "bob@example.com" } })).id;
});

describe("one user's progress is never another's", () => {
  it("an attempt id is found only for its owner, and exports and dashboards hold only the caller's rows", async () => {
    await recordAttempt(db, alice, answerTrueFalse(trueFalse[0]!, true, "alice-attempt-1"), now);
    expect(await findOwnAttempt(db, alice, "alice-attempt-1")).toMatchObject({
      questionId: trueFalse[0]!.id,
      correct: true,
    });
    expect(await findOwnAttempt(db, bob, "alice-attempt-1")).toBeNull();
    expect(await listAttemptsForExport(db, bob)).toEqual([]);
    const bobs = await loadProgress(db, bob, now, "UTC");
    expect(bobs.totals.answered).toBe(0);
    const alices = await loadProgress(db, alice, now, "UTC");
    expect(alices.totals.answered).toBe(1);
  });

  it("a write for a deleted user is refused and writes nothing", async () => {
    const ghost = (await db.user.create({ data: { email: "ghost@example.com" } })).id;
    await db.user.delete({ where: { id: ghost } });
    expect(await recordAttempt(db, ghost, answerTrueFalse(trueFalse[1]!, true), now)).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    expect(await db.attempt.count({ where: { userId: ghost } })).toBe(0);
  });
});

describe("reviews", () => {
  it("a wrong answer falls due within minutes, oldest due first across decks", async () => {
    const carol = (await db.user.create({ data: { email: "carol@example.com" } })).id;
    await recordAttempt(db, carol, answerTrueFalse(trueFalse[2]!, false), now);
    await recordAttempt(db, carol, answerTrueFalse(trueFalse[3]!, false), new Date(now.getTime() + 60_000));
    expect(await countDue(db, carol, now)).toBe(0);
    const later = new Date(now.getTime() + 30 * 60_000);
    expect(await countDue(db, carol, later)).toBe(2);
    expect(await findDueQuestionIds(db, carol, later, 10)).toEqual([trueFalse[2]!.id, trueFalse[3]!.id]);
  });
});

describe("guest merge", () => {
  it("replays a guest's answers into the account once, oldest first, skipping what the rules refuse", async () => {
    const dave = (await db.user.create({ data: { email: "dave@example.com" } })).id;
    const answered = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
    const attempts = [
      { ...answerTrueFalse(trueFalse[4]!, true, "guest-0001"), answeredAt: answered(10) },
      { ...answerTrueFalse(trueFalse[4]!, false, "guest-0002"), answeredAt: answered(20) },
      { ...answerTrueFalse(trueFalse[5]!, true, "guest-0003"), answeredAt: answered(60 * 24 * 400) },
      {
        ...answerTrueFalse(trueFalse[5]!, true, "guest-0004"),
        questionId: "no-such-question",
        answeredAt: answered(5),
      },
    ];
    const first = valueOf(await mergeGuestAttempts(db, dave, { attempts }, now));
    expect(first).toEqual({
      merged: 2,
      skipped: 1,
      rejected: [
        { attemptId: "guest-0004", field: "questionId", message: expect.stringContaining("no-such-question") },
      ],
    });
    const rows = await db.attempt.findMany({ where: { userId: dave }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.attemptId, row.createdAt.toISOString()])).toEqual([
      ["guest-0002", answered(20)],
      ["guest-0001", answered(10)],
    ]);
    const card = await db.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: dave, questionId: trueFalse[4]!.id } },
    });
    expect(card.reps).toBe(2);
    expect(card.lastReview?.toISOString()).toBe(answered(10));

    const again = valueOf(await mergeGuestAttempts(db, dave, { attempts }, now));
    expect(again.merged).toBe(0);
    expect(await db.attempt.count({ where: { userId: dave } })).toBe(2);
  });

  it("an older guest answer arriving after a newer review is kept in the history but leaves the schedule alone", async () => {
    const erin = (await db.user.create({ data: { email: "erin@example.com" } })).id;
    await recordAttempt(db, erin, answerTrueFalse(trueFalse[6]!, true), now);
    const before = await db.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: erin, questionId: trueFalse[6]!.id } },
    });
    const older = {
      ...answerTrueFalse(trueFalse[6]!, false),
      answeredAt: new Date(now.getTime() - 3_600_000).toISOString(),
    };
    expect(valueOf(await mergeGuestAttempts(db, erin, { attempts: [older] }, now)).merged).toBe(1);
    const after = await db.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: erin, questionId: trueFalse[6]!.id } },
    });
    expect(after).toEqual(before);
    expect(await db.attempt.count({ where: { userId: erin } })).toBe(2);
  });
});

describe("group commit", () => {
  it("many concurrent answers from several users all land, each exactly once, with one card per user and question", async () => {
    const users = await Promise.all(
      ["f1", "f2", "f3"].map((name) => db.user.create({ data: { email: `${name}@example.com` } })),
    );
    const submissions = users.flatMap((user) =>
      trueFalse.slice(0, 10).flatMap((question) => {
        const input = answerTrueFalse(question, true);
        return [recordAttempt(db, user.id, input, now), recordAttempt(db, user.id, input, now)];
      }),
    );
    const outcomes = (await Promise.all(submissions)).map(valueOf);
    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(30);
    for (const user of users) {
      expect(await db.attempt.count({ where: { userId: user.id } })).toBe(10);
      expect(await db.reviewCard.count({ where: { userId: user.id } })).toBe(10);
    }
  });
});

describe("reading the whole bank", () => {
  it("loads every live question at once, far past SQLite's parameter limit, and a pool without bodies", async () => {
    const { findPracticeQuestions, findPracticePool } = await import("@/lib/data/questions");
    const total = decks.reduce((sum, deck) => sum + deck.questions.length, 0);
    expect(total).toBeGreaterThan(800);
    const all = await findPracticeQuestions(db, {});
    expect(all).toHaveLength(total);
    expect(new Set(all.map((entry) => entry.question.id)).size).toBe(total);
    const pool = await findPracticePool(db, { type: { not: "open" } });
    expect(pool.length).toBe(
      decks.flatMap((deck) => deck.questions).filter((question) => question.type !== "open").length,
    );
    expect(pool[0]).toEqual({ id: expect.any(String), topic: expect.any(String), difficulty: expect.any(Number) });
  });
});
