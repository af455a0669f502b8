import { canAuthor } from "@/lib/auth/roles";
import { restoreQuestion } from "@/lib/data/authoring/question-writes";
import { db } from "@/lib/data/db";
import { route } from "@/lib/http/route";
import { questionParams } from "@/lib/schemas/route-params";

/** POST /api/author/questions/:questionId/restore: brings an archived question back. */
export const POST = route({
  role: canAuthor,
  params: questionParams,
  handler: ({ caller, params }) => restoreQuestion(db, caller, params.questionId),
});
