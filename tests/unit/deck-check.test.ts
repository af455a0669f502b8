import { describe, expect, it } from "vitest";
import { checkDecks } from "@/lib/content/deck-check";

const glossary = new Set(["precision", "recall", "kv-cache"]);
const front = "---\ntitle: Metrics\ntopic: metrics\ndescription: A test deck.\nlevel: intermediate\n---\n";
const deck = (body: string, path = "content/decks/metrics.md") => ({ path, source: `${front}\n${body}` });
/** Problems without their file, which is the one deck unless a test says otherwise. */
const problems = (files: { path: string; source: string }[]) =>
  checkDecks(files, glossary).problems.map(({ line, questionId, field, message }) => ({
    line,
    questionId,
    field,
    message,
  }));
/** A problem of a question: the field it is about, and a message without the id or the field. */
const about = (line: number, questionId: string, field: string, message: string | RegExp) => ({
  line,
  questionId,
  field,
  message: typeof message === "string" ? message : expect.stringMatching(message),
});

const single = `## metrics-single
type: single
difficulty: 1
terms: [precision]

Which metric ignores false negatives?

- [x] Precision
- [ ] Recall
  > Recall is all about false negatives.

### Explanation
Precision is $\\frac{TP}{TP+FP}$; see [[recall]].
`;

