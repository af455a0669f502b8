import { z } from "zod";
import { GUEST_MERGE_LIMITS } from "@/lib/domain/guest-merge";
import { submitAnswerSchema } from "./attempt";

/** POST /api/me/guest-merge: the answers a guest gave in this browser, as components/quiz stored them. */
export const guestMergeSchema = z
  .object({
    attempts: z
      .array(
        submitAnswerSchema.extend({
          answeredAt: z.iso.datetime({ offset: true, error: "must be an ISO date-time" }),
          correct: z.boolean().optional(),
        }),
      )
      .max(GUEST_MERGE_LIMITS.maxAttempts * 2, `at most ${GUEST_MERGE_LIMITS.maxAttempts * 2} attempts per request`),
  })
  .strict();

export type GuestMergeRequest = z.infer<typeof guestMergeSchema>;
