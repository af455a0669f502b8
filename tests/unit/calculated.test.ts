import { describe, expect, it } from "vitest";
import {
  calculatedAnswer,
  drawVariables,
  fillPlaceholders,
  rangeCorners,
  rangeProblem,
  valueCount,
} from "@/lib/domain/calculated";
import { grade } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import { answerText, toAnswerKey, toQuestionView, type Renderer } from "@/lib/domain/question-view";

const params = { layers: { min: 24, max: 80, step: 8 }, rate: { min: 0.5, max: 0.9, step: 0.05 } };
const question: Question = {
  id: "calc",
  type: "calculated",
  difficulty: 2,
  terms: ["kv-cache"],
  tags: [],
  prompt: "With {layers} layers and rate {rate}, compute $\\frac{L}{2}$ times the rate.",
  explanation: "{layers} / 2 x {rate} = {answer}",
  params,
  formula: "layers / 2 * rate",
  tolerance: { kind: "relative", value: 0.01 },
  unit: "units",
};
const render: Renderer = { block: (text) => `<p>${text}</p>`, inline: (text) => text, termName: (slug) => slug };

describe("calculated questions", () => {
  it("draws values on the grid of each range, the same for the same seed", () => {
    expect(valueCount(params.layers)).toBe(8);
    expect(valueCount(params.rate)).toBe(9);
    const seen = new Set<string>();
    for (let seed = 0; seed < 500; seed++) {
      const { layers, rate } = drawVariables(params, seed);
      expect([24, 32, 40, 48, 56, 64, 72, 80]).toContain(layers);
      expect(rate! * 100).toBeCloseTo(Math.round(rate! * 100));
      expect(rate).toBeGreaterThanOrEqual(0.5);
      expect(rate).toBeLessThanOrEqual(0.9);
      expect(String(rate).length).toBeLessThanOrEqual(4);
      seen.add(`${layers}/${rate}`);
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(drawVariables(params, 42)).toEqual(drawVariables(params, 42));
  });

  it("lists the corners of the ranges and refuses unusable ranges", () => {
    expect(rangeCorners(params)).toEqual([
      { layers: 24, rate: 0.5 },
      { layers: 24, rate: 0.9 },
      { layers: 80, rate: 0.5 },
      { layers: 80, rate: 0.9 },
    ]);
    expect(rangeProblem({ min: 1, max: 2, step: 0 })).toMatch(/step/);
    expect(rangeProblem({ min: 3, max: 2, step: 1 })).toMatch(/max/);
    expect(rangeProblem({ min: 0, max: 1e9, step: 1 })).toMatch(/1,000,000/);
    expect(rangeProblem({ min: 1, max: 1, step: 1 })).toBeUndefined();
    expect(rangeProblem({ min: 0, max: 0, step: 1e-101 })).toBe("step must be at least 1e-100");
    expect(rangeProblem({ min: 0, max: 1e-99, step: 1e-100 })).toBeUndefined();
  });

  it("fills only parameter placeholders, leaving TeX groups alone", () => {
    expect(fillPlaceholders("{layers} and \\frac{TP}{TP + FP} and {missing}", { layers: 32 })).toBe(
      "32 and \\frac{TP}{TP + FP} and {missing}",
    );
    expect(fillPlaceholders("= {answer}", {}, 2.000001)).toBe("= 2");
    expect(fillPlaceholders("{constructor} {__proto__}", {})).toBe("{constructor} {__proto__}");
    expect(fillPlaceholders("= {answer}", {}, 1234567.89)).toBe("= 1235000");
  });

  it("shows the drawn numbers and grades against the answer of the same seed", () => {
    const view = toQuestionView(question, 1, render, 7);
    const { variables, answer } = calculatedAnswer(question.formula, params, 7);
    expect(view.seed).toBe(7);
    expect(view.promptHtml).toContain(`With ${variables.layers} layers and rate ${variables.rate}`);
    expect(view.promptHtml).toContain("\\frac{L}{2}");
    expect(answer).toBeCloseTo((variables.layers! / 2) * variables.rate!);

    const right = grade(question, { type: "calculated", value: answer * 1.005, seed: 7 });
    expect(right.correct).toBe(true);
    expect(right.drawn).toEqual({ variables, answer });
    expect(grade(question, { type: "calculated", value: answer * 1.05, seed: 7 }).correct).toBe(false);

    const key = toAnswerKey(question, render, right.drawn);
    expect(key.explanationHtml).toContain(`${variables.layers} / 2 x ${variables.rate} = `);
    expect(answerText(question, right.drawn)).toMatch(/ units \(±1%\)$/);
  });

  it("refuses a seed out of range", () => {
    expect(() => grade(question, { type: "calculated", value: 1, seed: -1 })).toThrow(/seed/);
    expect(() => grade(question, { type: "calculated", value: 1, seed: 2 ** 32 })).toThrow(/seed/);
  });
});
