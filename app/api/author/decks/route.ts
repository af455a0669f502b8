import { newDeckId } from "@/lib/authoring/ids";
import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { createDeck } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { deckInputSchema } from "@/lib/schemas/authoring";

/** POST /api/author/decks {title, topic, description, level}: a new draft deck owned by the caller. */
export async function POST(request: Request) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const body = await parseJsonBody(request, deckInputSchema, BODY_LIMITS.authoring);
  if (!body.ok) return body.response;
  return outcomeResponse(await createDeck(db, caller.actor, body.data, newDeckId(body.data.title)), 201);
}
