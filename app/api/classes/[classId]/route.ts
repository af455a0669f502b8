import { anyRole } from "@/lib/auth/roles";
import { randomBytes } from "node:crypto";
import { checkClassManage, deleteClass, updateClass } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { classParams, updateClassSchema } from "@/lib/schemas/classes";

/** PATCH /api/classes/:classId {name?, joinOpen?, rotateCode?}: the owner or an admin; the class's settings. */
export const PATCH = route({
  role: anyRole,
  params: classParams,
  access: (caller, params) => checkClassManage(db, caller, params.classId),
  body: { schema: updateClassSchema, limit: BODY_LIMITS.classes },
  handler: ({ caller, params, body }) => updateClass(db, caller, params.classId, body, randomBytes),
});

/** DELETE /api/classes/:classId: the owner or an admin; the members keep their answers and progress. */
export const DELETE = route({
  role: anyRole,
  params: classParams,
  handler: ({ caller, params }) => deleteClass(db, caller, params.classId),
});
