import "server-only";
import { planGuestMerge } from "@/lib/domain/guest-merge";
import type { GuestMergeReply } from "@/lib/http/contracts";
import { ok, type Outcome } from "@/lib/outcome";
import type { GuestMergeRequest } from "@/lib/schemas/guest-merge";
import type { PrismaClient } from "@/prisma/generated/client";
import { recordAttempt } from "./record-attempt";

/**
 * Replays a guest's answers into the account, oldest first and at the time they were given, so FSRS
 * sees the real history. Idempotent: each keeps its attempt id, so posting the same list twice (two tabs,
 * a retry) records every answer once. An answer to a question that no longer exists is reported, not fatal;
 * a user deleted meanwhile ends the merge as `unauthorized`.
 */
export async function mergeGuestAttempts(
  client: PrismaClient,
  userId: string,
  request: GuestMergeRequest,
  now: Date,
): Promise<Outcome<GuestMergeReply>> {
  // `correct` is the browser's note of what it was shown; the server grades again and never trusts it.
  const plan = planGuestMerge(
    request.attempts.map(({ questionId, revision, response, attemptId, elapsedMs, answeredAt }) => ({
      questionId,
      revision,
      response,
      attemptId,
      elapsedMs,
      answeredAt: new Date(answeredAt),
    })),
    now,
  );
  const result: GuestMergeReply = { merged: 0, skipped: plan.skipped.length, rejected: [] };
  for (const { answeredAt, ...attempt } of plan.accepted) {
    const outcome = await recordAttempt(client, userId, attempt, answeredAt);
    if (outcome.ok) {
      if (!outcome.value.replayed) result.merged++;
    } else if (outcome.error.code === "invalid") {
      result.rejected.push({
        attemptId: attempt.attemptId,
        field: outcome.error.field,
        message: outcome.error.message,
      });
    } else {
      return outcome;
    }
  }
  return ok(result);
}
