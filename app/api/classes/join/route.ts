import { requestNow } from "@/lib/clock";
import { joinClass } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { joinClassSchema } from "@/lib/schemas/classes";

/**
 * POST /api/classes/join {code}: a signed-in user joins the class with this code (typed, or the link
 * pasted). 404 for no such code, 403 when the class is closed to new members, 429 past the join limit.
 */
export const POST = route({
  role: "signed-in",
  body: { schema: joinClassSchema, limit: BODY_LIMITS.classes },
  handler: async ({ caller, body }) => joinClass(db, caller.id, body.code, await requestNow()),
});
