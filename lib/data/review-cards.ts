import "server-only";
import type { ReviewCard } from "@/lib/domain/scheduling";
import type { PrismaClient } from "@/prisma/generated/client";

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
