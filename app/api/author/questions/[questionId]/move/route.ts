import { canAuthor } from "@/lib/auth/roles";
import { moveQuestion } from "@/lib/data/authoring/question-writes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { moveQuestionSchema } from "@/lib/schemas/authoring";
import { questionParams } from "@/lib/schemas/route-params";

/** POST /api/author/questions/:questionId/move {direction: "up" | "down"}: reorders the deck. */
export const POST = route({
  role: canAuthor,
  params: questionParams,
  body: { schema: moveQuestionSchema, limit: BODY_LIMITS.authoring },
  handler: ({ caller, params, body }) => moveQuestion(db, caller, params.questionId, body.direction),
});
