import { anyRole } from "@/lib/auth/roles";
import { requestNow } from "@/lib/clock";
import { loadClassProgress } from "@/lib/data/class-progress";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { classParams } from "@/lib/schemas/classes";

/** GET /api/classes/:classId/progress: the owner's and admins' dashboard; 403 to members, 404 to others. */
export const GET = route({
  role: anyRole,
  params: classParams,
  headers: { "cache-control": "private, no-store" },
  handler: async ({ caller, params }) => loadClassProgress(db, caller, params.classId, await requestNow()),
});
