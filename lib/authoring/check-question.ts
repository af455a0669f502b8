import "server-only";
import { describeProblem } from "@/lib/content/content-problem";
import { allTerms } from "@/lib/content/glossary-store";
import { checkDrafts, checkQuestions } from "@/lib/content/question-check";
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

type Checked = Outcome<Question, Invalid & { problems: FieldProblem[] }>;

/** `invalid` naming the first problem's field under `question.`, with every problem listed by its own field. */
function refused(problems: readonly FieldProblem[]): Checked {
  const listed = problems.map(({ field, message }) => ({ field, message }));
  // The first problem as a line that names its field; a problem of the question as a whole has no field.
  return fail({
    code: "invalid",
    message: describeProblem(listed[0]!),
    field: ["question", listed[0]!.field].filter(Boolean).join("."),
    problems: listed,
  });
}

/**
 * Checks an edited question with the content checker, as it must be to be published: the question as
 * stored, or `invalid` with every problem (the editor's preview lists a missing explanation this way).
 */
export function checkAuthoredQuestion(input: QuestionInput, id: string): Checked {
  const { valid, problems } = checkQuestions([{ ...input, id } as Question], authoringGlossary().slugs);
  return problems.length === 0 ? ok(valid[0]!) : refused(problems);
}

/**
 * Checks a question being saved as a draft: as checkAuthoredQuestion, except that its explanation or
 * rubric may still be missing (lib/domain/teaching-parts.ts); publishing it waits for them.
 */
export function checkDraftQuestion(input: QuestionInput, id: string): Checked {
  const { ready, needsWork, problems } = checkDrafts([{ ...input, id } as Question], authoringGlossary().slugs);
  if (problems.length > 0) return refused(problems);
  return ok(ready[0] ?? needsWork[0]!.question);
}
