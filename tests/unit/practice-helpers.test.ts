import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/domain/csv";
import type { Question } from "@/lib/domain/question";
import { answerText, toAnswerKey, toQuestionView, type Renderer } from "@/lib/domain/question-view";
import { orderForPractice } from "@/lib/domain/session-order";

const render: Renderer = {
  block: (markdown) => `<p>${markdown}</p>`,
  inline: (markdown) => `<i>${markdown}</i>`,
  termName: (slug) => slug.toUpperCase(),
};
const base = { difficulty: 2 as const, terms: ["precision"], tags: [], prompt: "Prompt", explanation: "Why" };

describe("question views and answer keys", () => {
  const single: Question = {
    ...base,
    id: "s",
    type: "single",
    choices: [
      { text: "A", correct: false, feedback: "No" },
      { text: "B", correct: true },
    ],
  };

  it("a view before answering carries no answer", () => {
    const view = toQuestionView(single, 3, render);
    expect(view).toEqual({
      id: "s",
      revision: 3,
      type: "single",
      difficulty: 2,
      promptHtml: "<p>Prompt</p>",
      choices: ["<i>A</i>", "<i>B</i>"],
    });
    expect(JSON.stringify(view)).not.toContain("correct");
  });

  it("the key names the correct choices, per-choice feedback, the explanation and the terms", () => {
    expect(toAnswerKey(single, render)).toEqual({
      explanationHtml: "<p>Why</p>",
      terms: [{ slug: "precision", name: "PRECISION" }],
      correctChoices: [1],
      choiceFeedback: ["<i>No</i>", null],
    });
  });

  it("open questions show their model answer and rubric in the view, for self-grading", () => {
    const open: Question = { ...base, id: "o", type: "open", modelAnswer: "Model", rubric: ["Point"] };
    expect(toQuestionView(open, 1, render)).toMatchObject({
      modelAnswerHtml: "<p>Model</p>",
      rubricHtml: ["<i>Point</i>"],
    });
  });

  it("states answers in words, with tolerance and unit", () => {
    expect(
      answerText({ ...base, id: "n", type: "numeric", answer: 0.615, tolerance: { kind: "absolute", value: 0.01 } }),
    ).toBe("0.615 (±0.01)");
    expect(
      answerText({
        ...base,
        id: "n",
        type: "numeric",
        answer: 1200,
        tolerance: { kind: "relative", value: 0.02 },
        unit: "GB",
      }),
    ).toBe("1,200 GB (±2%)");
    expect(answerText({ ...base, id: "t", type: "true-false", answer: false })).toBe("False");
    expect(answerText({ ...base, id: "h", type: "short", accept: ["GQA", "grouped-query attention"] })).toBe(
      "GQA / grouped-query attention",
    );
  });
});

describe("practice order", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it("puts due questions first (most overdue first), then unseen in deck order, then the rest by due date", () => {
    const due = new Map([
      ["c", new Date("2026-11-28T11:00:00Z")],
      ["d", new Date("2026-11-27T11:00:00Z")],
      ["e", new Date("2026-12-05T00:00:00Z")],
      ["f", new Date("2026-11-30T00:00:00Z")],
    ]);
    expect(orderForPractice(["a", "b", "c", "d", "e", "f"], due, now)).toEqual(["d", "c", "a", "b", "f", "e"]);
  });
});

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(
      toCsv([
        ["a", 1, true, null],
        ['say "hi", then', "line\nbreak", "=SUM(A1)", "-3"],
      ]),
    ).toBe('a,1,true,\r\n"say ""hi"", then","line\nbreak",\'=SUM(A1),\'-3\r\n');
  });
});
