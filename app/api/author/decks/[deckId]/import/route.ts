import { canAuthor } from "@/lib/auth/roles";
import { importIntoDeck } from "@/lib/authoring/import-deck";
import { checkDeckAccess } from "@/lib/data/authoring/access";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { importSchema } from "@/lib/schemas/authoring";
import { deckParams } from "@/lib/schemas/route-params";

/**
 * POST /api/author/decks/:deckId/import {format, text, defaultTerms, commit, onlyValid}: the preview
 * (200) or the saved drafts (201); lib/authoring/import-deck.ts says when nothing is saved.
 */
export const POST = route({
  role: canAuthor,
  params: deckParams,
  access: (caller, { deckId }) => checkDeckAccess(db, caller, deckId),
  body: { schema: importSchema, limit: BODY_LIMITS.import },
  status: (body) => (body.commit ? 201 : 200),
  handler: ({ caller, params, body }) => importIntoDeck(db, caller, params.deckId, body),
});
