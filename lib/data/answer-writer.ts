import "server-only";
import { randomUUID } from "node:crypto";
import type { GradeResult } from "@/lib/domain/grading";
import { shouldMoveCard } from "@/lib/domain/guest-merge";
import { review, type FsrsRating, type ReviewCard } from "@/lib/domain/scheduling";
import { fail, NO_SESSION, ok, type Outcome } from "@/lib/outcome";
import type { SubmitAnswer } from "@/lib/schemas/attempt";
import { Prisma, type PrismaClient } from "@/prisma/generated/client";
import { dialect } from "./dialect";
import { cardFromRow } from "./review-cards";

/** An answer already graded, waiting to be written with its FSRS rating. */
export type GradedAnswer = { userId: string; input: SubmitAnswer; result: GradeResult; rating: FsrsRating; now: Date };

/**
 * What writing did: recorded (with the card's next due date) or not, because this attempt id was there
 * already; `unauthorized` when the user no longer exists (a session outliving its deleted account).
 */
export type WriteOutcome = Outcome<{ recorded: true; due: Date } | { recorded: false }>;

const DUPLICATE: WriteOutcome = ok({ recorded: false });
const UNKNOWN_USER: WriteOutcome = fail(NO_SESSION);

type Pending = { answer: GradedAnswer; resolve: (outcome: WriteOutcome) => void; reject: (error: unknown) => void };

/** SQLite allows 32,766 bound parameters per statement; 10 per row keeps a batch far below it. */
const MAX_BATCH = 200;

const CARD_COLUMNS = ["due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"] as const;

type CardRow = ReviewCard & { userId: string; questionId: string };

const cardKey = (userId: string, questionId: string) => `${userId}\u0000${questionId}`;

/**
 * The response as stored: a calculated answer also keeps the numbers it was drawn (the seed alone would
 * do, but the numbers stay readable in exports and survive a change of the drawing code).
 */
function storedResponse(response: SubmitAnswer["response"], result: GradeResult): string {
  return JSON.stringify(result.drawn ? { ...response, drawn: result.drawn.variables } : response);
}

/**
 * Writes one batch in one transaction with a fixed number of statements, however many answers it holds:
 * read the users' retention, insert the attempts (a repeated attempt id inserts nothing), read the cards,
 * move them with FSRS in answer order, and upsert them. Plain SQL that SQLite and PostgreSQL both run,
 * after the dialect's per-user lock (lib/data/dialect.ts), which keeps servers sharing a PostgreSQL
 * database from computing a card from the same old state.
 */
