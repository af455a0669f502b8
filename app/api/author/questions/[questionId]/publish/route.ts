import { canAuthor } from "@/lib/auth/roles";
import { publishQuestion } from "@/lib/data/authoring/question-writes";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { questionParams } from "@/lib/schemas/route-params";

/** POST /api/author/questions/:questionId/publish: one draft question goes live. */
export const POST = route({
  role: canAuthor,
  params: questionParams,
  handler: ({ caller, params }) => publishQuestion(db, caller, params.questionId),
});
