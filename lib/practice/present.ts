import "server-only";
import { randomInt } from "node:crypto";
import { calculatedAnswer, MAX_SEED, type Drawn } from "@/lib/domain/calculated";
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
  if (question.type === "calculated") throw new Error("a calculated question is presented per draw: use presentView and presentKey");
  const cacheKey = `${question.id}@${revision}`;
  let presented = cache.get(cacheKey);
  if (!presented) {
    presented = { view: toQuestionView(question, revision, renderer), key: toAnswerKey(question, renderer) };
    cache.set(cacheKey, presented);
  }
  return presented;
}

/** The view of a question as one candidate sees it: a calculated question draws fresh numbers each time. */
export function presentView(question: Question, revision: number): QuestionView {
  if (question.type !== "calculated") return presentQuestion(question, revision).view;
  return toQuestionView(question, revision, renderer, randomInt(0, MAX_SEED + 1));
}

/** The answer key after grading; `drawn` carries the numbers of a calculated attempt. */
export function presentKey(question: Question, revision: number, drawn?: Drawn): AnswerKey {
  if (question.type !== "calculated") return presentQuestion(question, revision).key;
  return toAnswerKey(question, renderer, drawn);
}

/**
 * The author's live preview: the same rendering as a candidate's view and answer key, never cached (a
 * draft changes with every keystroke). A calculated question shows one fresh draw and its answer.
 */
export function previewQuestion(question: Question): { view: QuestionView; key: AnswerKey } {
  const seed = randomInt(0, MAX_SEED + 1);
  const drawn = question.type === "calculated" ? calculatedAnswer(question.formula, question.params, seed) : undefined;
  return { view: toQuestionView(question, 0, renderer, seed), key: toAnswerKey(question, renderer, drawn) };
}
