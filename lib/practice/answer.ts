import "server-only";
import type { AnswerResponse } from "@/lib/domain/grading";
import type { AnswerOutcome } from "@/lib/domain/question-view";
import { getQuestionRevision } from "@/lib/data/questions";
import { ok, type Outcome } from "@/lib/outcome";
import type { SubmitAnswer } from "@/lib/schemas/attempt";
import type { PrismaClient } from "@/prisma/generated/client";
import { gradeSubmission } from "./grade-submission";
import { presentKey } from "./present";
import { recordAttempt } from "./record-attempt";

/** Records a signed-in user's answer and returns the verdict with the answer key to teach from. */
export async function recordAnswer(
  client: PrismaClient,
  userId: string,
  input: SubmitAnswer,
  now: Date,
): Promise<Outcome<AnswerOutcome>> {
  const recorded = await recordAttempt(client, userId, input, now);
  if (!recorded.ok) return recorded;
  const outcome = recorded.value;
  const question = (await getQuestionRevision(client, outcome.questionId, outcome.revision))!;
  const { correct, selfGrade, attemptId, due, replayed, drawn, response } = outcome;
  const key = presentKey(question, outcome.revision, { drawn, seed: seedOf(response) });
  return ok({ correct, ...(selfGrade ? { selfGrade } : {}), attemptId, key, due: due.toISOString(), replayed });
}

/** Grades a guest's answer without writing anything: the browser keeps guest progress until sign-in. */
export async function gradeGuestAnswer(client: PrismaClient, input: SubmitAnswer): Promise<Outcome<AnswerOutcome>> {
  const graded = await gradeSubmission(client, input);
  if (!graded.ok) return graded;
  const { question, response, result } = graded.value;
  const { correct, selfGrade, drawn } = result;
  return ok({
    correct,
    ...(selfGrade ? { selfGrade } : {}),
    attemptId: input.attemptId,
    key: presentKey(question, input.revision, { drawn, seed: seedOf(response) }),
  });
}

/** The seed that ordered a choice question's choices, which the key is shown in. */
function seedOf(response: AnswerResponse): number | undefined {
  return response.type === "single" || response.type === "multiple" ? response.seed : undefined;
}
