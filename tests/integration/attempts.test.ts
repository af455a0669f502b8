import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { choiceOrder } from "@/lib/domain/choice-order";
import { submitAnswerSchema, type SubmitAnswer } from "@/lib/schemas/attempt";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";
import { valueOf } from "@/tests/support/outcome";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const { recordAttempt } = await import("@/lib/practice/record-attempt");
const { loadDeckStatistics } = await import("@/lib/data/deck-statistics");
const { recordAnswer } = await import("@/lib/practice/answer");

const now = new Date("2026-11-28T10:00:00Z");
const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
const questions = decks.flatMap((deck) => deck.questions);
const single = questions.find((question) => question.type === "single")!;
const correctChoice = single.type === "single" ? single.choices.findIndex((choice) => choice.correct) : -1;
const wrongChoice = single.type === "single" ? single.choices.findIndex((choice) => !choice.correct) : -1;

let alice = "";
let bob = "";
const answer = (overrides: Partial<SubmitAnswer> = {}): SubmitAnswer => ({
  questionId: single.id,
  revision: 1,
  response: { type: "single", choice: correctChoice },
  attemptId: randomUUID(),
  elapsedMs: 30_000,
  ...overrides,
});

beforeAll(async () => {
  await syncContentDecks(db, decks);
  alice = (await db.user.create({ data: { email: "alice@example.com" } })).id;
  bob = (await db.user.create({ data: { email: "bob@example.com" } })).id;
});

describe(`recordAttempt against ${testDatabaseKind()}`, () => {
  it("records a right answer and an FSRS card", async () => {
    const outcome = valueOf(await recordAttempt(db, alice, answer(), now));
    expect(outcome).toMatchObject({ correct: true, replayed: false, questionId: single.id, revision: 1 });
    expect(outcome.due.getTime()).toBeGreaterThan(now.getTime());
    const card = await db.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: alice, questionId: single.id } },
    });
    expect(card.reps).toBe(1);
  });

  it("records the same attempt id once and answers the same outcome, also when submitted concurrently", async () => {
    const input = answer({ response: { type: "single", choice: wrongChoice } });
    const first = valueOf(await recordAttempt(db, bob, input, now));
    const again = valueOf(await recordAttempt(db, bob, input, now));
    expect(again).toEqual({ ...first, replayed: true });

    const racing = answer();
    const outcomes = (await Promise.all(Array.from({ length: 8 }, () => recordAttempt(db, bob, racing, now)))).map(
      valueOf,
    );
    expect(new Set(outcomes.map((outcome) => outcome.correct))).toEqual(new Set([true]));
    expect(await db.attempt.count({ where: { userId: bob, attemptId: racing.attemptId } })).toBe(1);
    const card = await db.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: bob, questionId: single.id } },
    });
    expect(card.reps).toBe(2);
  });

  it("keeps users apart: the same attempt id from two users is two attempts", async () => {
    const attemptId = randomUUID();
    await recordAttempt(db, alice, answer({ attemptId }), now);
    await recordAttempt(db, bob, answer({ attemptId }), now);
    expect(await db.attempt.count({ where: { attemptId } })).toBe(2);
  });

  it("rejects an unknown question, a wrong revision or a mismatched response, writing nothing", async () => {
    const before = await db.attempt.count();
    const cases: [Partial<SubmitAnswer>, string][] = [
      [{ questionId: "no-such-question" }, "questionId"],
      [{ revision: 99 }, "questionId"],
      [{ response: { type: "true-false", value: true } }, "response"],
      [{ response: { type: "single", choice: 42 } }, "response"],
    ];
    for (const [overrides, field] of cases) {
      const refused = await recordAttempt(db, alice, answer(overrides), now);
      expect(refused).toMatchObject({ ok: false, error: { code: "invalid" } });
      expect(!refused.ok && refused.error.code === "invalid" && refused.error.field).toBe(field);
    }
    expect(await db.attempt.count()).toBe(before);
  });

  it("maps shown choices back to authored ones: stored, graded and counted in item statistics against the choice seen", async () => {
    const carol = (await db.user.create({ data: { email: "carol@example.com" } })).id;
    const count = single.type === "single" ? single.choices.length : 0;
    // A seed that shows the wrong choice somewhere else than where it was written.
    const seed = Array.from({ length: 100 }, (_, candidate) => candidate).find(
      (candidate) => choiceOrder(count, candidate).indexOf(wrongChoice) !== wrongChoice,
    )!;
    const order = choiceOrder(count, seed);
    const shownWrong = order.indexOf(wrongChoice);
    const outcome = valueOf(
      await recordAnswer(db, carol, answer({ response: { type: "single", choice: shownWrong, seed } }), now),
    );
    expect(outcome.correct).toBe(false);
    // The key comes back in the order the candidate saw.
    expect(outcome.key.correctChoices).toEqual([order.indexOf(correctChoice)]);
    const stored = await db.attempt.findFirstOrThrow({ where: { userId: carol } });
    expect(JSON.parse(stored.response)).toEqual({ type: "single", choice: wrongChoice, seed });

    const right = valueOf(
      await recordAnswer(
        db,
        carol,
        answer({ response: { type: "single", choice: order.indexOf(correctChoice), seed } }),
        now,
      ),
    );
    expect(right.correct).toBe(true);

    const deck = decks.find((candidate) => candidate.questions.some((question) => question.id === single.id))!;
    const statistics = await loadDeckStatistics(db, deck.slug);
    const item = statistics.items.find((candidate) => candidate.questionId === single.id)!;
    // First attempts: bob picked the wrong choice unshuffled, carol picked it where it was shown; no other wrong choice was picked.
    expect(item.wrongChoicePicks.map((pick) => [pick.choice, pick.count])).toEqual(
      item.wrongChoicePicks.map((pick) => [pick.choice, pick.choice === wrongChoice ? 2 : 0]),
    );
  });

  it("the submission schema refuses oversize text and malformed ids before anything runs", () => {
    const oversize = submitAnswerSchema.safeParse({
      ...answer(),
      response: { type: "short", text: "x".repeat(10_001) },
    });
    expect(oversize.success).toBe(false);
    expect(oversize.error?.issues[0]?.path).toEqual(["response", "text"]);
    expect(submitAnswerSchema.safeParse({ ...answer(), attemptId: "x" }).success).toBe(false);
    expect(submitAnswerSchema.safeParse({ ...answer(), extra: 1 }).success).toBe(false);
    expect(submitAnswerSchema.safeParse(answer()).success).toBe(true);
  });
});
