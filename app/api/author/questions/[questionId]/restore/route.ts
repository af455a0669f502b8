import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { restoreQuestion } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";

/** POST /api/author/questions/:questionId/restore: brings an archived question back. */
export async function POST(request: Request, context: RouteContext<"/api/author/questions/[questionId]/restore">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  return outcomeResponse(await restoreQuestion(db, caller.actor, (await context.params).questionId));
}
