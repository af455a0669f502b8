import { anyRole } from "@/lib/auth/roles";
import { unassignDeck } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { classDeckParams } from "@/lib/schemas/classes";

/** DELETE /api/classes/:classId/assignments/:deckId: the owner or an admin; members' answers stay. */
export const DELETE = route({
  role: anyRole,
  params: classDeckParams,
  handler: ({ caller, params }) => unassignDeck(db, caller, params.classId, params.deckId),
});
