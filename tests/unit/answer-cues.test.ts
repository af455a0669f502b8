import { describe, expect, it } from "vitest";
import { checkAnswerCues, positionalOptionWarnings } from "@/lib/content/answer-cue-gates";
import type { ParsedDeck } from "@/lib/content/deck-check";
import {
  commonestCountShare,
  correctAreExactlyLongest,
  correctIsStrictlyLongest,
  cueAdvice,
  cueFigures,
} from "@/lib/domain/answer-cues";
import type { Choice } from "@/lib/domain/question";

const choices = (...texts: string[]): Choice[] =>
  texts.map((text) => ({ text: text.replace(/^\*/, ""), correct: text.startsWith("*") }));
const base = { difficulty: 2 as const, terms: ["precision"], tags: [], prompt: "?", explanation: "!", line: 1 };
const singleQ = (id: string, list: Choice[]) => ({ ...base, id, type: "single" as const, choices: list });
const multipleQ = (id: string, list: Choice[]) => ({ ...base, id, type: "multiple" as const, choices: list });
const deck = (slug: string, questions: ParsedDeck["questions"]): ParsedDeck => ({
  slug,
  path: `content/decks/${slug}.md`,
  title: slug,
  topic: "metrics",
  description: "d",
  level: "beginner",
  questions,
});

describe("answer cues", () => {
  it("single: flags only a correct option longer than every other one", () => {
    expect(correctIsStrictlyLongest(choices("*a longer answer", "short", "tiny"))).toBe(true);
    expect(correctIsStrictlyLongest(choices("*same size", "same size", "tiny"))).toBe(false);
    expect(correctIsStrictlyLongest(choices("*short", "a longer distractor"))).toBe(false);
  });

  it("multiple: flags correct options that are exactly the longest ones", () => {
    expect(correctAreExactlyLongest(choices("*long option one", "*long option two", "short", "tiny"))).toBe(true);
    expect(correctAreExactlyLongest(choices("*long option one", "*short", "a long distractor"))).toBe(false);
    expect(correctAreExactlyLongest(choices("*all", "*correct"))).toBe(false);
  });

  it("counts questions per number of correct options and finds the commonest", () => {
    const figures = cueFigures([
      multipleQ("a", choices("*x", "*y", "z")),
      multipleQ("b", choices("*x", "*y", "z")),
      multipleQ("c", choices("*x", "y", "z")),
      singleQ("d", choices("*x", "y")),
    ]);
    expect(figures.multiple).toBe(3);
    expect(figures.single).toBe(1);
    expect(commonestCountShare(figures)).toEqual({ count: 2, share: 2 / 3 });
  });

  it("content:check fails past each gate and passes within them", () => {
    const longest = (id: string) => singleQ(id, choices("*the longest option here", "short one", "short two"));
    const fair = (id: string) => singleQ(id, choices("*short", "longer distractor", "other one"));
    const biased = [deck("biased", [longest("l1"), longest("l2"), fair("f1")])];
    expect(checkAnswerCues(biased).map((problem) => problem.path)).toEqual([
      "content/decks",
      "content/decks/biased.md",
    ]);
    // 1 in 4 overall and 1 in 2 in a deck: within both gates.
    const balanced = [deck("one", [longest("l1"), fair("f1")]), deck("two", [fair("f2"), fair("f3")])];
    expect(checkAnswerCues(balanced)).toEqual([]);
    const sameCount = [
      deck("m", [
        multipleQ("m1", choices("*a", "*b", "c")),
        multipleQ("m2", choices("*a", "*b", "c")),
        multipleQ("m3", choices("*a", "b", "c")),
      ]),
    ];
    expect(checkAnswerCues(sameCount).map((problem) => problem.message)).toEqual([
      expect.stringContaining("exactly 2 correct options"),
    ]);
  });

  it("warns about 'none of the above' when choices are shuffled, not when the author keeps the order", () => {
    const question = singleQ("n", choices("*None of the above", "x", "y"));
    expect(positionalOptionWarnings([deck("d", [question])])).toEqual([
      expect.objectContaining({
        questionId: "n",
        field: "choices",
        message: expect.stringMatching(/^"all\/none of the above"/),
      }),
    ]);
    expect(positionalOptionWarnings([deck("d", [{ ...question, shuffle: false as const }])])).toEqual([]);
  });

  it("the editor's advice names the cue and never blocks", () => {
    expect(
      cueAdvice({ type: "single", choices: choices("*a much, much longer correct option", "short", "brief") }, true),
    ).toEqual([expect.stringContaining("much longer")]);
    expect(cueAdvice({ type: "single", choices: choices("*short", "brief", "terse") }, true)).toEqual([]);
    expect(
      cueAdvice({ type: "multiple", choices: choices("*All of the above", "a longer distractor option") }, true),
    ).toEqual([expect.stringContaining("All/none")]);
  });
});
