import "server-only";
import type { MemoryState, ReviewCard } from "@/lib/domain/scheduling";
import { Prisma, type PrismaClient } from "@/prisma/generated/client";
import { dialect } from "./dialect";

type Client = Pick<PrismaClient, "reviewCard">;

// Raw queries give DateTime as text on SQLite and as Date on PostgreSQL.
const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** A card from a raw query's `ReviewCard` row, on either database. */
export function cardFromRow(row: Record<string, unknown>): ReviewCard {
  return {
    due: asDate(row.due as Date | string),
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsedDays),
    scheduledDays: Number(row.scheduledDays),
    learningSteps: Number(row.learningSteps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: Number(row.state),
    lastReview: row.lastReview === null ? null : asDate(row.lastReview as Date | string),
  };
}

/** What the progress report and a class's dashboard read of a card: its recall, when it is due, and whose. */
export type CardMemory = MemoryState & Pick<ReviewCard, "due"> & { userId: string; questionId: string };

/** A card as text: "questionId dueMs state reps stability lastReviewMs" (floats digit for digit, dialect.ts). */
const CARD_TEXT = Prisma.sql`"questionId" || ' ' || ${dialect.epochMillisecondsText(Prisma.sql`"due"`)} || ' ' ||
  CAST("state" AS TEXT) || ' ' || CAST("reps" AS TEXT) || ' ' || ${dialect.exactFloatText(Prisma.sql`"stability"`)} || ' ' ||
  COALESCE(${dialect.epochMillisecondsText(Prisma.sql`"lastReview"`)}, '')`;

/**
 * The users' cards (on `questionIds` only, when given), back as one text per user: a long history holds
 * a card on most questions and a class's 300 members about 100,000, and Prisma costs tens of microseconds
 * per row returned, more than the database's work (decision 018). Question ids are slugs, without spaces
 * or commas; times come back in milliseconds and stabilities digit for digit, so a card reads as Prisma
 * reads it.
 */
export async function readCardMemories(
  client: Pick<PrismaClient, "$queryRaw">,
  userIds: string[],
  questionIds?: string[],
): Promise<CardMemory[]> {
  if (userIds.length === 0 || questionIds?.length === 0) return [];
  const onQuestions = questionIds ? Prisma.sql`AND "questionId" IN (${Prisma.join(questionIds)})` : Prisma.empty;
  const rows = await client.$queryRaw<{ userId: string; cards: string | null }[]>`
    SELECT "userId", ${dialect.joinTexts(CARD_TEXT)} AS "cards" FROM "ReviewCard"
    WHERE "userId" IN (${Prisma.join(userIds)}) ${onQuestions}
    GROUP BY "userId"`;
  return rows.flatMap(({ userId, cards }) =>
    (cards ?? "").split(",").map((text) => {
      const [questionId = "", due, state, reps, stability, lastReview] = text.split(" ");
      return {
        userId,
        questionId,
        due: new Date(Number(due)),
        state: Number(state),
        reps: Number(reps),
        stability: Number(stability),
        lastReview: lastReview ? new Date(Number(lastReview)) : null,
      };
    }),
  );
}

/** When each of the user's cards is due, for the given questions (or all of them). */
export async function findDueDates(client: Client, userId: string, questionIds?: string[]): Promise<Map<string, Date>> {
  const cards = await client.reviewCard.findMany({
    where: { userId, ...(questionIds ? { questionId: { in: questionIds } } : {}) },
    select: { questionId: true, due: true },
  });
  return new Map(cards.map((card) => [card.questionId, card.due]));
}

/** The user's due cards on live questions, most overdue first. */
export async function findDueQuestionIds(client: Client, userId: string, now: Date, limit: number): Promise<string[]> {
  const cards = await client.reviewCard.findMany({
    where: { userId, due: { lte: now }, question: { archived: false } },
    orderBy: [{ due: "asc" }, { questionId: "asc" }],
    take: limit,
    select: { questionId: true },
  });
  return cards.map((card) => card.questionId);
}

export async function countDue(client: Client, userId: string, now: Date): Promise<number> {
  return client.reviewCard.count({ where: { userId, due: { lte: now }, question: { archived: false } } });
}

/** The earliest due date still to come, to tell a user with nothing due when to come back. */
export async function findNextDue(client: Client, userId: string, now: Date): Promise<Date | undefined> {
  const card = await client.reviewCard.findFirst({
    where: { userId, due: { gt: now }, question: { archived: false } },
    orderBy: { due: "asc" },
    select: { due: true },
  });
  return card?.due;
}
