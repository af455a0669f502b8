import "server-only";
import { grade, ResponseMismatchError, type AnswerResponse, type GradeResult } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import { ratingFor, review, type ReviewCard } from "@/lib/domain/scheduling";
import type { SubmitAnswer } from "@/lib/schemas/attempt";
import type { PrismaClient } from "@/prisma/generated/client";

/** Bad input the caller turns into a 400 naming the field; nothing has been written. */
export class InvalidAnswerError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type AttemptOutcome = GradeResult & {
  attemptId: string;
  explanation: string;
  /** When FSRS will bring the question back. */
  due: Date;
  /** True when this attempt id had been recorded before and nothing new was written. */
  replayed: boolean;
};

async function loadRevision(client: PrismaClient, questionId: string, revision: number): Promise<Question> {
  const stored = await client.questionRevision.findUnique({ where: { questionId_revision: { questionId, revision } } });
  if (!stored) throw new InvalidAnswerError("questionId", `unknown question "${questionId}" at revision ${revision}`);
  return JSON.parse(stored.body) as Question;
}

function gradeOrReject(question: Question, response: AnswerResponse): GradeResult {
  try {
    return grade(question, response);
  } catch (error) {
    if (error instanceof ResponseMismatchError) throw new InvalidAnswerError("response", error.message);
    throw error;
  }
}

/** The outcome of an attempt already recorded: graded again from what was stored, so it is the same. */
async function replay(client: PrismaClient, userId: string, attemptId: string): Promise<AttemptOutcome | undefined> {
  const stored = await client.attempt.findUnique({ where: { userId_attemptId: { userId, attemptId } } });
  if (!stored) return undefined;
  const question = await loadRevision(client, stored.questionId, stored.revision);
  const card = await client.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId: stored.questionId } } });
  const result = grade(question, JSON.parse(stored.response) as AnswerResponse);
  return { ...result, attemptId, explanation: question.explanation, due: card?.due ?? stored.createdAt, replayed: true };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Records one answer: grades it (pure), then in one transaction inserts the attempt (unique on user and
 * client attempt id) and moves the user's FSRS card. Submitting the same attempt id again, even
 * concurrently, records it once and returns the same outcome: the unique index decides, so a first
 * submission costs no extra lookup.
 */
export async function recordAttempt(
  client: PrismaClient,
  userId: string,
  input: SubmitAnswer,
  now: Date,
  desiredRetention: number,
): Promise<AttemptOutcome> {
  const question = await loadRevision(client, input.questionId, input.revision);
  const result = gradeOrReject(question, input.response);
  const rating = ratingFor(question.type, result, input.elapsedMs);
  try {
    const card = await client.$transaction(async (tx) => {
      await tx.attempt.create({
        data: {
          userId,
          attemptId: input.attemptId,
          questionId: input.questionId,
          revision: input.revision,
          response: JSON.stringify(input.response),
          correct: result.correct,
          selfGrade: result.selfGrade ?? null,
          elapsedMs: input.elapsedMs,
          createdAt: now,
        },
      });
      const key = { userId_questionId: { userId, questionId: input.questionId } };
      const stored = await tx.reviewCard.findUnique({ where: key });
      const next: ReviewCard = review(stored ?? undefined, rating, now, desiredRetention);
      await tx.reviewCard.upsert({
        where: key,
        create: { userId, questionId: input.questionId, ...next },
        update: next,
      });
      return next;
    });
    return { ...result, attemptId: input.attemptId, explanation: question.explanation, due: card.due, replayed: false };
  } catch (error) {
    // This attempt id was recorded before (a retry, a double click, or a concurrent twin): the unique
    // index refused the insert and rolled the transaction back; answer with what was recorded.
    if (isUniqueViolation(error)) {
      const winner = await replay(client, userId, input.attemptId);
      if (winner) return winner;
    }
    throw error;
  }
}
