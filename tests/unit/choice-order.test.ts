import { describe, expect, it } from "vitest";
import { choiceOrder, displayOrder, toAuthoredResponse, toShownIndices } from "@/lib/domain/choice-order";
import { grade, ResponseMismatchError } from "@/lib/domain/grading";
import type { Question } from "@/lib/domain/question";
import {
  keyInShownOrder,
  toAnswerKey,
  toQuestionView,
  viewInShownOrder,
  type Renderer,
} from "@/lib/domain/question-view";

const base = { difficulty: 2 as const, terms: ["precision"], tags: [], prompt: "?", explanation: "!" };
const single: Question = {
  ...base,
  id: "q-single",
  type: "single",
  choices: [
    { text: "A", correct: false, feedback: "not A" },
    { text: "B", correct: true },
    { text: "C", correct: false, feedback: "not C" },
    { text: "D", correct: false, feedback: "not D" },
  ],
};
const multiple: Question = {
  ...base,
  id: "q-multiple",
  type: "multiple",
  choices: [
    { text: "A", correct: true },
    { text: "B", correct: false, feedback: "not B" },
    { text: "C", correct: true },
    { text: "D", correct: false },
    { text: "E", correct: false },
  ],
};
const render: Renderer = { block: (text) => `<p>${text}</p>`, inline: (text) => text, termName: (slug) => slug };
const seeds = Array.from({ length: 400 }, (_, seed) => seed * 7919);

describe("choice order", () => {
  it("is a permutation, the same for the same seed", () => {
    for (const seed of seeds) {
      const order = choiceOrder(5, seed);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
      expect(choiceOrder(5, seed)).toEqual(order);
    }
  });

  it("puts each option first about equally often over many seeds (no position is favoured)", () => {
    const firsts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) firsts[choiceOrder(4, seed)[0]!]!++;
    for (const count of firsts) expect(count).toBeGreaterThan(850); // 1,000 expected each
  });

  it("reaches all 24 orders of four options", () => {
    const orders = new Set(Array.from({ length: 2000 }, (_, seed) => choiceOrder(4, seed).join("")));
    expect(orders.size).toBe(24);
  });

  it("keeps the authored order when shuffling is off or no seed was sent", () => {
    expect(displayOrder({ ...single, shuffle: false } as Question, 42)).toBeUndefined();
    expect(displayOrder(single, undefined)).toBeUndefined();
  });
});

describe("shown positions and authored indices", () => {
  it("maps every shown pick back to the authored choice the candidate saw there", () => {
    for (const seed of seeds) {
      const view = viewInShownOrder(toQuestionView(single, 1, render), single, seed);
      expect(view.seed).toBe(seed);
      view.choices!.forEach((text, shown) => {
        const authored = toAuthoredResponse(single, { type: "single", choice: shown, seed });
        expect(authored).toEqual({ type: "single", choice: ["A", "B", "C", "D"].indexOf(text), seed });
      });
    }
  });

  it("grades the choice the candidate saw, wherever it was shown", () => {
    for (const seed of seeds) {
      const view = viewInShownOrder(toQuestionView(single, 1, render), single, seed);
      const shownB = view.choices!.indexOf("B");
      expect(grade(single, toAuthoredResponse(single, { type: "single", choice: shownB, seed })).correct).toBe(true);
      const shownA = view.choices!.indexOf("A");
      expect(grade(single, toAuthoredResponse(single, { type: "single", choice: shownA, seed }))).toEqual({
        correct: false,
        feedback: ["not A"],
      });
    }
  });

  it("multiple select: the shown set maps to the authored set, sorted", () => {
    for (const seed of seeds) {
      const view = viewInShownOrder(toQuestionView(multiple, 1, render), multiple, seed);
      const shown = ["C", "A"].map((text) => view.choices!.indexOf(text));
      const authored = toAuthoredResponse(multiple, { type: "multiple", choices: shown, seed });
      expect(authored).toEqual({ type: "multiple", choices: [0, 2], seed });
      expect(grade(multiple, authored).correct).toBe(true);
    }
  });

  it("the key after answering marks the correct choices and feedback where they were shown", () => {
    for (const seed of seeds) {
      const view = viewInShownOrder(toQuestionView(single, 1, render), single, seed);
      const key = keyInShownOrder(toAnswerKey(single, render), single, seed);
      expect(key.correctChoices!.map((index) => view.choices![index])).toEqual(["B"]);
      view.choices!.forEach((text, shown) =>
        expect(key.choiceFeedback![shown]).toBe(text === "B" ? null : `not ${text}`),
      );
    }
    const key = keyInShownOrder(toAnswerKey(multiple, render), multiple, 5);
    expect(key.correctChoices).toEqual(toShownIndices([0, 2], choiceOrder(5, 5)));
  });

  it("rejects a shown position out of range before anything is graded", () => {
    expect(() => toAuthoredResponse(single, { type: "single", choice: 4, seed: 1 })).toThrow(ResponseMismatchError);
    expect(() => toAuthoredResponse(multiple, { type: "multiple", choices: [0, 9], seed: 1 })).toThrow(
      ResponseMismatchError,
    );
  });

  it("leaves responses without a seed, and other types, as they are (answers stored before shuffling)", () => {
    expect(toAuthoredResponse(single, { type: "single", choice: 1 })).toEqual({ type: "single", choice: 1 });
    expect(toAuthoredResponse(single, { type: "true-false", value: true })).toEqual({
      type: "true-false",
      value: true,
    });
  });
});
