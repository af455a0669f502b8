import "server-only";
import { grade, type AnswerResponse, type GradeResult } from "@/lib/domain/grading";
import { ratingFor } from "@/lib/domain/scheduling";
import { writeAnswer } from "@/lib/data/answer-writer";
import { findRecordedAttempt } from "@/lib/data/user-attempts";
import { ok, type Outcome } from "@/lib/outcome";
import type { SubmitAnswer } from "@/lib/schemas/attempt";
import type { PrismaClient } from "@/prisma/generated/client";
import { gradeSubmission, loadAnsweredRevision } from "./grade-submission";

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

/**
 * Records one answer: grades it here, then the data layer's group-commit writer stores the attempt
 * (unique on user and client attempt id) and moves the user's FSRS card in one transaction. Submitting
 * the same attempt id again, even concurrently, records it once and returns the same outcome: the unique
 * index decides, and the repeat is answered from what was stored. Bad input is `invalid` naming the
 * field; a session whose user has been deleted since is `unauthorized`. Nothing is written for either.
 */
export async function recordAttempt(
  client: PrismaClient,
  userId: string,
  input: SubmitAnswer,
  now: Date,
): Promise<Outcome<AttemptOutcome>> {
  const graded = await gradeSubmission(client, input);
  if (!graded.ok) return graded;
  const { question, response, result } = graded.value;
  const rating = ratingFor(question.type, result, input.elapsedMs);
  const written = await writeAnswer(client, { userId, input: { ...input, response }, result, rating, now });
  if (!written.ok) return written;
  if (written.value.recorded) {
    return ok({
      ...result,
      response,
      attemptId: input.attemptId,
      questionId: input.questionId,
      revision: input.revision,
      due: written.value.due,
      replayed: false,
    });
  }
  return replay(client, userId, input.attemptId);
}

/** The outcome of an attempt already recorded: graded again from what was stored, so it is the same. */
async function replay(client: PrismaClient, userId: string, attemptId: string): Promise<Outcome<AttemptOutcome>> {
  const stored = await findRecordedAttempt(client, userId, attemptId);
  if (!stored) throw new Error(`attempt ${attemptId} was neither recorded nor found`);
  const question = await loadAnsweredRevision(client, stored.questionId, stored.revision);
  if (!question.ok) return question;
  // Stored responses are in authored indices already: graded as they are, never mapped again.
  const response = JSON.parse(stored.response) as AnswerResponse;
  return ok({
    ...grade(question.value, response),
    response,
    attemptId,
    questionId: stored.questionId,
    revision: stored.revision,
    due: stored.due,
    replayed: true,
  });
}
