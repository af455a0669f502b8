import { newDeckId, newQuestionId } from "@/lib/authoring/ids";
import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { duplicateDeck } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";

/** POST /api/author/decks/:deckId/duplicate: an editable draft copy of a deck the caller may see. */
export async function POST(request: Request, context: RouteContext<"/api/author/decks/[deckId]/duplicate">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const { deckId } = await context.params;
  return outcomeResponse(await duplicateDeck(db, caller.actor, deckId, { deckId: newDeckId(deckId), questionId: newQuestionId }), 201);
}
