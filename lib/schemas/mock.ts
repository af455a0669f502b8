import { z } from "zod";
import { DEFAULT_MOCK } from "@/lib/domain/mock-interview";

/** The mock interview's settings, from the /mock form (query string); out-of-range values fall back to defaults. */
export const mockSettingsSchema = z.object({
  minutes: z.coerce.number().int().min(5).max(120).catch(DEFAULT_MOCK.minutes),
  questions: z.coerce.number().int().min(5).max(60).catch(DEFAULT_MOCK.questions),
});
