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
  (
    /** `shuffle: false` keeps the authored order on screen (ordered ranges); absent means shuffled. */
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
