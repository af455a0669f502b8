import type { Choice } from "./question";

/**
 * Cues that give a choice question's answer away without knowledge: the correct option is the longest
 * one, the correct options of a multiple-select question are exactly its longest ones, or most
 * multiple-select questions have the same number of correct options. Pure: content:check turns the
 * figures into gates over the shipped decks, the question editor into advice for one question.
 */

type ChoiceQuestion = { type: "single" | "multiple"; choices: readonly Choice[] };

/** What a reader sees of an option's length: the trimmed Markdown source (math and links count as written). */
const length = (choice: Choice) => choice.text.trim().length;

/** Single choice: the correct option is longer than every other one. */
export function correctIsStrictlyLongest(choices: readonly Choice[]): boolean {
  const correct = choices.filter((choice) => choice.correct);
  if (correct.length !== 1 || choices.length < 2) return false;
  const others = choices.filter((choice) => !choice.correct);
  return others.every((other) => length(other) < length(correct[0]!));
}

/** Multiple select: every correct option is longer than every wrong one, so "pick the k longest" wins. */
export function correctAreExactlyLongest(choices: readonly Choice[]): boolean {
  const correct = choices.filter((choice) => choice.correct).map(length);
  const wrong = choices.filter((choice) => !choice.correct).map(length);
  if (correct.length === 0 || wrong.length === 0) return false;
  return Math.min(...correct) > Math.max(...wrong);
}

/** How much longer the correct option is than the longest other one (single) or the wrong ones (multiple). */
export function lengthRatio(question: ChoiceQuestion): number {
  const correct = question.choices.filter((choice) => choice.correct).map(length);
  const wrong = question.choices.filter((choice) => !choice.correct).map(length);
  if (correct.length === 0 || wrong.length === 0) return 1;
  return Math.min(...correct) / Math.max(1, Math.max(...wrong));
}

/** Options whose meaning depends on the others being in place, which shuffling breaks. */
const POSITIONAL_OPTION = /\b(all|none|both|neither) of (the )?(above|these|the above)\b/i;

export function hasPositionalOption(choices: readonly Choice[]): boolean {
  // Options are short (the deck format keeps one per line), and the pattern has no nested quantifiers.
  return choices.some((choice) => POSITIONAL_OPTION.test(choice.text));
}

export type CueFigures = {
  single: number;
  /** Single-choice questions whose correct option is the strictly longest. */
  singleLongest: number;
  multiple: number;
  /** Multiple-select questions whose correct options are exactly the longest. */
  multipleLongest: number;
  /** Multiple-select questions per number of correct options. */
  correctCounts: Map<number, number>;
};

export function cueFigures(questions: readonly { type: string; choices?: readonly Choice[] }[]): CueFigures {
  const figures: CueFigures = {
    single: 0,
    singleLongest: 0,
    multiple: 0,
    multipleLongest: 0,
    correctCounts: new Map(),
  };
  for (const question of questions) {
    if (!question.choices) continue;
    if (question.type === "single") {
      figures.single++;
      if (correctIsStrictlyLongest(question.choices)) figures.singleLongest++;
    } else if (question.type === "multiple") {
      figures.multiple++;
      if (correctAreExactlyLongest(question.choices)) figures.multipleLongest++;
      const count = question.choices.filter((choice) => choice.correct).length;
      figures.correctCounts.set(count, (figures.correctCounts.get(count) ?? 0) + 1);
    }
  }
  return figures;
}

/** The share of the most common number of correct options (0 when there are no multiple-select questions). */
export function commonestCountShare(figures: CueFigures): { count: number; share: number } {
  let best = { count: 0, share: 0 };
  for (const [count, questions] of figures.correctCounts) {
    const share = questions / figures.multiple;
    if (share > best.share) best = { count, share };
  }
  return best;
}

/** The gates content:check holds the shipped content to (issue 10); a deck is judged on its own too. */
export const CUE_LIMITS = {
  singleLongest: 0.35,
  singleLongestPerDeck: 0.5,
  multipleLongest: 0.35,
  commonestCount: 0.5,
} as const;

export const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Advice for one question in the editor: each line a cue a guesser could use. Never a block. */
export function cueAdvice(question: ChoiceQuestion, shuffle: boolean): string[] {
  const advice: string[] = [];
  const ratio = lengthRatio(question);
  if (question.type === "single" && correctIsStrictlyLongest(question.choices)) {
    advice.push(
      ratio >= 1.3
        ? "The correct option is much longer than the others: move detail into the explanation."
        : "The correct option is the longest: a guesser who picks the longest wins.",
    );
  }
  if (question.type === "multiple" && correctAreExactlyLongest(question.choices)) {
    advice.push("The correct options are exactly the longest ones: make the wrong ones as specific.");
  }
  if (shuffle && hasPositionalOption(question.choices)) {
    advice.push(
      '"All/none of the above" depends on the order, but choices are shuffled: rewrite it, or turn shuffling off.',
    );
  }
  return advice;
}
