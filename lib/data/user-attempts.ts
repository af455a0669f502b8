import "server-only";
import type { PrismaClient } from "@/prisma/generated/client";

type Client = Pick<PrismaClient, "attempt">;

/** One of the user's own attempts; another user's attempt id finds nothing, exactly like an unknown one. */
export async function findOwnAttempt(client: Client, userId: string, attemptId: string) {
  return client.attempt.findUnique({
    where: { userId_attemptId: { userId, attemptId } },
    select: { attemptId: true, questionId: true, revision: true, response: true, correct: true, selfGrade: true, elapsedMs: true, createdAt: true },
  });
}

/** One of the user's attempts with when its card is due now: what a repeated attempt id is answered from. */
export async function findRecordedAttempt(client: Pick<PrismaClient, "attempt" | "reviewCard">, userId: string, attemptId: string) {
  const stored = await findOwnAttempt(client, userId, attemptId);
  if (!stored) return undefined;
  const card = await client.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId: stored.questionId } }, select: { due: true } });
  return { ...stored, due: card?.due ?? stored.createdAt };
}

/** Every attempt of the user, oldest first, with where its question lives: the CSV export. */
export async function listAttemptsForExport(client: Client, userId: string) {
  return client.attempt.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      attemptId: true,
      questionId: true,
      revision: true,
      response: true,
      correct: true,
      selfGrade: true,
      elapsedMs: true,
      createdAt: true,
      question: { select: { deckId: true, deck: { select: { topic: true } } } },
    },
  });
}
