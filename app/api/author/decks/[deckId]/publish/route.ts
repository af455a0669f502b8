import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { publishDeck } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";

/** POST /api/author/decks/:deckId/publish: the deck and its draft questions go live for candidates. */
export async function POST(request: Request, context: RouteContext<"/api/author/decks/[deckId]/publish">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  return outcomeResponse(await publishDeck(db, caller.actor, (await context.params).deckId));
}
