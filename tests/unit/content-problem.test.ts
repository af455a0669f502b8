import { describe, expect, it } from "vitest";
import { describeProblem, fieldLabel, formatProblem } from "@/lib/content/content-problem";
import { checkQuestions } from "@/lib/content/question-check";
import type { Question } from "@/lib/domain/question";
import { prepareImport } from "@/lib/interchange/prepare-import";

const slugs = new Set(["precision", "recall"]);
const single: Question = {
  id: "q-single",
  type: "single",
  difficulty: 1,
  terms: ["precision"],
  tags: [],
  prompt: "Which metric ignores false negatives?",
  explanation: "Precision counts only what was flagged.",
  choices: [
    { text: "Precision", correct: true },
    { text: "Recall", correct: false },
  ],
};

describe("structured problems", () => {
  it("are written for people in one place: the field named as an author names it", () => {
    expect(fieldLabel("choices.2.text")).toBe("choice 3");
    expect(fieldLabel("choices.0.feedback")).toBe("feedback of choice 1");
    expect(fieldLabel("rubric.1")).toBe("rubric point 2");
    expect(fieldLabel("modelAnswer")).toBe("model answer");
    expect(fieldLabel("params.x")).toBe("params.x");
    expect(
      formatProblem({
        path: "content/decks/a.md",
        line: 12,
        questionId: "q",
        field: "tolerance",
        message: "must not be negative",
      }),
    ).toBe("content/decks/a.md:12: q: tolerance: must not be negative");
    expect(formatProblem({ path: "content/decks/a.md", line: 1, message: 'duplicate deck slug "a"' })).toBe(
      'content/decks/a.md:1: duplicate deck slug "a"',
    );
    expect(describeProblem({ questionId: "q", field: "", message: 'unknown section "### notes"' })).toBe(
      'q: unknown section "### notes"',
    );
    expect(describeProblem({ field: "choices.1.text", message: "is longer than 20,000 characters" })).toBe(
      "choice 2: is longer than 20,000 characters",
    );
  });

  it("reach the authoring checks by field, without the question id in the message", () => {
    const twoRight = { ...single, choices: single.choices.map((choice) => ({ ...choice, correct: true })) };
    const headings = { ...single, id: "q-headings", explanation: "Why.\n\n## Not a question" };
    const badMath = { ...single, id: "q-math", prompt: "Is $\\frac{1}{$ right?" };
    const { valid, problems } = checkQuestions(
      [single, twoRight, headings, badMath].map((question, index) => ({ ...question, id: `${question.id}-${index}` })),
      slugs,
    );
    expect(valid.map((question) => question.id)).toEqual(["q-single-0"]);
    expect(problems).toEqual([
      {
        questionId: "q-headings-2",
        field: "explanation",
        message: "lines starting with ## or ### are reserved by the deck format: use #### for a heading",
      },
      {
        questionId: "q-single-1",
        field: "choices",
        message: "a single-choice question needs exactly one [x], found 2",
      },
      { questionId: "q-math-3", field: "prompt", message: expect.stringMatching(/^invalid math: /) },
    ]);
  });

  it("read as lines in an import preview, with the field and without the fresh id", () => {
    const text =
      "## x-calc\ntype: calculated\ndifficulty: 2\nterms: [precision]\nparams:\n  x: [0, 1e-99, 1e-101]\nformula: x * 2\n\nWith {x}?\n\n### Explanation\nIt is {answer}.\n\n## Bad_Id\ntype: true-false\ndifficulty: 1\nterms: [recall]\nanswer: true\n\nTrue?\n\n### Explanation\nYes.\n";
    let next = 0;
    const prepared = prepareImport(
      "markdown",
      text,
      { slugs, terms: [] },
      { defaultTerms: [], newId: () => `fresh-${next++}` },
    );
    expect(prepared.problems).toEqual([
      { line: 1, message: "params: x: step must be at least 1e-100" },
      // The file's own ids are checked only in the file: imported questions get fresh ones.
      { line: 14, message: "Bad_Id: id: must be lower-case words joined by hyphens" },
    ]);
    // A missing part is worded for the import form, found by the field and the question rather than by the words.
    const gift = (text: string, defaultTerms: string[]) =>
      prepareImport("gift", text, { slugs, terms: [] }, { defaultTerms, newId: () => "fresh" }).problems;
    expect(gift("Is the sky blue? {TRUE}", [])).toEqual([
      { line: 1, message: expect.stringMatching(/^no glossary term found in the question/) },
    ]);
    // An essay with nothing but its prompt is no problem: it imports as a draft that needs work.
    const essay = prepareImport(
      "gift",
      "Explain the precision-recall trade-off. {}",
      { slugs, terms: [] },
      { defaultTerms: ["precision"], newId: () => "fresh" },
    );
    expect(essay.problems).toEqual([]);
    expect(essay.needsWork.map((question) => question.missing)).toEqual([["explanation", "modelAnswer", "rubric"]]);
  });
});
