import type { QuestionInput } from "@/lib/schemas/authoring";
import type { QuestionType } from "@/lib/schemas/deck";

/** A relative tolerance of 1%: what a new numeric or calculated question starts with. */
const ONE_PERCENT = { kind: "relative" as const, value: 0.01 };

/** A new calculated question's first parameter, and each one the author adds: 1, 2, …, 10. */
export const NEW_PARAM = { min: 1, max: 10, step: 1 };

/** What every type of question has. */
type Common = Pick<QuestionInput, "difficulty" | "terms" | "tags" | "prompt" | "explanation">;

/**
 * A question of `type` keeping what every type shares (prompt, explanation, terms, tags, difficulty) and
 * with the type's own parts blank, so switching type never loses the writing. Only the common fields are
 * taken from `from`, whatever else it carries.
 */
export function withType(from: Common, type: QuestionType): QuestionInput {
  const { difficulty, terms, tags, prompt, explanation } = from;
  const common = { difficulty, terms, tags, prompt, explanation };
  switch (type) {
    case "single":
    case "multiple":
      return {
        ...common,
        type,
        choices: [
          { text: "", correct: true },
          { text: "", correct: false },
        ],
      };
    case "true-false":
      return { ...common, type, answer: true };
    case "numeric":
      return { ...common, type, answer: 0, tolerance: ONE_PERCENT };
    case "calculated":
      return { ...common, type, params: { x: NEW_PARAM }, formula: "x", tolerance: ONE_PERCENT };
    case "short":
      return { ...common, type, accept: [] };
    case "open":
      return { ...common, type, modelAnswer: "", rubric: [] };
  }
}

/** The editor's start for a new question: single choice, medium difficulty, nothing written yet. */
export const NEW_QUESTION: QuestionInput = withType(
  { difficulty: 2, terms: [], tags: [], prompt: "", explanation: "" },
  "single",
);
