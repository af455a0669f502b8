import "server-only";
import { allTerms, findTerm } from "@/lib/content/glossary-store";
import { markdownSummary, PROMPT_SUMMARY_CHARS } from "@/lib/content/markdown-text";
import type { Question } from "@/lib/domain/question";
import type { TermRef } from "@/lib/domain/question-view";
import type { QuestionInput } from "@/lib/schemas/authoring";

/** Glossary terms for the editors' autocomplete. */
export function termOptions(): TermRef[] {
  return allTerms().map(({ slug, term }) => ({ slug, name: term }));
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
