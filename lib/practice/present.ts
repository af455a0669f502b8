import "server-only";
import { findTerm } from "@/lib/content/glossary-store";
import { renderMarkdown } from "@/lib/content/markdown";
import { toAnswerKey, toQuestionView, type AnswerKey, type QuestionView, type Renderer } from "@/lib/domain/question-view";
import type { Question } from "@/lib/domain/question";

const termName = (slug: string) => findTerm(slug)?.term ?? slug;

/** A one-paragraph rendering without its <p>, for choices and feedback that sit inside other markup. */
function renderInline(markdown: string): string {
  const html = renderMarkdown(markdown, termName).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes("<p>") ? single[1]! : html;
}

const renderer: Renderer = { block: (markdown) => renderMarkdown(markdown, termName), inline: renderInline, termName };

/**
 * Rendered views and keys per question revision. A revision never changes once written, so what is
 * rendered once (a few milliseconds of Markdown and KaTeX) is kept for the life of the process.
 */
const cache = new Map<string, { view: QuestionView; key: AnswerKey }>();

export function presentQuestion(question: Question, revision: number): { view: QuestionView; key: AnswerKey } {
  const cacheKey = `${question.id}@${revision}`;
  let presented = cache.get(cacheKey);
  if (!presented) {
    presented = { view: toQuestionView(question, revision, renderer), key: toAnswerKey(question, renderer) };
    cache.set(cacheKey, presented);
  }
  return presented;
}
