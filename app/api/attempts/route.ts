import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { recordAnswer } from "@/lib/practice/answer";
import { submitAnswerSchema } from "@/lib/schemas/attempt";

/**
 * POST /api/attempts: records a signed-in user's answer and moves their FSRS card. Idempotent on the
 * client's attemptId: a retry gets the first outcome back and writes nothing. 400 names the bad field.
 */
export const POST = route({
  role: "signed-in",
  body: { schema: submitAnswerSchema, limit: BODY_LIMITS.answer },
  handler: async ({ caller, body }) => recordAnswer(db, caller.id, body, await requestNow()),
});
