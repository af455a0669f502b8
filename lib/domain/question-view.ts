import { calculatedAnswer, fillPlaceholders, formatQuantity, type Drawn } from "./calculated";
import { arrange, displayOrder, toShownIndices } from "./choice-order";
import type { AnswerResponse, SelfGrade } from "./grading";
import type { Question, Tolerance } from "./question";

/**
 * What the browser gets of a question, in two parts: the view before answering (no answer in it, except
 * for open questions, whose model answer the candidate reads before grading themself) and the key after.
 * Pure: the Markdown renderer is passed in.
 */

export type QuestionView = {
  id: string;
  revision: number;
  type: Question["type"];
  difficulty: 1 | 2 | 3;
  promptHtml: string;
  /** Choice texts as inline HTML (single, multiple), in the order shown. */
  choices?: string[];
  unit?: string;
  /**
   * The seed of this presentation, which the response sends back: the numbers a calculated question
   * drew, the order a choice question shows its choices in (lib/domain/choice-order.ts).
   */
  seed?: number;
  /** Open questions only: shown after the candidate has written their answer. */
  modelAnswerHtml?: string;
  rubricHtml?: string[];
};

export type TermRef = { slug: string; name: string };

export type AnswerKey = {
  explanationHtml: string;
  terms: TermRef[];
  /** Indices of the correct choices (single, multiple), in the order the view showed them. */
  correctChoices?: number[];
  /** Per-choice feedback as inline HTML in the order shown, null where the author wrote none. */
  choiceFeedback?: (string | null)[];
  /** The right answer in words: "True", "0.6 (±1%)", "perplexity". */
  answerText?: string;
};

export type Renderer = {
  block: (markdown: string) => string;
  inline: (markdown: string) => string;
  termName: (slug: string) => string;
};

/** `seed` picks the numbers of a calculated question; choices come in authored order (see `inShownOrder`). */
export function toQuestionView(question: Question, revision: number, render: Renderer, seed = 0): QuestionView {
  const prompt =
    question.type === "calculated"
      ? fillPlaceholders(question.prompt, calculatedAnswer(question.formula, question.params, seed).variables)
      : question.prompt;
  const base = {
    id: question.id,
    revision,
    type: question.type,
    difficulty: question.difficulty,
    promptHtml: render.block(prompt),
  };
  switch (question.type) {
    case "calculated":
      return { ...base, seed, ...(question.unit ? { unit: question.unit } : {}) };
    case "single":
    case "multiple":
      return { ...base, choices: question.choices.map((choice) => render.inline(choice.text)) };
    case "numeric":
      return { ...base, ...(question.unit ? { unit: question.unit } : {}) };
    case "open":
      return {
        ...base,
        modelAnswerHtml: render.block(question.modelAnswer),
        rubricHtml: question.rubric.map((point) => render.inline(point)),
      };
    default:
      return base;
  }
}

/**
 * A view and its key with the choices in the order `seed` shows them, for choice questions that shuffle
 * (others are returned as they are). Rendering happens once per revision, in authored order; only the
 * arrangement is per presentation.
 */
export function viewInShownOrder(view: QuestionView, question: Question, seed: number): QuestionView {
  const order = displayOrder(question, seed);
  return order && view.choices ? { ...view, seed, choices: arrange(view.choices, order) } : view;
}

export function keyInShownOrder(key: AnswerKey, question: Question, seed: number | undefined): AnswerKey {
  const order = displayOrder(question, seed);
  if (!order || !key.correctChoices) return key;
  const shown: AnswerKey = { ...key, correctChoices: toShownIndices(key.correctChoices, order) };
  if (key.choiceFeedback) shown.choiceFeedback = arrange(key.choiceFeedback, order);
  return shown;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en") : String(Number(value.toPrecision(6)));
}

function numberWithTolerance(answer: string, unit: string | undefined, { kind, value }: Tolerance): string {
  const tolerance = kind === "relative" ? `${formatNumber(value * 100)}%` : formatNumber(value);
  return `${answer}${unit ? ` ${unit}` : ""} (±${tolerance})`;
}

export function answerText(question: Question, drawn?: Drawn): string | undefined {
  switch (question.type) {
    case "true-false":
      return question.answer ? "True" : "False";
    case "numeric":
      return numberWithTolerance(formatNumber(question.answer), question.unit, question.tolerance);
    case "calculated":
      return drawn ? numberWithTolerance(formatQuantity(drawn.answer), question.unit, question.tolerance) : undefined;
    case "short":
      return question.accept.join(" / ");
    default:
      return undefined;
  }
}

/** `drawn` fills in the numbers of a calculated question's explanation and answer. */
export function toAnswerKey(question: Question, render: Renderer, drawn?: Drawn): AnswerKey {
  const explanation =
    question.type === "calculated" && drawn
      ? fillPlaceholders(question.explanation, drawn.variables, drawn.answer)
      : question.explanation;
  const key: AnswerKey = {
    explanationHtml: render.block(explanation),
    terms: question.terms.map((slug) => ({ slug, name: render.termName(slug) })),
  };
  if (question.type === "single" || question.type === "multiple") {
    key.correctChoices = question.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
    if (question.choices.some((choice) => choice.feedback)) {
      key.choiceFeedback = question.choices.map((choice) => (choice.feedback ? render.inline(choice.feedback) : null));
    }
  }
  const text = answerText(question, drawn);
  if (text !== undefined) key.answerText = text;
  return key;
}

/** What a graded answer sends back: the verdict, the key, and (signed in) when FSRS brings it back. */
export type AnswerOutcome = {
  attemptId: string;
  correct: boolean;
  selfGrade?: SelfGrade;
  key: AnswerKey;
  /** ISO time of the next review; absent for guests, whose answers schedule nothing. */
  due?: string;
  replayed?: boolean;
};

/** A guest's answer as the browser keeps it until they sign in (lib/domain/guest-merge.ts). */
export type StoredGuestAttempt = {
  attemptId: string;
  questionId: string;
  revision: number;
  response: AnswerResponse;
  elapsedMs: number;
  answeredAt: string;
  correct: boolean;
};

/** One question of a practice, review or mock session, with where it comes from. */
export type SessionItem = { view: QuestionView; deckId: string; deckTitle: string; topic: string; topicName: string };
