import { beforeAll, describe, expect, it } from "vitest";
import { shippedContent, WHOLE_CONTENT_TEST_TIMEOUT } from "@/tests/support/shipped-content";
import { parseAiken, toAiken } from "@/lib/interchange/aiken";
import type { ImportedQuestion } from "@/lib/interchange/imported-question";
import { randomText, seededRandom, truncations } from "@/tests/fixtures/interchange/fuzz";

beforeAll(() => void shippedContent());

const defaults = { difficulty: 2 as const, terms: [] as string[], tags: [] as string[], explanation: "" };
const problemsOf = (text: string) => parseAiken(text).problems.map((problem) => `${problem.line}: ${problem.message}`);
const single = (line: number, prompt: string, texts: string[], right: number): ImportedQuestion => ({
  ...defaults,
  line,
  type: "single",
  prompt,
  choices: texts.map((text, index) => ({ text, correct: index === right })),
});

describe("parseAiken", () => {
  it("reads questions with A. and A) options, with or without blank lines between them", () => {
    const text = `Which metric ignores false negatives?
A. Precision
B. Recall
ANSWER: A

What does a KV cache store?
A) Keys and values of past tokens
B) Model weights
C) Gradients
ANSWER: a
Which loss suits ranking?
A. Pairwise hinge
B. Mean squared error

ANSWER: A
`;
    expect(parseAiken(text)).toEqual({
      questions: [
        single(1, "Which metric ignores false negatives?", ["Precision", "Recall"], 0),
        single(6, "What does a KV cache store?", ["Keys and values of past tokens", "Model weights", "Gradients"], 0),
        single(11, "Which loss suits ranking?", ["Pairwise hinge", "Mean squared error"], 0),
      ],
      problems: [],
    });
  });

  it("keeps at most 26 options of a question and counts the rest, so a file of option lines stays cheap", () => {
    const { questions, problems } = parseAiken(`Which?\n${"A.\n\n".repeat(50_000)}ANSWER: A\n`);
    expect(questions).toEqual([]);
    expect(problems.map((problem) => problem.message)).toContain("a question may have at most 26 options, found 50000");
    // Each kept option is checked (no text, a repeated letter); the 49,974 beyond them are not.
    expect(problems.length).toBeLessThan(60);
  });

  it("reads a prompt over several lines, keeping their indentation", () => {
    const text = "Given this code:\n    x = f(y)\nwhat is x?\nA. y\nB. f(y)\nANSWER: B";
    expect(parseAiken(text).questions).toEqual([
      single(1, "Given this code:\n    x = f(y)\nwhat is x?", ["y", "f(y)"], 1),
    ]);
  });

  it("accepts CRLF line ends, a BOM and surrounding spaces", () => {
    expect(parseAiken("\uFEFF  Q?  \r\n  A. x  \r\n  B. y\r\n  ANSWER:   B  \r\n").questions).toEqual([
      single(1, "Q?", ["x", "y"], 1),
    ]);
  });

  it("reports each broken question with its line, and still returns the valid ones", () => {
    const text = `Good?
A. yes
B. no
ANSWER: A

Missing answer?
A. one
B. two

Letter without option?
A. one
B. two
ANSWER: E

Only one option?
A. alone
ANSWER: A

Also good?
A. yes
B. no
ANSWER: B
`;
    const { questions, problems } = parseAiken(text);
    expect(questions.map((question) => question.line)).toEqual([1, 19]);
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      "6: no ANSWER line: end each question with its options (A. …) and ANSWER: followed by a letter",
      "13: ANSWER: E names no option; the options are A, B",
      "15: a question needs at least 2 options, found 1",
    ]);
  });

  it("reports every other kind of malformed question clearly", () => {
    const cases: [string, string[]][] = [
      [
        "Q?\nA. x\nB. y",
        ["1: no ANSWER line: end each question with its options (A. …) and ANSWER: followed by a letter"],
      ],
      [
        "Q?\nA. x\nB. y\nNext question?\nA. x\nB. y\nANSWER: A",
        ["1: no ANSWER line: end each question with its options (A. …) and ANSWER: followed by a letter"],
      ],
      [
        "Title of the quiz\n\nQ?\nA. x\nB. y\nANSWER: A",
        [
          "1: no options and no ANSWER line: end each question with its options (A. …) and ANSWER: followed by a letter",
        ],
      ],
      ["Q?\nANSWER: A", ["1: a question needs at least 2 options, found 0"]],
      ["A. x\nB. y\nANSWER: A", ["1: empty question text: write the question on the line before its options"]],
      ["ANSWER: A", ["1: an ANSWER line with no question before it"]],
      ["Q?\nA. x\nB. y\nANSWER: AB", ['4: ANSWER must be one option letter, as in "ANSWER: B"; found "AB"']],
      ["Q?\nA. x\nB. y\nANSWER:", ['4: ANSWER must be one option letter, as in "ANSWER: B"; found ""']],
      ["Q?\nA. x\nB.\nANSWER: A", ["3: option B has no text"]],
      ["Q?\nA. x\nA. y\nANSWER: A", ["3: option A appears twice"]],
    ];
    for (const [text, expected] of cases) expect(problemsOf(text), text).toEqual(expected);
    expect(
      parseAiken("Q?\nA. x\nB. y\nNext question?\nA. x\nB. y\nANSWER: A").questions.map((question) => question.line),
    ).toEqual([4]);
  });

  it("never throws on garbage or on a truncated file", () => {
    const random = seededRandom(42);
    const valid = "Q1?\nA. x\nB) y\nANSWER: B\n\nQ2\ncontinued\nA. one\nB. two\nC. three\nANSWER: C\n";
    const inputs = [
      ...Array.from({ length: 400 }, () => randomText(random, "ABZ.) \nANSWER:xq", Math.floor(random() * 60))),
      ...truncations(valid, 3),
    ];
    for (const input of inputs) {
      for (const problem of parseAiken(input).problems) expect(problem.line).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("toAiken", () => {
  it("writes single-choice questions and skips the others with a reason", () => {
    const questions: ImportedQuestion[] = [
      single(0, "Which?", ["Precision", "Recall"], 1),
      { ...defaults, line: 0, type: "true-false", prompt: "True?", answer: true },
      { ...defaults, line: 0, type: "multiple", prompt: "Which ones?", choices: [{ text: "a", correct: true }] },
      single(0, "First paragraph.\n\nSecond paragraph.", ["a", "b"], 0),
      single(0, "Pick:\nA. this looks like an option", ["a", "b"], 0),
      single(0, "Pick:\nanswer: looks like the answer", ["a", "b"], 0),
      single(0, "Lonely?", ["a"], 0),
      single(0, "None right?", ["a", "b"], -1),
      single(0, "Two-line choice?", ["a\nb", "c"], 0),
      single(0, "   ", ["a", "b"], 0),
      single(
        0,
        "Many?",
        Array.from({ length: 27 }, (_, index) => `choice ${index}`),
        0,
      ),
    ];
    const { text, skipped } = toAiken(questions);
    expect(text).toBe("Which?\nA. Precision\nB. Recall\nANSWER: B\n");
    expect(skipped).toEqual([
      {
        index: 1,
        reason: "a true-false question cannot be written in Aiken, which holds single-choice questions only",
      },
      { index: 2, reason: "a multiple question cannot be written in Aiken, which holds single-choice questions only" },
      { index: 3, reason: "the prompt has several paragraphs, and a blank line ends an Aiken question" },
      { index: 4, reason: "a line of the prompt would be read as an option or an ANSWER line" },
      { index: 5, reason: "a line of the prompt would be read as an option or an ANSWER line" },
      { index: 6, reason: "Aiken needs 2 to 26 choices, this question has 1" },
      { index: 7, reason: "Aiken needs exactly one correct choice" },
      { index: 8, reason: "Aiken choices are one non-empty line each" },
      { index: 9, reason: "the prompt is empty" },
      { index: 10, reason: "Aiken needs 2 to 26 choices, this question has 27" },
    ]);
  });

  it("round-trips single-choice questions, dropping only what Aiken cannot hold", () => {
    const questions: ImportedQuestion[] = [
      single(1, "Which metric ignores false negatives?", ["Precision", "Recall", "F1"], 0),
      single(
        7,
        "A prompt\nover two lines with $\\frac{a}{b}$?",
        ["x: y", "B. starts like a label", "ANSWER: not really"],
        2,
      ),
      single(
        14,
        "Twenty-six?",
        Array.from({ length: 26 }, (_, index) => `choice ${index}`),
        25,
      ),
    ];
    const withExtras = questions.map((question) => ({ ...question, tags: ["dropped"], explanation: "Dropped too." }));
    expect(parseAiken(toAiken(withExtras).text)).toEqual({ questions, problems: [] });
  });

  it(
    "round-trips every shipped single-choice question it can hold",
    () => {
      const singles = shippedContent().questions.filter((question) => question.type === "single");
      const { text, skipped } = toAiken(singles);
      const kept = singles.filter((_, index) => !skipped.some((skip) => skip.index === index));
      expect(kept.length).toBeGreaterThan(singles.length / 2);
      const { questions, problems } = parseAiken(text);
      expect(problems).toEqual([]);
      const essentials = (question: ImportedQuestion) =>
        question.type === "single" && {
          prompt: question.prompt,
          choices: question.choices.map(({ text, correct }) => ({ text, correct })),
        };
      expect(questions.map(essentials)).toEqual(kept.map(essentials));
    },
    WHOLE_CONTENT_TEST_TIMEOUT,
  );
});
