import { leaveClass } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { classParams } from "@/lib/schemas/classes";

/** POST /api/classes/:classId/leave: a member leaves; their answers stay theirs. 404 to non-members. */
export const POST = route({
  role: "signed-in",
  params: classParams,
  handler: ({ caller, params }) => leaveClass(db, caller.id, params.classId),
});
