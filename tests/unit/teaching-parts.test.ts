import { describe, expect, it } from "vitest";
import { checkDrafts } from "@/lib/content/question-check";
import type { Question } from "@/lib/domain/question";
import { describeMissing, describeNeeds, missingParts } from "@/lib/domain/teaching-parts";
import { prepareImport } from "@/lib/interchange/prepare-import";

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
    expect(describeNeeds(trueFalse)).toBe("needs an explanation");
    expect(describeNeeds({ ...trueFalse, explanation: "Precision is TP / (TP + FP)." })).toBeUndefined();
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

describe("whole-file imports from other tools", () => {
  const glossary = {
    slugs,
    terms: [
      { slug: "precision", term: "Precision", aliases: [] },
      { slug: "recall", term: "Recall", aliases: [] },
    ],
  };
  const prepare = (format: "gift" | "aiken", text: string) =>
    prepareImport(format, text, glossary, {
      defaultTerms: [],
      newId: (() => {
        let n = 0;
        return () => `q-${++n}`;
      })(),
    });

  it("a GIFT file of every type with feedback per answer but no general feedback imports whole, as drafts that need work", () => {
    const text = [
      "$CATEGORY: metrics/classification",
      "::mc:: Which metric ignores false negatives? {=Precision#Right. ~Recall#Recall counts them.}",
      "::multi:: Which metrics use true positives? {~%50%Precision#Yes. ~%50%Recall#Yes. ~%-100%Specificity#No.}",
      "::tf:: Recall is the share of actual positives the model finds. {TRUE#Right.#Wrong.}",
      "::num:: A filter flags 50 emails and 40 are spam. What is its precision? {#0.8:0.01#Yes.}",
      "::range:: Give a precision between 0.7 and 0.9. {#0.7..0.9}",
      "::short:: Which metric, unlike recall, is the share of flagged items that are right? {=precision#Yes. =PPV}",
      "::essay:: Explain the precision-recall trade-off. {}",
    ].join("\n\n");
    const prepared = prepare("gift", text);
    expect(prepared.problems).toEqual([]);
    // Where the parser can make an explanation of the feedback (true/false's two), the question is ready.
    expect(prepared.questions.length + prepared.needsWork.length).toBe(7);
    expect(prepared.needsWork.map((question) => question.missing)).toContainEqual([
      "explanation",
      "modelAnswer",
      "rubric",
    ]);
    expect(prepared.needsWork.every((question) => question.missing.includes("explanation"))).toBe(true);
  });

  it("an Aiken file, which has no place for an explanation, imports whole", () => {
    const text =
      "Which metric ignores false negatives?\nA. Precision\nB. Recall\nANSWER: A\n\nWhich metric ignores false positives?\nA. Precision\nB. Recall\nANSWER: B\n";
    const prepared = prepare("aiken", text);
    expect(prepared.problems).toEqual([]);
    expect(prepared.needsWork.map((question) => question.missing)).toEqual([["explanation"], ["explanation"]]);
  });
});
