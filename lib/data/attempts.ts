import "server-only";
import { toAuthoredResponse } from "@/lib/domain/choice-order";
import { grade, ResponseMismatchError, type AnswerResponse, type GradeResult } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import { ratingFor } from "@/lib/domain/scheduling";
import type { SubmitAnswer } from "@/lib/schemas/attempt";
import type { PrismaClient } from "@/prisma/generated/client";
import { writeAnswer } from "./answer-writer";
import { getQuestionRevision } from "./questions";

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
  /** The response as recorded: choices in authored indices, with the seed of the order shown. */
  response: AnswerResponse;
  /** The question revision the attempt answered (a replay answers with the one first recorded). */
  questionId: string;
  revision: number;
  /** When FSRS will bring the question back. */
  due: Date;
  /** True when this attempt id had been recorded before and nothing new was written. */
  replayed: boolean;
};

async function loadRevision(client: PrismaClient, questionId: string, revision: number): Promise<Question> {
  const question = await getQuestionRevision(client, questionId, revision);
  if (!question) throw new InvalidAnswerError("questionId", `unknown question "${questionId}" at revision ${revision}`);
  return question;
}

/** Maps shown choices back to authored ones, then grades; a response that does not fit is a 400. */
function gradeOrReject(question: Question, shown: AnswerResponse): { response: AnswerResponse; result: GradeResult } {
  try {
    const response = toAuthoredResponse(question, shown);
    return { response, result: grade(question, response) };
  } catch (error) {
    if (error instanceof ResponseMismatchError) throw new InvalidAnswerError("response", error.message);
    throw error;
  }
}

/**
 * Grades a submission against the revision it names; unknown questions and mismatched responses are
 * InvalidAnswerError. The response comes back in authored indices, the form every stored answer has.
 */
export async function gradeSubmission(client: PrismaClient, input: SubmitAnswer): Promise<{ question: Question; response: AnswerResponse; result: GradeResult }> {
  const question = await loadRevision(client, input.questionId, input.revision);
  return { question, ...gradeOrReject(question, input.response) };
}

/** The outcome of an attempt already recorded: graded again from what was stored, so it is the same. */
async function replay(client: PrismaClient, userId: string, attemptId: string): Promise<AttemptOutcome | undefined> {
  const stored = await client.attempt.findUnique({ where: { userId_attemptId: { userId, attemptId } } });
  if (!stored) return undefined;
  const question = await loadRevision(client, stored.questionId, stored.revision);
  const card = await client.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId: stored.questionId } } });
  const response = JSON.parse(stored.response) as AnswerResponse;
  const result = grade(question, response);
  return { ...result, response, attemptId, questionId: stored.questionId, revision: stored.revision, due: card?.due ?? stored.createdAt, replayed: true };
}

/** The session named a user who has been deleted since it was issued. */
export class UnknownUserError extends Error {}

/**
 * Records one answer: grades it (pure), then the group-commit writer inserts the attempt (unique on user
 * and client attempt id) and moves the user's FSRS card in one transaction. Submitting the same attempt
 * id again, even concurrently, records it once and returns the same outcome: the unique index decides,
 * and the repeat is answered from what was stored.
 */
export async function recordAttempt(client: PrismaClient, userId: string, input: SubmitAnswer, now: Date): Promise<AttemptOutcome> {
  const { question, response, result } = await gradeSubmission(client, input);
  const rating = ratingFor(question.type, result, input.elapsedMs);
  const written = await writeAnswer(client, { userId, input: { ...input, response }, result, rating, now });
  if (written.kind === "unknown-user") throw new UnknownUserError();
  if (written.kind === "recorded") {
    return { ...result, response, attemptId: input.attemptId, questionId: input.questionId, revision: input.revision, due: written.due, replayed: false };
  }
  const winner = await replay(client, userId, input.attemptId);
  if (!winner) throw new Error(`attempt ${input.attemptId} was neither recorded nor found`);
  return winner;
}
