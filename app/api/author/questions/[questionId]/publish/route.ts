import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { publishQuestion } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";

/** POST /api/author/questions/:questionId/publish: one draft question goes live. */
export async function POST(request: Request, context: RouteContext<"/api/author/questions/[questionId]/publish">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  return outcomeResponse(await publishQuestion(db, caller.actor, (await context.params).questionId));
}
