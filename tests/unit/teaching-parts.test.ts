import { describe, expect, it } from "vitest";
import { checkDrafts } from "@/lib/content/question-check";
import type { Question } from "@/lib/domain/question";
import { describeMissing, missingParts } from "@/lib/domain/teaching-parts";

const slugs = new Set(["precision", "recall"]);
const trueFalse: Question = {
  id: "tf-draft",
  type: "true-false",
  difficulty: 1,
  terms: ["precision"],
  tags: [],
  prompt: "Precision ignores false negatives.",
  explanation: "",
  answer: true,
};
const essay: Question = {
  id: "essay-draft",
  type: "open",
  difficulty: 2,
  terms: ["recall"],
  tags: [],
  prompt: "When does recall matter more than precision?",
  explanation: "",
  modelAnswer: "",
  rubric: [],
};

describe("teaching parts", () => {
  it("names what a question lacks to be published", () => {
    expect(missingParts(trueFalse)).toEqual(["explanation"]);
    expect(missingParts(essay)).toEqual(["explanation", "modelAnswer", "rubric"]);
    expect(missingParts({ ...trueFalse, explanation: "Precision is TP / (TP + FP)." })).toEqual([]);
    expect(describeMissing(["explanation"])).toBe("needs an explanation");
    expect(describeMissing(["explanation", "modelAnswer", "rubric"])).toBe(
      "needs an explanation, a model answer and a rubric",
    );
  });

  it("checks everything else of a question lacking them, and keeps them empty", () => {
    const { ready, needsWork, problems } = checkDrafts([trueFalse, essay], slugs);
    expect(problems).toEqual([]);
    expect(ready).toEqual([]);
    expect(needsWork.map(({ question, missing }) => [question.id, question.explanation, missing])).toEqual([
      ["tf-draft", "", ["explanation"]],
      ["essay-draft", "", ["explanation", "modelAnswer", "rubric"]],
    ]);
  });

  it("still refuses a question with another problem, and passes a whole one as ready", () => {
    const { ready, needsWork, problems } = checkDrafts(
      [
        { ...trueFalse, terms: ["no-such-term"] },
        { ...trueFalse, id: "whole", explanation: "Precision is TP / (TP + FP)." },
      ],
      slugs,
    );
    expect(needsWork).toEqual([]);
    expect(ready.map((question) => question.id)).toEqual(["whole"]);
    expect(problems.map((problem) => [problem.questionId, problem.field])).toEqual([["tf-draft", "terms"]]);
  });
});
