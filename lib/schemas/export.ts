import { z } from "zod";

export const EXPORT_FORMATS = ["markdown", "gift", "moodle-xml", "anki"] as const;

/** GET /api/author/decks/:deckId/export?format= */
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
});
