import type { AnswerResponse, SelfGrade } from "./grading";
import type { Question } from "./question";

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
  /** Choice texts as inline HTML (single, multiple). */
  choices?: string[];
  unit?: string;
  /** Open questions only: shown after the candidate has written their answer. */
  modelAnswerHtml?: string;
  rubricHtml?: string[];
};

export type TermRef = { slug: string; name: string };

export type AnswerKey = {
  explanationHtml: string;
  terms: TermRef[];
  /** Indices of the correct choices (single, multiple). */
  correctChoices?: number[];
  /** Per-choice feedback as inline HTML, null where the author wrote none. */
  choiceFeedback?: (string | null)[];
  /** The right answer in words: "True", "0.6 (±1%)", "perplexity". */
  answerText?: string;
};

export type Renderer = { block: (markdown: string) => string; inline: (markdown: string) => string; termName: (slug: string) => string };

export function toQuestionView(question: Question, revision: number, render: Renderer): QuestionView {
  const base = { id: question.id, revision, type: question.type, difficulty: question.difficulty, promptHtml: render.block(question.prompt) };
  switch (question.type) {
    case "single":
    case "multiple":
      return { ...base, choices: question.choices.map((choice) => render.inline(choice.text)) };
    case "numeric":
      return { ...base, ...(question.unit ? { unit: question.unit } : {}) };
    case "open":
      return { ...base, modelAnswerHtml: render.block(question.modelAnswer), rubricHtml: question.rubric.map((point) => render.inline(point)) };
    default:
      return base;
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en") : String(Number(value.toPrecision(6)));
}

export function answerText(question: Question): string | undefined {
  switch (question.type) {
    case "true-false":
      return question.answer ? "True" : "False";
    case "numeric": {
      const { kind, value } = question.tolerance;
      const tolerance = kind === "relative" ? `${formatNumber(value * 100)}%` : formatNumber(value);
      return `${formatNumber(question.answer)}${question.unit ? ` ${question.unit}` : ""} (±${tolerance})`;
    }
    case "short":
      return question.accept.join(" / ");
    default:
      return undefined;
  }
}

export function toAnswerKey(question: Question, render: Renderer): AnswerKey {
  const key: AnswerKey = {
    explanationHtml: render.block(question.explanation),
    terms: question.terms.map((slug) => ({ slug, name: render.termName(slug) })),
  };
  if (question.type === "single" || question.type === "multiple") {
    key.correctChoices = question.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
    if (question.choices.some((choice) => choice.feedback)) {
      key.choiceFeedback = question.choices.map((choice) => (choice.feedback ? render.inline(choice.feedback) : null));
    }
  }
  const text = answerText(question);
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
