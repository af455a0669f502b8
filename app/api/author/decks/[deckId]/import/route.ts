import { NextResponse } from "next/server";
import { authoringGlossary } from "@/lib/authoring/check-question";
import { newQuestionId } from "@/lib/authoring/ids";
import { outcomeResponse, requireAuthor } from "@/lib/authoring/responses";
import { checkDeckAccess, commitImport } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";
import type { ImportPreview } from "@/lib/http/contracts";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { badRequest } from "@/lib/http/responses";
import { ImportTimeout, prepareImportOffThread } from "@/lib/authoring/import-runner";
import type { CheckedImport } from "@/lib/interchange/import-job";
import { importSchema } from "@/lib/schemas/authoring";

/**
 * POST /api/author/decks/:deckId/import {format, text, defaultTerms, commit, onlyValid}. Without commit:
 * the preview (what would be imported, every problem with its line). With commit: the questions are saved
 * as drafts in one transaction, and only if no problem remains or the author chose to skip the invalid
 * ones; otherwise 400 and nothing is saved.
 */
export async function POST(request: Request, context: RouteContext<"/api/author/decks/[deckId]/import">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const { deckId } = await context.params;
  const access = await checkDeckAccess(db, caller.actor, deckId);
  if (!access.ok) return outcomeResponse(access);
  const body = await parseJsonBody(request, importSchema, BODY_LIMITS.import);
  if (!body.ok) return body.response;
  const { format, text, defaultTerms, commit, onlyValid } = body.data;
  const glossary = authoringGlossary();
  const unknown = defaultTerms.find((slug) => !glossary.slugs.has(slug));
  if (unknown) return badRequest("defaultTerms", `no glossary term "${unknown}" exists`);

  let checked: CheckedImport;
  try {
    checked = await prepareImportOffThread({ format, text, glossary, defaultTerms });
  } catch (error) {
    if (!(error instanceof ImportTimeout)) throw error;
    return NextResponse.json({ error: `${error.message}: split it into smaller files`, field: "text" }, { status: 422 });
  }
  const { prepared, summaries } = checked;
  const summary: ImportPreview = {
    read: prepared.read,
    problems: prepared.problems,
    questions: prepared.questions.map((question, index) => ({
      line: question.line,
      type: question.type,
      difficulty: question.difficulty,
      terms: question.terms,
      summary: summaries[index]!,
    })),
  };
  if (!commit) return NextResponse.json(summary);
  if (prepared.problems.length > 0 && !onlyValid) {
    const count = prepared.problems.length;
    return NextResponse.json(
      { error: `${count} problem${count === 1 ? "" : "s"} in the file: fix ${count === 1 ? "it" : "them"}, or import only the valid questions`, field: "text", ...summary },
      { status: 400 },
    );
  }
  if (prepared.questions.length === 0) return badRequest("text", "no valid question to import");
  // The worker checked with provisional ids; saved questions get real ones.
  const questions = prepared.questions.map(({ line: _, ...question }) => ({ ...question, id: newQuestionId() }));
  return outcomeResponse(await commitImport(db, caller.actor, deckId, questions), 201);
}
