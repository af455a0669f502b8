import { canAuthor } from "@/lib/auth/roles";
import { checkDraftQuestion } from "@/lib/authoring/check-question";
import { checkQuestionAccess } from "@/lib/data/authoring/access";
import { removeQuestion, updateQuestion } from "@/lib/data/authoring/question-writes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { saveQuestionSchema } from "@/lib/schemas/authoring";
import { questionParams } from "@/lib/schemas/route-params";

/** PUT /api/author/questions/:questionId {question}: edits in place (draft) or adds a revision (published). */
export const PUT = route({
  role: canAuthor,
  params: questionParams,
  access: (caller, { questionId }) => checkQuestionAccess(db, caller, questionId),
  body: { schema: saveQuestionSchema, limit: BODY_LIMITS.authoring },
  handler: async ({ caller, params, body }) => {
    const checked = checkDraftQuestion(body.question, params.questionId);
    return checked.ok ? updateQuestion(db, caller, checked.value) : checked;
  },
});

/** DELETE /api/author/questions/:questionId: deleted if never answered, archived otherwise. */
export const DELETE = route({
  role: canAuthor,
  params: questionParams,
  handler: ({ caller, params }) => removeQuestion(db, caller, params.questionId),
});
