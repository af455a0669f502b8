import { checkAuthoredQuestion } from "@/lib/authoring/check-question";
import { newQuestionId } from "@/lib/authoring/ids";
import { outcomeResponse, questionProblems, requireAuthor } from "@/lib/authoring/responses";
import { checkDeckAccess, createQuestion } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { saveQuestionSchema } from "@/lib/schemas/authoring";

/** POST /api/author/decks/:deckId/questions {question}: a new draft question, checked like shipped content. */
export async function POST(request: Request, context: RouteContext<"/api/author/decks/[deckId]/questions">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const { deckId } = await context.params;
  // Ownership first: someone else's deck is a 403 whatever the body says.
  const access = await checkDeckAccess(db, caller.actor, deckId);
  if (!access.ok) return outcomeResponse(access);
  const body = await parseJsonBody(request, saveQuestionSchema, BODY_LIMITS.authoring);
  if (!body.ok) return body.response;
  const checked = checkAuthoredQuestion(body.data.question, newQuestionId());
  if (!checked.ok) return questionProblems(checked.problems);
  return outcomeResponse(await createQuestion(db, caller.actor, deckId, checked.question), 201);
}
