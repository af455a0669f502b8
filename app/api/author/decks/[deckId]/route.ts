import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { updateDeck } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { deckInputSchema } from "@/lib/schemas/authoring";

/** PATCH /api/author/decks/:deckId {title, topic, description, level}: the deck's owner or an admin. */
export async function PATCH(request: Request, context: RouteContext<"/api/author/decks/[deckId]">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const body = await parseJsonBody(request, deckInputSchema, BODY_LIMITS.authoring);
  if (!body.ok) return body.response;
  return outcomeResponse(await updateDeck(db, caller.actor, (await context.params).deckId, body.data));
}
