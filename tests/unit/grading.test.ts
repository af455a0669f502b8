import { describe, expect, it } from "vitest";
import { grade, normalizeShortAnswer, ResponseMismatchError } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";

const base = { difficulty: 2 as const, terms: ["precision"], tags: [], prompt: "?", explanation: "!" };
const single: Question = {
  ...base,
  id: "q-single",
  type: "single",
  choices: [
    { text: "A", correct: false, feedback: "A is tempting." },
    { text: "B", correct: true },
  ],
};
const multiple: Question = {
  ...base,
  id: "q-multiple",
  type: "multiple",
  choices: [
    { text: "A", correct: true },
    { text: "B", correct: true },
    { text: "C", correct: false, feedback: "C is out." },
  ],
};

describe("grade", () => {
  it("single choice: right, wrong with the picked choice's feedback, out of range rejected", () => {
    expect(grade(single, { type: "single", choice: 1 })).toEqual({ correct: true, feedback: [] });
    expect(grade(single, { type: "single", choice: 0 })).toEqual({ correct: false, feedback: ["A is tempting."] });
    expect(() => grade(single, { type: "single", choice: 2 })).toThrow(ResponseMismatchError);
  });

  it("multiple select: right only for exactly the correct set, in any order, duplicates ignored", () => {
    expect(grade(multiple, { type: "multiple", choices: [1, 0] }).correct).toBe(true);
    expect(grade(multiple, { type: "multiple", choices: [0, 0, 1] }).correct).toBe(true);
    expect(grade(multiple, { type: "multiple", choices: [0] }).correct).toBe(false);
    expect(grade(multiple, { type: "multiple", choices: [0, 1, 2] })).toEqual({
      correct: false,
      feedback: ["C is out."],
    });
    expect(grade(multiple, { type: "multiple", choices: [] }).correct).toBe(false);
  });

  it("true/false", () => {
    const question: Question = { ...base, id: "q-tf", type: "true-false", answer: false };
    expect(grade(question, { type: "true-false", value: false }).correct).toBe(true);
    expect(grade(question, { type: "true-false", value: true }).correct).toBe(false);
  });

  it("numeric with absolute and relative tolerance, edges included", () => {
    const absolute: Question = {
      ...base,
      id: "q-abs",
      type: "numeric",
      answer: 0.8,
      tolerance: { kind: "absolute", value: 0.01 },
    };
    expect(grade(absolute, { type: "numeric", value: 0.81 }).correct).toBe(true);
    expect(grade(absolute, { type: "numeric", value: 0.79 }).correct).toBe(true);
    expect(grade(absolute, { type: "numeric", value: 0.812 }).correct).toBe(false);
    const relative: Question = {
      ...base,
      id: "q-rel",
      type: "numeric",
      answer: 2048,
      tolerance: { kind: "relative", value: 0.02 },
    };
    expect(grade(relative, { type: "numeric", value: 2088.96 }).correct).toBe(true);
    expect(grade(relative, { type: "numeric", value: 2090 }).correct).toBe(false);
    expect(grade(relative, { type: "numeric", value: Number.NaN }).correct).toBe(false);
    const negative: Question = {
      ...base,
      id: "q-neg",
      type: "numeric",
      answer: -4,
      tolerance: { kind: "relative", value: 0.1 },
    };
    expect(grade(negative, { type: "numeric", value: -3.6 }).correct).toBe(true);
  });

  it("short text ignores case, spacing and end punctuation", () => {
    const question: Question = { ...base, id: "q-short", type: "short", accept: ["Two-tower model", "dual encoder"] };
    expect(grade(question, { type: "short", text: "  two-tower   MODEL. " }).correct).toBe(true);
    expect(grade(question, { type: "short", text: "Dual Encoder" }).correct).toBe(true);
    expect(grade(question, { type: "short", text: "two tower" }).correct).toBe(false);
    expect(grade(question, { type: "short", text: "   " }).correct).toBe(false);
    expect(normalizeShortAnswer("Naïve  Bayes!")).toBe("naive bayes");
  });

  it("open questions take the self-grade; Again counts as not yet known", () => {
    const question: Question = { ...base, id: "q-open", type: "open", modelAnswer: "m", rubric: ["r"] };
    expect(grade(question, { type: "open", text: "my design", selfGrade: "good" })).toEqual({
      correct: true,
      selfGrade: "good",
      feedback: [],
    });
    expect(grade(question, { type: "open", text: "", selfGrade: "again" }).correct).toBe(false);
  });

  it("rejects a response of another type", () => {
    expect(() => grade(single, { type: "true-false", value: true })).toThrow(ResponseMismatchError);
  });
});
