import { canAuthor } from "@/lib/auth/roles";
import { checkDraftQuestion } from "@/lib/authoring/check-question";
import { newQuestionId } from "@/lib/authoring/ids";
import { checkDeckAccess } from "@/lib/data/authoring/access";
import { createQuestion } from "@/lib/data/authoring/question-writes";
import { db } from "@/lib/data/db";
import { BODY_LIMITS } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { saveQuestionSchema } from "@/lib/schemas/authoring";
import { deckParams } from "@/lib/schemas/route-params";

/** POST /api/author/decks/:deckId/questions {question}: a new draft question, checked like shipped content (its explanation or rubric may wait). */
export const POST = route({
  role: canAuthor,
  params: deckParams,
  // Ownership first: someone else's deck is a 403 whatever the body says.
  access: (caller, { deckId }) => checkDeckAccess(db, caller, deckId),
  body: { schema: saveQuestionSchema, limit: BODY_LIMITS.authoring },
  status: 201,
  handler: async ({ caller, params, body }) => {
    const checked = checkDraftQuestion(body.question, newQuestionId());
    return checked.ok ? createQuestion(db, caller, params.deckId, checked.value) : checked;
  },
});
