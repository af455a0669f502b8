import { randomBytes } from "node:crypto";
import { canAuthor } from "@/lib/auth/roles";
import { createClass, listClasses } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { ok } from "@/lib/outcome";
import { createClassSchema } from "@/lib/schemas/classes";

/** POST /api/classes {name}: instructors and admins make a class, 201 with its id and join code. */
export const POST = route({
  role: canAuthor,
  body: { schema: createClassSchema, limit: BODY_LIMITS.classes },
  status: 201,
  handler: ({ caller, body }) => createClass(db, caller, body, randomBytes),
});

/** GET /api/classes: the classes the caller owns (with their codes) and the ones they are a member of. */
export const GET = route({
  role: "signed-in",
  headers: { "cache-control": "private, no-store" },
  handler: async ({ caller }) => ok(await listClasses(db, caller.id)),
});