describe("checkDecks", () => {
  it("parses every question type", () => {
    const body = `${single}
## metrics-multi
type: multiple
difficulty: 2
terms: [precision, recall]

Which use true positives?

- [x] Precision
- [x] Recall
- [ ] Specificity

### Explanation
Both have TP in the numerator.

## metrics-tf
type: true-false
difficulty: 1
terms: [recall]
answer: false

Recall depends on false positives.

### Explanation
It does not.

## metrics-num
type: numeric
difficulty: 2
terms: [kv-cache]
answer: 0.5
tolerance: 2%
unit: MiB

Bytes per token?

### Explanation
Multiply it out.

## metrics-short
type: short
difficulty: 2
terms: [precision]
accept: [precision, PPV]

Name TP / (TP + FP).

### Explanation
That is precision.

## metrics-open
type: open
difficulty: 3
terms: [kv-cache]

Design a cache.

### Model answer
Use paging.

### Rubric
- Mentions memory
- Mentions batching

### Explanation
Memory is the constraint.
`;
    const result = checkDecks([deck(body)], glossary);
    expect(result.problems).toEqual([]);
    const questions = result.decks[0]!.questions;
    expect(questions.map((question) => question.type)).toEqual([
      "single",
      "multiple",
      "true-false",
      "numeric",
      "short",
      "open",
    ]);
    expect(questions[0]).toMatchObject({
      id: "metrics-single",
      prompt: "Which metric ignores false negatives?",
      choices: [
        { text: "Precision", correct: true },
        { text: "Recall", correct: false, feedback: "Recall is all about false negatives." },
      ],
    });
    expect(questions[3]).toMatchObject({ answer: 0.5, tolerance: { kind: "relative", value: 0.02 }, unit: "MiB" });
    expect(questions[5]).toMatchObject({
      modelAnswer: "Use paging.",
      rubric: ["Mentions memory", "Mentions batching"],
    });
  });

  it("reports a wrong number of correct choices with the line of the choices", () => {
    expect(problems([deck(single.replace("- [ ] Recall", "- [x] Recall"))])).toEqual([
      about(15, "metrics-single", "choices", "a single-choice question needs exactly one [x], found 2"),
    ]);
  });

  it("reports unknown glossary terms, in terms and in links", () => {
    const body = single.replace("terms: [precision]", "terms: [precision, nope]").replace("[[recall]]", "[[missing]]");
    expect(problems([deck(body)])).toEqual([
      about(11, "metrics-single", "terms", 'no glossary term "nope" exists'),
      about(19, "metrics-single", "explanation", 'links to unknown term "missing"'),
    ]);
  });

  it("reports invalid metadata with its line and the question id", () => {
    expect(problems([deck(single.replace("difficulty: 1", "difficulty: 5"))])).toEqual([
      about(10, "metrics-single", "difficulty", "must be 1, 2 or 3"),
    ]);
    expect(problems([deck(single.replace("type: single", "type: essay"))])).toEqual([
      about(9, "metrics-single", "type", /^type must be one of single, multiple/),
    ]);
    expect(problems([deck(single.replace("terms: [precision]", "terms: [precision, Bad Slug]"))])).toEqual([
      about(11, "metrics-single", "terms.1", "must be lower-case words joined by hyphens, e.g. kv-cache"),
    ]);
  });

  it("reports a missing explanation and duplicate ids across decks", () => {
    expect(problems([deck(single.replace("### Explanation", "### Notes"))])).toEqual([
      about(8, "metrics-single", "explanation", 'needs a "### Explanation" section that says why'),
      // An unknown section is about the question as a whole: no field holds it.
      about(19, "metrics-single", "", 'unknown section "### notes" (use Explanation, Model answer or Rubric)'),
    ]);
    const twice = checkDecks([deck(single), deck(single, "content/decks/other.md")], glossary).problems;
    expect(twice).toEqual([
      {
        path: "content/decks/other.md",
        ...about(8, "metrics-single", "id", "is also the id of a question in content/decks/metrics.md"),
      },
    ]);
  });

  it("reports numeric answers with units and open questions without a rubric", () => {
    const numeric = `## metrics-n\ntype: numeric\ndifficulty: 1\nterms: [kv-cache]\nanswer: 2 GiB\n\nHow big?\n\n### Explanation\nBig.\n`;
    expect(problems([deck(numeric)])).toEqual([
      about(12, "metrics-n", "answer", "must be a plain number (put units in unit:)"),
    ]);
    const open = `## metrics-o\ntype: open\ndifficulty: 3\nterms: [kv-cache]\n\nDesign it.\n\n### Explanation\nWhy.\n`;
    expect(problems([deck(open)])).toEqual([
      about(8, "metrics-o", "modelAnswer", 'an open question needs a "### Model answer" section'),
      about(8, "metrics-o", "rubric", 'an open question needs a "### Rubric" list of points'),
    ]);
  });

  it("reports a deck without questions and invalid front matter", () => {
    // Problems of the file, not of a question, have no question id or field.
    expect(problems([deck("Just prose.")])).toEqual([
      { line: 7, message: "the deck has no questions (each starts with a line '## question-id')" },
    ]);
    const bad = { path: "content/decks/x.md", source: front.replace("topic: metrics", "topic: cooking") };
    expect(problems([bad])).toEqual([{ line: 3, message: expect.stringMatching(/^topic: Invalid option/) }]);
  });
  it("parses a calculated question and checks its formula over the parameter ranges", () => {
    const calculated = `## metrics-calc
type: calculated
difficulty: 2
terms: [kv-cache]
params:
  layers: [8, 32, 8]
  heads: [1, 8, 1]
formula: 2 * layers * heads * 128 * 2 / 1024
unit: KiB

A model has {layers} layers and {heads} KV heads of dimension 128 in fp16. How many KiB per token?

### Explanation
$2 \\times {layers} \\times {heads} \\times 128 \\times 2$ bytes is {answer} KiB.
`;
    const { decks, problems: found } = checkDecks([deck(calculated)], glossary);
    expect(found).toEqual([]);
    expect(decks[0]!.questions[0]).toMatchObject({
      type: "calculated",
      params: { layers: { min: 8, max: 32, step: 8 }, heads: { min: 1, max: 8, step: 1 } },
      formula: "2 * layers * heads * 128 * 2 / 1024",
      tolerance: { kind: "relative", value: 0.01 },
      unit: "KiB",
    });

    expect(problems([deck(calculated.replace("/ 1024", "/ (heads - 1)"))])).toEqual([
      about(15, "metrics-calc", "formula", /^division by zero \(at character \d+\) with \{"heads":1,"layers":8\}$/),
    ]);
    expect(problems([deck(calculated.replace("2 * layers", "2 * layer"))])).toEqual([
      about(15, "metrics-calc", "formula", "uses layer, not declared in params"),
    ]);
    expect(problems([deck(calculated.replace("/ 1024", "/ 1024)"))])).toEqual([
      about(15, "metrics-calc", "formula", 'unexpected ")" after a complete expression (at character 36)'),
    ]);
    expect(problems([deck(calculated.replace("[1, 8, 1]", "[8, 1, 1]"))])).toEqual([
      about(12, "metrics-calc", "params", "heads: max must not be less than min"),
    ]);
    expect(problems([deck(calculated.replace("and {heads} KV heads", "and some KV heads"))])).toEqual([
      about(12, "metrics-calc", "params", "heads never appears in the prompt as {heads}: the candidate cannot see it"),
    ]);
    // Drawn values are printed with the step's decimals, and toFixed stops at 100: a finer step threw a RangeError.
    expect(problems([deck(calculated.replace("[1, 8, 1]", "[0, 1e-99, 1e-101]"))])).toEqual([
      about(12, "metrics-calc", "params", "heads: step must be at least 1e-100"),
    ]);
  });

  it("recomputes a numeric answer from its formula", () => {
    const numeric = `## metrics-f1
type: numeric
difficulty: 1
terms: [precision]
answer: 0.69
tolerance: 0.01
formula: 2 * 0.8 * 0.6 / (0.8 + 0.6)

F1 at precision 0.8 and recall 0.6?

### Explanation
Harmonic mean.
`;
    expect(problems([deck(numeric)])).toEqual([]);
    expect(problems([deck(numeric.replace("answer: 0.69", "answer: 0.7"))])).toEqual([
      about(12, "metrics-f1", "answer", "0.7 differs from the formula's 0.685714 by more than the tolerance"),
    ]);
    expect(problems([deck(numeric.replace("0.8 * 0.6", "p * 0.6"))])).toEqual([
      about(
        14,
        "metrics-f1",
        "formula",
        "uses p: a numeric formula holds only numbers (use type: calculated for parameters)",
      ),
    ]);
  });

  it("holds a multiple-select question to its declared number of correct choices", () => {
    const multiple = `## metrics-m
type: multiple
correct: 2
difficulty: 1
terms: [precision]

Which use TP?

- [x] Precision
- [x] Recall
- [ ] Specificity

### Explanation
Both.
`;
    expect(problems([deck(multiple)])).toEqual([]);
    expect(problems([deck(multiple.replace("correct: 2", "correct: 3"))])).toEqual([
      about(16, "metrics-m", "correct", "3 is declared but 2 choices are marked [x]"),
    ]);
  });
});