async function writeBatch(client: PrismaClient, batch: GradedAnswer[]): Promise<WriteOutcome[]> {
  return client.$transaction(async (tx) => {
    const outcomes: WriteOutcome[] = batch.map(() => DUPLICATE);
    const userIds = [...new Set(batch.map((answer) => answer.userId))];
    // First, before reading anything: another server writing for these users waits for this batch.
    await dialect.lockUsersForAnswers(tx, userIds);
    const users = await tx.$queryRaw<{ id: string; desiredRetention: number }[]>`
      SELECT "id", "desiredRetention" FROM "User" WHERE "id" IN (${Prisma.join(userIds)})`;
    const retention = new Map(users.map((user) => [user.id, Number(user.desiredRetention)]));

    // The first of several answers with the same attempt id in this batch is the one inserted.
    const firstOfId = new Map<string, number>();
    batch.forEach((answer, index) => {
      if (!retention.has(answer.userId)) outcomes[index] = UNKNOWN_USER;
      else if (!firstOfId.has(cardKey(answer.userId, answer.input.attemptId))) firstOfId.set(cardKey(answer.userId, answer.input.attemptId), index);
    });
    const candidates = [...firstOfId.values()];
    if (!candidates.length) return outcomes;

    const rows = candidates.map((index) => {
      const { userId, input, result, now } = batch[index]!;
      return Prisma.sql`(${randomUUID()}, ${userId}, ${input.attemptId}, ${input.questionId}, ${input.revision}, ${storedResponse(input.response, result)}, ${result.correct}, ${result.selfGrade ?? null}, ${input.elapsedMs}, ${now})`;
    });
    const inserted = await tx.$queryRaw<{ userId: string; attemptId: string }[]>`
      INSERT INTO "Attempt" ("id", "userId", "attemptId", "questionId", "revision", "response", "correct", "selfGrade", "elapsedMs", "createdAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("userId", "attemptId") DO NOTHING
      RETURNING "userId", "attemptId"`;
    const insertedIds = new Set(inserted.map((row) => cardKey(row.userId, row.attemptId)));
    const recorded = candidates.filter((index) => insertedIds.has(cardKey(batch[index]!.userId, batch[index]!.input.attemptId)));
    if (!recorded.length) return outcomes;

    const recordedUsers = [...new Set(recorded.map((index) => batch[index]!.userId))];
    const recordedQuestions = [...new Set(recorded.map((index) => batch[index]!.input.questionId))];
    const stored = await tx.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "ReviewCard" WHERE "userId" IN (${Prisma.join(recordedUsers)}) AND "questionId" IN (${Prisma.join(recordedQuestions)})`;
    const cards = new Map<string, ReviewCard>(stored.map((row) => [cardKey(String(row.userId), String(row.questionId)), cardFromRow(row)]));
    const changed = new Map<string, CardRow>();
    for (const index of recorded) {
      const { userId, input, rating, now } = batch[index]!;
      const key = cardKey(userId, input.questionId);
      const current = cards.get(key);
      // A late-arriving older answer (a merged guest answer) is kept in the history but must not drag a
      // newer schedule backwards.
      const next = current && !shouldMoveCard(current.lastReview, now) ? current : review(current, rating, now, retention.get(userId));
      cards.set(key, next);
      if (next !== current) changed.set(key, { ...next, userId, questionId: input.questionId });
      outcomes[index] = ok({ recorded: true, due: next.due });
    }

    if (changed.size) {
      const values = [...changed.values()].map(
        (card) =>
          Prisma.sql`(${card.userId}, ${card.questionId}, ${card.due}, ${card.stability}, ${card.difficulty}, ${card.elapsedDays}, ${card.scheduledDays}, ${card.learningSteps}, ${card.reps}, ${card.lapses}, ${card.state}, ${card.lastReview})`,
      );
      const columns = Prisma.raw(CARD_COLUMNS.map((column) => `"${column}"`).join(", "));
      const updates = Prisma.raw(CARD_COLUMNS.map((column) => `"${column}" = excluded."${column}"`).join(", "));
      await tx.$executeRaw`
        INSERT INTO "ReviewCard" ("userId", "questionId", ${columns}) VALUES ${Prisma.join(values)}
        ON CONFLICT ("userId", "questionId") DO UPDATE SET ${updates}`;
    }
    return outcomes;
  });
}

/**
 * Group commit. Answers that arrive while a batch is being written wait and go together in the next
 * one: one transaction, one fsync and a handful of statements for all of them, instead of a
 * transaction each. Each caller still gets its own outcome only after its batch has committed, so an
 * answer reported as recorded is on disk. If a batch fails as a whole, its answers are retried one by
 * one, so one bad answer cannot fail the others.
 */
class AnswerWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly client: PrismaClient) {}

  write(answer: GradedAnswer): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ answer, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.flushing || !this.queue.length) return;
    this.flushing = true;
    // setImmediate lets the requests already read in this turn of the event loop join the batch.
    setImmediate(() => void this.flush());
  }

  private async flush() {
    const batch = this.queue.splice(0, MAX_BATCH);
    try {
      const outcomes = await writeBatch(
        this.client,
        batch.map((pending) => pending.answer),
      );
      batch.forEach((pending, index) => pending.resolve(outcomes[index]!));
    } catch {
      for (const pending of batch) {
        await writeBatch(this.client, [pending.answer]).then(([outcome]) => pending.resolve(outcome!), pending.reject);
      }
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }
}

const writers = new WeakMap<PrismaClient, AnswerWriter>();

/** Writes a graded answer through the client's group-commit writer (one per client and process). */
export function writeAnswer(client: PrismaClient, answer: GradedAnswer): Promise<WriteOutcome> {
  let writer = writers.get(client);
  if (!writer) {
    writer = new AnswerWriter(client);
    writers.set(client, writer);
  }
  return writer.write(answer);
}
