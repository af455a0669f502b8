import { NextResponse } from "next/server";
import { checkAuthoredQuestion } from "@/lib/authoring/check-question";
import { requireAuthor } from "@/lib/authoring/responses";
import type { Question } from "@/lib/domain/question";
import type { PreviewReply } from "@/lib/http/contracts";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { previewQuestion } from "@/lib/practice/present";
import { previewQuestionSchema } from "@/lib/schemas/authoring";

/**
 * POST /api/author/preview {question, authoredOrder?}: what the checker says about a question being edited and how
 * candidates will see it. Problems are the answer here, not an error: always 200 for a well-formed body.
 */
export async function POST(request: Request) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const body = await parseJsonBody(request, previewQuestionSchema, BODY_LIMITS.authoring);
  if (!body.ok) return body.response;
  const checked = checkAuthoredQuestion(body.data.question, "preview");
  const question = checked.ok ? checked.question : ({ ...body.data.question, id: "preview" } as Question);
  let rendered: ReturnType<typeof previewQuestion> | undefined;
  try {
    rendered = previewQuestion(question, { authoredOrder: body.data.authoredOrder });
  } catch {
    // A formula that does not evaluate yet: the problems say why, the preview waits for a fix.
  }
  return NextResponse.json({ problems: checked.ok ? [] : checked.problems, ...rendered } satisfies PreviewReply);
}
