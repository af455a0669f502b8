import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { moveQuestion } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { moveQuestionSchema } from "@/lib/schemas/authoring";

/** POST /api/author/questions/:questionId/move {direction: "up" | "down"}: reorders the deck. */
export async function POST(request: Request, context: RouteContext<"/api/author/questions/[questionId]/move">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const body = await parseJsonBody(request, moveQuestionSchema, BODY_LIMITS.authoring);
  if (!body.ok) return body.response;
  return outcomeResponse(await moveQuestion(db, caller.actor, (await context.params).questionId, body.data.direction));
}
