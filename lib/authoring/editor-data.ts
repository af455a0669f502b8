import "server-only";
import { allTerms, findTerm } from "@/lib/content/glossary-store";
import { markdownSummary, PROMPT_SUMMARY_CHARS } from "@/lib/content/markdown-text";
import type { Question } from "@/lib/domain/question";
import type { QuestionInput } from "@/lib/schemas/authoring";
import type { TermOption } from "@/components/author/term-picker";

/** Glossary terms for the editors' autocomplete. */
export function termOptions(): TermOption[] {
  return allTerms().map(({ slug, term }) => ({ slug, term }));
}

/** The first sentence of a prompt as plain text, for lists. */
export function promptSummary(prompt: string): string {
  return markdownSummary(prompt, (slug) => findTerm(slug)?.term, PROMPT_SUMMARY_CHARS);
}

/** A stored question as the editor holds it: the same object without its id. */
export function toEditorInput(question: Question): QuestionInput {
  const { id: _id, ...input } = question;
  return input as QuestionInput;
}
