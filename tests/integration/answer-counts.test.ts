import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { ACTIVITY_SPAN_MS } from "@/lib/domain/progress";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";
import { perQuarterHour, talliesOf, type AttemptFact } from "@/tests/support/progress-facts";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const { recordAttempt } = await import("@/lib/practice/record-attempt");
const { deleteUser } = await import("@/lib/data/accounts");

const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
const trueFalse = decks.flatMap((deck) => deck.questions).filter((question) => question.type === "true-false");
const now = new Date("2026-12-07T10:07:00Z");

/** What the counts must be: the user's attempts read back and counted in memory. */
async function expectedCounts(userId: string) {
  const attempts: AttemptFact[] = await db.attempt.findMany({
    where: { userId },
    select: { questionId: true, correct: true, createdAt: true },
  });
  const byQuestion = (a: { questionId: string }, b: { questionId: string }) => a.questionId.localeCompare(b.questionId);
  return {
    tallies: talliesOf(attempts).sort(byQuestion),
    spans: perQuarterHour(attempts)
      .map((span) => ({
        span: span.start.getTime() / ACTIVITY_SPAN_MS,
        answered: span.answered,
        correct: span.correct,
      }))
      .sort((a, b) => a.span - b.span),
  };
}

async function storedCounts(userId: string) {
  const [tallies, spans] = await Promise.all([
    db.answerTally.findMany({
      where: { userId },
      select: { questionId: true, answered: true, correct: true },
      orderBy: { questionId: "asc" },
    }),
    db.answerSpan.findMany({
      where: { userId },
      select: { span: true, answered: true, correct: true },
      orderBy: { span: "asc" },
    }),
  ]);
  return { tallies: [...tallies].sort((a, b) => a.questionId.localeCompare(b.questionId)), spans };
}

let userId = "";

beforeAll(async () => {
  await syncContentDecks(db, decks);
  userId = (await db.user.create({ data: { email: "counted@example.com" } })).id;
});

describe(`answer counts kept by triggers on ${testDatabaseKind()}`, () => {
  it("count every attempt inserted, in bulk or through the answer writer, and a retried one once", async () => {
    // A quarter hour's last millisecond and the next one's first, and answers hours apart.
    const times = [0, 899_999, 900_000, 3_600_000, 86_400_000].map((offset) => new Date(now.getTime() - offset));
    await db.attempt.createMany({
      data: times.flatMap((createdAt, index) =>
        trueFalse.slice(0, 3).map((question, position) => ({
          userId,
          attemptId: randomUUID(),
          questionId: question.id,
          revision: 1,
          response: "{}",
          correct: (index + position) % 2 === 0,
          elapsedMs: 1_000,
          createdAt,
        })),
      ),
    });
    const question = trueFalse[3]!;
    const retried = {
      questionId: question.id,
      revision: 1,
      response: { type: "true-false" as const, value: question.type === "true-false" && question.answer },
      attemptId: randomUUID(),
      elapsedMs: 5_000,
    };
    await recordAttempt(db, userId, retried, now);
    await recordAttempt(db, userId, retried, now);
    const counts = await storedCounts(userId);
    expect(counts).toEqual(await expectedCounts(userId));
    expect(counts.tallies.find((tally) => tally.questionId === question.id)).toEqual({
      questionId: question.id,
      answered: 1,
      correct: 1,
    });
    expect(counts.spans.reduce((sum, span) => sum + span.answered, 0)).toBe(16);
  });

  it("are what the migration's count of an existing history gives", async () => {
    const migration = readFileSync(
      testDatabaseKind() === "postgresql"
        ? "prisma/postgresql/migrations/20261209080000_answer_counts/migration.sql"
        : "prisma/migrations/20261209080000_answer_counts/migration.sql",
      "utf8",
    );
    const backfill = migration.slice(
      migration.indexOf('INSERT INTO "AnswerTally"'),
      migration.indexOf("-- From here on, triggers"),
    );
    const statements = backfill
      .split(";")
      .map((statement) => statement.trim())
      .filter((statement) => statement.startsWith("INSERT"));
    expect(statements).toHaveLength(2);
    const kept = await storedCounts(userId);
    await db.$transaction([
      db.answerTally.deleteMany(),
      db.answerSpan.deleteMany(),
      ...statements.map((statement) => db.$executeRawUnsafe(statement)),
    ]);
    expect(await storedCounts(userId)).toEqual(kept);
  });

  it("take off an attempt deleted, and drop a count that reaches nothing", async () => {
    const question = trueFalse[3]!;
    await db.attempt.deleteMany({ where: { userId, questionId: question.id } });
    const oldest = await db.attempt.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "asc" } });
    await db.attempt.delete({ where: { id: oldest.id } });
    const counts = await storedCounts(userId);
    expect(counts).toEqual(await expectedCounts(userId));
    expect(counts.tallies.some((tally) => tally.questionId === question.id)).toBe(false);
  });

  it("refuse a change to what they count, changing nothing", async () => {
    const attempt = await db.attempt.findFirstOrThrow({ where: { userId } });
    const another = await db.question.findFirstOrThrow({ where: { id: { not: attempt.questionId } } });
    const before = await storedCounts(userId);
    for (const data of [{ correct: !attempt.correct }, { createdAt: new Date(0) }, { questionId: another.id }]) {
      // SQLite's driver adapter reports the trigger's refusal as a constraint violation, without its text.
      await expect(db.attempt.update({ where: { id: attempt.id }, data })).rejects.toThrow();
    }
    expect(await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).toEqual(attempt);
    expect(await storedCounts(userId)).toEqual(before);
  });

  it("go with the user when the account is deleted", async () => {
    expect(await deleteUser(db, userId)).toMatchObject({ ok: true });
    expect(await db.answerTally.count({ where: { userId } })).toBe(0);
    expect(await db.answerSpan.count({ where: { userId } })).toBe(0);
  });
});
