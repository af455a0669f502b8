import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { mergeGuestAttempts } from "@/lib/practice/merge-guest";
import { guestMergeSchema } from "@/lib/schemas/guest-merge";

/** POST /api/me/guest-merge: moves the answers a guest kept in the browser into the signed-in account, once. */
export const POST = route({
  role: "signed-in",
  body: { schema: guestMergeSchema, limit: BODY_LIMITS.guestMerge },
  handler: async ({ caller, body }) => mergeGuestAttempts(db, caller.id, body, await requestNow()),
});
