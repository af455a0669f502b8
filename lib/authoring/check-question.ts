import "server-only";
import { allTerms } from "@/lib/content/glossary-store";
import { checkQuestions } from "@/lib/content/question-check";
import type { Question } from "@/lib/domain/question";
import type { FieldProblem } from "@/lib/http/contracts";
import type { ImportGlossary } from "@/lib/interchange/prepare-import";
import type { QuestionInput } from "@/lib/schemas/authoring";

let glossary: ImportGlossary | undefined;

/** The glossary as the checker and the importer need it, built once per process from the content build. */
export function authoringGlossary(): ImportGlossary {
  glossary ??= { slugs: new Set(allTerms().map((entry) => entry.slug)), terms: allTerms().map(({ slug, term, aliases }) => ({ slug, term, aliases })) };
  return glossary;
}

/** Checks an edited question with the content checker: the question as stored, or its problems by field. */
export function checkAuthoredQuestion(input: QuestionInput, id: string): { ok: true; question: Question } | { ok: false; problems: FieldProblem[] } {
  const { valid, problems } = checkQuestions([{ ...input, id } as Question], authoringGlossary().slugs);
  if (problems.length > 0) return { ok: false, problems: problems.map(({ field, message }) => ({ field, message })) };
  return { ok: true, question: valid[0]! };
}
