import "server-only";
import { randomInt } from "node:crypto";
import { onCacheStale } from "@/lib/data/cache-versions";
import { calculatedAnswer, MAX_SEED, type Drawn } from "@/lib/domain/calculated";
import { findTerm } from "@/lib/content/glossary-store";
import { renderMarkdown } from "@/lib/content/markdown-render";
import { markdownSizeProblem } from "@/lib/content/markdown-budget";
import {
  keyInShownOrder,
  toAnswerKey,
  toQuestionView,
  viewInShownOrder,
  type AnswerKey,
  type QuestionView,
  type Renderer,
} from "@/lib/domain/question-view";
import type { Question } from "@/lib/domain/question";

const termName = (slug: string) => findTerm(slug)?.term ?? slug;

/**
 * Markdown past the parser's budget is shown as plain text: only a draft in the preview can hold such
 * text (the checker refuses it), and parsing it would hold up the server.
 */
function renderBlock(markdown: string): string {
  if (!markdownSizeProblem(markdown)) return renderMarkdown(markdown, termName);
  return `<p>${markdown.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</p>`;
}

/** A one-paragraph rendering without its <p>, for choices and feedback that sit inside other markup. */
function renderInline(markdown: string): string {
  const html = renderBlock(markdown).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes("<p>") ? single[1]! : html;
}

const renderer: Renderer = { block: renderBlock, inline: renderInline, termName };

/**
 * Rendered views and keys per question revision. A revision never changes once written, so what is
 * rendered once (a few milliseconds of Markdown and KaTeX) is kept for the life of the process, or until
 * a question is deleted (its id may return with other content), here or on another server: the revisions
 * are read through lib/data/questions.ts, which checks the "questions" counter first.
 */
const cache = new Map<string, { view: QuestionView; key: AnswerKey }>();
onCacheStale("questions", () => cache.clear());

export function presentQuestion(question: Question, revision: number): { view: QuestionView; key: AnswerKey } {
  if (question.type === "calculated")
    throw new Error("a calculated question is presented per draw: use presentView and presentKey");
  const cacheKey = `${question.id}@${revision}`;
  let presented = cache.get(cacheKey);
  if (!presented) {
    presented = { view: toQuestionView(question, revision, renderer), key: toAnswerKey(question, renderer) };
    cache.set(cacheKey, presented);
  }
  return presented;
}

export const drawSeed = () => randomInt(0, MAX_SEED + 1);

/**
 * The view of a question as one candidate sees it, at each presentation: a calculated question draws
 * fresh numbers, a choice question a fresh order. `seed` repeats an earlier presentation (a reload).
 */
export function presentView(question: Question, revision: number, seed = drawSeed()): QuestionView {
  if (question.type === "calculated") return toQuestionView(question, revision, renderer, seed);
  return viewInShownOrder(presentQuestion(question, revision).view, question, seed);
}

/** What an answer was graded with: the numbers of a calculated attempt, the seed that ordered the choices. */
export type Presentation = { drawn?: Drawn; seed?: number };

/** The answer key after grading, in the order the candidate saw the choices. */
export function presentKey(question: Question, revision: number, { drawn, seed }: Presentation): AnswerKey {
  if (question.type === "calculated") return toAnswerKey(question, renderer, drawn);
  return keyInShownOrder(presentQuestion(question, revision).key, question, seed);
}

/**
 * The author's live preview: the same rendering as a candidate's view and answer key, never cached (a
 * draft changes with every keystroke). A calculated question shows one fresh draw and its answer; a
 * choice question a fresh order, or the authored one when the author asks for it.
 */
export function previewQuestion(
  question: Question,
  { authoredOrder = false } = {},
): { view: QuestionView; key: AnswerKey } {
  const seed = drawSeed();
  const drawn = question.type === "calculated" ? calculatedAnswer(question.formula, question.params, seed) : undefined;
  const view = toQuestionView(question, 0, renderer, seed);
  const key = toAnswerKey(question, renderer, drawn);
  if (authoredOrder) return { view, key };
  return { view: viewInShownOrder(view, question, seed), key: keyInShownOrder(key, question, seed) };
}
