import { db } from "@/lib/data/db";
import { findOwnAttempt } from "@/lib/data/user-attempts";
import { route } from "@/lib/http/route";
import { found, ok } from "@/lib/outcome";
import { attemptParams } from "@/lib/schemas/route-params";

/** GET /api/attempts/:attemptId: one of the caller's own attempts; anyone else's is a 404, as if it did not exist. */
export const GET = route({
  role: "signed-in",
  params: attemptParams,
  handler: async ({ caller, params }) => {
    const attempt = found(await findOwnAttempt(db, caller.id, params.attemptId), "Attempt");
    return attempt.ok ? ok({ ...attempt.value, response: JSON.parse(attempt.value.response) as unknown }) : attempt;
  },
});
