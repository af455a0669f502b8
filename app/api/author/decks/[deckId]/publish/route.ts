import { canAuthor } from "@/lib/auth/roles";
import { publishDeck } from "@/lib/data/authoring/deck-writes";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { deckParams } from "@/lib/schemas/route-params";

/** POST /api/author/decks/:deckId/publish: the deck and its draft questions go live for candidates. */
export const POST = route({
  role: canAuthor,
  params: deckParams,
  handler: ({ caller, params }) => publishDeck(db, caller, params.deckId),
});
