import { calculatedAnswer, MAX_SEED, type Drawn } from "./calculated";
import { FormulaError } from "./formula";
import type { Question } from "./question";

/** Self-grades of open questions, in FSRS's order (Again < Hard < Good < Easy). */
export const SELF_GRADES = ["again", "hard", "good", "easy"] as const;
export type SelfGrade = (typeof SELF_GRADES)[number];

/** An open answer is an essay; a short answer is a word or a phrase (the answer schema and the fields hold to these). */
export const MAX_OPEN_ANSWER = 10_000;
export const MAX_SHORT_ANSWER = 500;

export type AnswerResponse =
  /**
   * Choice indices are authored positions once the server has mapped them back (lib/domain/choice-order.ts);
   * `seed` names the order the choices were shown in, and the client sends shown positions with it.
   */
  | { type: "single"; choice: number; seed?: number }
  | { type: "multiple"; choices: number[]; seed?: number }
  | { type: "true-false"; value: boolean }
  | { type: "numeric"; value: number }
  /** `seed` is the one the question view was drawn with: it names the numbers the candidate saw. */
  | { type: "calculated"; value: number; seed: number }
  | { type: "short"; text: string }
  | { type: "open"; text: string; selfGrade: SelfGrade };

export type GradeResult = {
  /** Right or wrong; for open questions, whether the self-grade was better than Again. */
  correct: boolean;
  selfGrade?: SelfGrade;
  /** Feedback attached to the choices the candidate picked. */
  feedback: string[];
  /** Calculated questions: the numbers drawn for this attempt and the answer they give. */
  drawn?: Drawn;
};

export class ResponseMismatchError extends Error {}

/** Numbers a floating-point computation might land on either side of a tolerance edge. */
const EPSILON = 1e-9;

/** What a short answer may start or end with and still be the same answer (spaces are collapsed first). */
const EDGE_PUNCTUATION = new Set(" .,;:!?\"'`()");

/**
 * Lower-cases, folds accents, collapses spaces and trims punctuation at both ends. The ends are trimmed
 * by two pointers: a regex such as `[.…]+$` retries from every dot of a long run and takes quadratic time.
 */
export function normalizeShortAnswer(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ");
  let start = 0;
  let end = folded.length;
  while (start < end && EDGE_PUNCTUATION.has(folded[start]!)) start++;
  while (end > start && EDGE_PUNCTUATION.has(folded[end - 1]!)) end--;
  return folded.slice(start, end);
}

export function isWithinTolerance(
  value: number,
  answer: number,
  tolerance: { kind: "absolute" | "relative"; value: number },
): boolean {
  const allowed = tolerance.kind === "absolute" ? tolerance.value : tolerance.value * Math.abs(answer);
  return Math.abs(value - answer) <= allowed + EPSILON * Math.max(1, Math.abs(answer));
}

/**
 * Grades a response against a question. Pure: the caller has already validated the response's shape
 * (zod); a response of another type than the question, or a choice index out of range, throws
 * ResponseMismatchError so the caller can answer 400 and write nothing.
 */
export function grade(question: Question, response: AnswerResponse): GradeResult {
  if (response.type !== question.type) {
    throw new ResponseMismatchError(
      `response is for a ${response.type} question, but ${question.id} is ${question.type}`,
    );
  }
  switch (question.type) {
    case "single":
    case "multiple": {
      const picked = response.type === "single" ? [response.choice] : (response as { choices: number[] }).choices;
      const unique = [...new Set(picked)];
      if (unique.some((index) => !Number.isInteger(index) || index < 0 || index >= question.choices.length)) {
        throw new ResponseMismatchError(`choice out of range: ${question.id} has ${question.choices.length} choices`);
      }
      const correctSet = question.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
      const correct = unique.length === correctSet.length && correctSet.every((index) => unique.includes(index));
      const feedback = unique.sort((a, b) => a - b).flatMap((index) => question.choices[index]!.feedback ?? []);
      return { correct, feedback };
    }
    case "true-false":
      return { correct: (response as { value: boolean }).value === question.answer, feedback: [] };
    case "numeric": {
      const value = (response as { value: number }).value;
      return {
        correct: Number.isFinite(value) && isWithinTolerance(value, question.answer, question.tolerance),
        feedback: [],
      };
    }
    case "calculated": {
      const { value, seed } = response as { value: number; seed: number };
      if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
        throw new ResponseMismatchError(`seed must be an integer from 0 to ${MAX_SEED}`);
      let drawn: Drawn;
      try {
        drawn = calculatedAnswer(question.formula, question.params, seed);
      } catch (error) {
        // content:check evaluates every formula over its ranges, so this is a question that slipped past it.
        if (error instanceof FormulaError) throw new Error(`${question.id}: ${error.message}`);
        throw error;
      }
      return {
        correct: Number.isFinite(value) && isWithinTolerance(value, drawn.answer, question.tolerance),
        feedback: [],
        drawn,
      };
    }
    case "short": {
      const given = normalizeShortAnswer((response as { text: string }).text);
      return {
        correct: given !== "" && question.accept.some((answer) => normalizeShortAnswer(answer) === given),
        feedback: [],
      };
    }
    case "open": {
      const { selfGrade } = response as { selfGrade: SelfGrade };
      return { correct: selfGrade !== "again", selfGrade, feedback: [] };
    }
  }
}
