import { anyRole } from "@/lib/auth/roles";
import { requestNow } from "@/lib/clock";
import { loadClassProgress } from "@/lib/data/class-progress";
import { db } from "@/lib/data/db";
import { classProgressCsv } from "@/lib/domain/class-progress";
import { fileResponse } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { classParams } from "@/lib/schemas/classes";

/** GET /api/classes/:classId/progress/export: the dashboard's table as CSV, one row per member and deck. */
export const GET = route({
  role: anyRole,
  params: classParams,
  handler: async ({ caller, params }) => {
    const progress = await loadClassProgress(db, caller, params.classId, await requestNow());
    if (!progress.ok) return progress;
    const file = {
      body: classProgressCsv(progress.value),
      type: "text/csv; charset=utf-8",
      filename: "class-progress.csv",
    };
    return fileResponse(file, "private, no-store");
  },
});
