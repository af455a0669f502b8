import { canAuthor } from "@/lib/auth/roles";
import { exportDeck } from "@/lib/authoring/export-deck";
import { db } from "@/lib/data/db";
import { fileResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { exportQuerySchema } from "@/lib/schemas/export";
import { deckParams } from "@/lib/schemas/route-params";

/**
 * GET /api/author/decks/:deckId/export?format=markdown|gift|moodle-xml|anki: a deck as a file, for instructors and
 * admins who may see it (built-in and published decks, and their own drafts, which export with drafts).
 */
export const GET = route({
  role: canAuthor,
  params: deckParams,
  query: exportQuerySchema,
  handler: async ({ caller, params, query }) => {
    const file = await exportDeck(db, caller, params.deckId, query.format);
    return file.ok ? fileResponse(file.value, "private, no-store") : file;
  },
});
