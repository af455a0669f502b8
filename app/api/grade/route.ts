import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { gradeGuestAnswer } from "@/lib/practice/answer";
import { submitAnswerSchema } from "@/lib/schemas/attempt";

/** POST /api/grade: grades a guest's answer and writes nothing (guests keep progress in the browser). */
export const POST = route({
  role: "public",
  body: { schema: submitAnswerSchema, limit: BODY_LIMITS.answer },
  handler: ({ body }) => gradeGuestAnswer(db, body),
});
