import { canAuthor } from "@/lib/auth/roles";
import { checkAuthoredQuestion } from "@/lib/authoring/check-question";
import type { Question } from "@/lib/domain/question";
import type { PreviewReply } from "@/lib/http/contracts";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { ok } from "@/lib/outcome";
import { previewQuestion } from "@/lib/practice/present";
import { previewQuestionSchema } from "@/lib/schemas/authoring";

/**
 * POST /api/author/preview {question, authoredOrder?}: what the checker says about a question being edited and how
 * candidates will see it. Problems are the answer here, not an error: always 200 for a well-formed body.
 */
export const POST = route({
  role: canAuthor,
  body: { schema: previewQuestionSchema, limit: BODY_LIMITS.authoring },
  handler: async ({ body }) => {
    const checked = checkAuthoredQuestion(body.question, "preview");
    const question = checked.ok ? checked.value : ({ ...body.question, id: "preview" } as Question);
    let rendered: ReturnType<typeof previewQuestion> | undefined;
    try {
      rendered = previewQuestion(question, { authoredOrder: body.authoredOrder });
    } catch {
      // A formula that does not evaluate yet: the problems say why, the preview waits for a fix.
    }
    return ok<PreviewReply>({ problems: checked.ok ? [] : checked.error.problems, ...rendered });
  },
});
