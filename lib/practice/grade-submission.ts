import "server-only";
import { toAuthoredResponse } from "@/lib/domain/choice-order";
import { grade, ResponseMismatchError, type AnswerResponse, type GradeResult } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import { getQuestionRevision } from "@/lib/data/questions";
import { invalid, ok, type Invalid, type Outcome } from "@/lib/outcome";
import type { PrismaClient } from "@/prisma/generated/client";

export type GradedSubmission = { question: Question; response: AnswerResponse; result: GradeResult };

/** The published revision an answer names; an unknown question or revision is bad input naming questionId. */
export async function loadAnsweredRevision(
  client: PrismaClient,
  questionId: string,
  revision: number,
): Promise<Outcome<Question, Invalid>> {
  const question = await getQuestionRevision(client, questionId, revision);
  return question ? ok(question) : invalid("questionId", `unknown question "${questionId}" at revision ${revision}`);
}

/**
 * Grades a submission against the revision it names. Shown choices are mapped back to authored ones
 * first, so the response comes back in authored indices, the form every stored answer has. A response
 * that does not fit the question is bad input naming `response`; grading throws for it, and this is the
 * one place that turns the throw into an outcome.
 */
export async function gradeSubmission(
  client: PrismaClient,
  input: { questionId: string; revision: number; response: AnswerResponse },
): Promise<Outcome<GradedSubmission, Invalid>> {
  const loaded = await loadAnsweredRevision(client, input.questionId, input.revision);
  if (!loaded.ok) return loaded;
  const question = loaded.value;
  try {
    const response = toAuthoredResponse(question, input.response);
    return ok({ question, response, result: grade(question, response) });
  } catch (error) {
    if (error instanceof ResponseMismatchError) return invalid("response", error.message);
    throw error;
  }
}
