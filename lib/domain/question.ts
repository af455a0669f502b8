import type { ParamRange } from "./calculated";

/** A practice question as the domain sees it: parsed from a deck, independent of storage and UI. */

export type Choice = { text: string; correct: boolean; feedback?: string };
export type Tolerance = { kind: "absolute" | "relative"; value: number };

type QuestionBase = {
  id: string;
  difficulty: 1 | 2 | 3;
  terms: string[];
  tags: string[];
  /** Markdown (with math) of the prompt and of the explanation shown after answering. */
  prompt: string;
  explanation: string;
};

export type Question = QuestionBase &
  /** `shuffle: false` keeps the authored order on screen (ordered ranges); absent means shuffled. */
  (
    | { type: "single" | "multiple"; choices: Choice[]; shuffle?: false }
    | { type: "true-false"; answer: boolean }
    | { type: "numeric"; answer: number; tolerance: Tolerance; unit?: string }
    /** New numbers per attempt: `{name}` in the prompt and explanation shows a drawn value (lib/domain/calculated.ts). */
    | { type: "calculated"; params: Record<string, ParamRange>; formula: string; tolerance: Tolerance; unit?: string }
    | { type: "short"; accept: string[] }
    | { type: "open"; modelAnswer: string; rubric: string[] }
  );

/** `"2%"` -> relative 0.02; `0.05` -> absolute 0.05. */
export function parseTolerance(tolerance: number | string): Tolerance {
  return typeof tolerance === "number"
    ? { kind: "absolute", value: tolerance }
    : { kind: "relative", value: Number(tolerance.slice(0, -1)) / 100 };
}

/** Longer than any shortest decimal of a double: past it, no percentage reads back as the value. */
const MAX_DIGITS = 17;

/**
 * A tolerance as the deck format writes it, the inverse of parseTolerance: an absolute one as its number,
 * a relative one as the shortest percentage that parseTolerance reads back as exactly the same number
 * (0.07 is "7%", where 0.07 * 100 is 7.000000000000001 and a fixed 12 digits would cut a 13-digit
 * tolerance short). The percentage is written without an exponent ("0.0000001%", not "1e-7%"), which
 * the format does not read.
 */
export function toleranceValue(tolerance: Tolerance): number | string {
  if (tolerance.kind === "absolute") return tolerance.value;
  const percent = tolerance.value * 100;
  let digits = 1;
  while (digits < MAX_DIGITS && Number(percent.toPrecision(digits)) / 100 !== tolerance.value) digits++;
  // Already rounded to `digits`, so formatting it rounds nothing again.
  const rounded = Number(percent.toPrecision(digits));
  return `${new Intl.NumberFormat("en", { useGrouping: false, maximumSignificantDigits: digits }).format(rounded)}%`;
}
