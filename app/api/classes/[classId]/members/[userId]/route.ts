import { anyRole } from "@/lib/auth/roles";
import { removeMember } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { classMemberParams } from "@/lib/schemas/classes";

/** DELETE /api/classes/:classId/members/:userId: the owner or an admin removes a member. */
export const DELETE = route({
  role: anyRole,
  params: classMemberParams,
  handler: ({ caller, params }) => removeMember(db, caller, params.classId, params.userId),
});
