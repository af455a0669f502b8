import { anyRole } from "@/lib/auth/roles";
import { assignDeck, checkClassManage } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { assignDeckSchema, classParams } from "@/lib/schemas/classes";

/**
 * POST /api/classes/:classId/assignments {deckId, dueDate?}: the owner or an admin assigns a published deck
 * they may see (201), or sets the due date of one already assigned.
 */
export const POST = route({
  role: anyRole,
  params: classParams,
  access: (caller, params) => checkClassManage(db, caller, params.classId),
  body: { schema: assignDeckSchema, limit: BODY_LIMITS.classes },
  status: 201,
  handler: ({ caller, params, body }) => assignDeck(db, caller, params.classId, body),
});
