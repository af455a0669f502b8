import { z } from "zod";

/** The dynamic segments of the API's routes. Any string may name a deck or question: an unknown one is a 404. */
export const deckParams = z.object({ deckId: z.string() });
export const questionParams = z.object({ questionId: z.string() });
/** Attempt ids are at most 64 characters (lib/schemas/attempt.ts): a longer one is cut, and so found nowhere. */
export const attemptParams = z.object({ attemptId: z.string().transform((id) => id.slice(0, 64)) });
