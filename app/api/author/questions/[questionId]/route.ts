import { checkAuthoredQuestion } from "@/lib/authoring/check-question";
import { outcomeResponse, questionProblems, requireAuthor } from "@/lib/authoring/responses";
import { checkQuestionAccess, removeQuestion, updateQuestion } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { saveQuestionSchema } from "@/lib/schemas/authoring";

/** PUT /api/author/questions/:questionId {question}: edits in place (draft) or adds a revision (published). */
export async function PUT(request: Request, context: RouteContext<"/api/author/questions/[questionId]">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const { questionId } = await context.params;
  const access = await checkQuestionAccess(db, caller.actor, questionId);
  if (!access.ok) return outcomeResponse(access);
  const body = await parseJsonBody(request, saveQuestionSchema, BODY_LIMITS.authoring);
  if (!body.ok) return body.response;
  const checked = checkAuthoredQuestion(body.data.question, questionId);
  if (!checked.ok) return questionProblems(checked.problems);
  return outcomeResponse(await updateQuestion(db, caller.actor, checked.question));
}

/** DELETE /api/author/questions/:questionId: deleted if never answered, archived otherwise. */
export async function DELETE(request: Request, context: RouteContext<"/api/author/questions/[questionId]">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  return outcomeResponse(await removeQuestion(db, caller.actor, (await context.params).questionId));
}
