import "server-only";
import { describeProblem } from "@/lib/content/content-problem";
import { allTerms } from "@/lib/content/glossary-store";
import { checkQuestions } from "@/lib/content/question-check";
import type { Question } from "@/lib/domain/question";
import type { ImportGlossary } from "@/lib/interchange/prepare-import";
import { fail, ok, type FieldProblem, type Invalid, type Outcome } from "@/lib/outcome";
import type { QuestionInput } from "@/lib/schemas/authoring";

let glossary: ImportGlossary | undefined;

/** The glossary as the checker and the importer need it, built once per process from the content build. */
export function authoringGlossary(): ImportGlossary {
  glossary ??= {
    slugs: new Set(allTerms().map((entry) => entry.slug)),
    terms: allTerms().map(({ slug, term, aliases }) => ({ slug, term, aliases })),
  };
  return glossary;
}

/**
 * Checks an edited question with the content checker: the question as stored, or `invalid` naming the
 * first problem's field under `question.` with every problem listed by its own field.
 */
export function checkAuthoredQuestion(
  input: QuestionInput,
  id: string,
): Outcome<Question, Invalid & { problems: FieldProblem[] }> {
  const { valid, problems } = checkQuestions([{ ...input, id } as Question], authoringGlossary().slugs);
  if (problems.length === 0) return ok(valid[0]!);
  const listed = problems.map(({ field, message }) => ({ field, message }));
  // The first problem as a line that names its field; a problem of the question as a whole has no field.
  return fail({
    code: "invalid",
    message: describeProblem(listed[0]!),
    field: ["question", listed[0]!.field].filter(Boolean).join("."),
    problems: listed,
  });
}
