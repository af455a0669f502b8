import { requestNow } from "@/lib/clock";
import { loadMyAssignments } from "@/lib/data/class-progress";
import { db } from "@/lib/data/db";
import { ok } from "@/lib/outcome";
import { route } from "@/lib/http/route";

/** GET /api/me/assignments: the decks assigned in the caller's classes, with due dates and how much is done. */
export const GET = route({
  role: "signed-in",
  headers: { "cache-control": "private, no-store" },
  handler: async ({ caller }) => ok(await loadMyAssignments(db, caller.id, await requestNow())),
});
