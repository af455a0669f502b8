import { canAuthor } from "@/lib/auth/roles";
import { updateDeck } from "@/lib/data/authoring/deck-writes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { deckInputSchema } from "@/lib/schemas/authoring";
import { deckParams } from "@/lib/schemas/route-params";

/** PATCH /api/author/decks/:deckId {title, topic, description, level}: the deck's owner or an admin. */
export const PATCH = route({
  role: canAuthor,
  params: deckParams,
  body: { schema: deckInputSchema, limit: BODY_LIMITS.authoring },
  handler: ({ caller, params, body }) => updateDeck(db, caller, params.deckId, body),
});
