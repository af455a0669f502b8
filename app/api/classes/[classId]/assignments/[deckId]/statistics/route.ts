import { anyRole } from "@/lib/auth/roles";
import { loadClassDeckStatistics } from "@/lib/data/class-progress";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { classDeckParams } from "@/lib/schemas/classes";

/** GET /api/classes/:classId/assignments/:deckId/statistics: an assigned deck's item statistics over the members. */
export const GET = route({
  role: anyRole,
  params: classDeckParams,
  headers: { "cache-control": "private, no-store" },
  handler: ({ caller, params }) => loadClassDeckStatistics(db, caller, params.classId, params.deckId),
});
