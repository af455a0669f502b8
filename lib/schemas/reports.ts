import { z } from "zod";
import { REPORT_NOTE_MAX, REPORT_REASONS } from "@/lib/domain/question-reports";

/** What the reports API accepts: a candidate's report, an author's resolution, and their inputs. */

const text = z
  .string()
  .trim()
  .max(REPORT_NOTE_MAX, `must be at most ${REPORT_NOTE_MAX.toLocaleString("en")} characters`);

/** POST /api/questions/:questionId/reports */
export const reportInputSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: `must be one of ${REPORT_REASONS.join(", ")}` }),
    note: text.default(""),
  })
  .strict();
export type ReportInput = z.output<typeof reportInputSchema>;

/**
 * PATCH /api/author/reports/:reportId: "fixed", optionally naming the revision the fix went into, or
 * "dismissed", which owes the reporter a reply saying why.
 */
export const resolveReportSchema = z.discriminatedUnion(
  "outcome",
  [
    z
      .object({
        outcome: z.literal("fixed"),
        reply: text.default(""),
        fixedInRevision: z.number().int().positive().optional(),
      })
      .strict(),
    z.object({ outcome: z.literal("dismissed"), reply: text.min(1, "say why it is dismissed") }).strict(),
  ],
  { error: 'must be "fixed" or "dismissed"' },
);
export type ResolveReportInput = z.output<typeof resolveReportSchema>;

export const reportParams = z.object({ reportId: z.string() });

/** GET /api/author/reports: one deck's queue, or every deck the caller answers for. */
export const reportQueueQuery = z.object({ deckId: z.string().min(1).optional() });
