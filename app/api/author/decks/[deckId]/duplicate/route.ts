import { canAuthor } from "@/lib/auth/roles";
import { newDeckId, newQuestionId } from "@/lib/authoring/ids";
import { duplicateDeck } from "@/lib/data/authoring/deck-writes";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { deckParams } from "@/lib/schemas/route-params";

/** POST /api/author/decks/:deckId/duplicate: an editable draft copy of a deck the caller may see. */
export const POST = route({
  role: canAuthor,
  params: deckParams,
  status: 201,
  handler: ({ caller, params: { deckId } }) =>
    duplicateDeck(db, caller, deckId, { deckId: newDeckId(deckId), questionId: newQuestionId }),
});
