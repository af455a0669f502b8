import { canAuthor } from "@/lib/auth/roles";
import { newDeckId } from "@/lib/authoring/ids";
import { createDeck } from "@/lib/data/authoring/deck-writes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { deckInputSchema } from "@/lib/schemas/authoring";

/** POST /api/author/decks {title, topic, description, level}: a new draft deck owned by the caller. */
export const POST = route({
  role: canAuthor,
  body: { schema: deckInputSchema, limit: BODY_LIMITS.authoring },
  status: 201,
  handler: ({ caller, body }) => createDeck(db, caller, body, newDeckId(body.title)),
});
