import { describe, expect, it } from "vitest";
import { checkDecks } from "@/lib/content/deck-check";

const glossary = new Set(["precision", "recall", "kv-cache"]);
const front = "---\ntitle: Metrics\ntopic: metrics\ndescription: A test deck.\nlevel: intermediate\n---\n";
const deck = (body: string, path = "content/decks/metrics.md") => ({ path, source: `${front}\n${body}` });
const problems = (files: { path: string; source: string }[]) =>
  checkDecks(files, glossary).problems.map((problem) => `${problem.line}: ${problem.message}`);

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
    expect(questions.map((question) => question.type)).toEqual(["single", "multiple", "true-false", "numeric", "short", "open"]);
    expect(questions[0]).toMatchObject({
      id: "metrics-single",
      prompt: "Which metric ignores false negatives?",
      choices: [
        { text: "Precision", correct: true },
        { text: "Recall", correct: false, feedback: "Recall is all about false negatives." },
      ],
    });
    expect(questions[3]).toMatchObject({ answer: 0.5, tolerance: { kind: "relative", value: 0.02 }, unit: "MiB" });
    expect(questions[5]).toMatchObject({ modelAnswer: "Use paging.", rubric: ["Mentions memory", "Mentions batching"] });
  });

  it("reports a wrong number of correct choices with the line of the choices", () => {
    expect(problems([deck(single.replace("- [ ] Recall", "- [x] Recall"))])).toEqual([
      "15: metrics-single: a single-choice question needs exactly one [x], found 2",
    ]);
  });

  it("reports unknown glossary terms, in terms and in links", () => {
    const body = single.replace("terms: [precision]", "terms: [precision, nope]").replace("[[recall]]", "[[missing]]");
    expect(problems([deck(body)])).toEqual([
      '11: metrics-single: terms: no glossary term "nope" exists',
      '19: metrics-single: explanation links to unknown term "missing"',
    ]);
  });

  it("reports invalid metadata with its line and the question id", () => {
    expect(problems([deck(single.replace("difficulty: 1", "difficulty: 5"))])).toEqual([
      "10: metrics-single: difficulty: must be 1, 2 or 3",
    ]);
    expect(problems([deck(single.replace("type: single", "type: essay"))])).toEqual([
      expect.stringMatching(/^9: metrics-single: type: type must be one of single, multiple/),
    ]);
  });

  it("reports a missing explanation and duplicate ids across decks", () => {
    expect(problems([deck(single.replace("### Explanation", "### Notes"))])).toContainEqual(
      '8: metrics-single: needs a "### Explanation" section that says why',
    );
    const twice = checkDecks([deck(single), deck(single, "content/decks/other.md")], glossary).problems;
    expect(twice.map((problem) => problem.message)).toEqual(['duplicate question id "metrics-single" (also in content/decks/metrics.md)']);
  });

  it("reports numeric answers with units and open questions without a rubric", () => {
    const numeric = `## metrics-n\ntype: numeric\ndifficulty: 1\nterms: [kv-cache]\nanswer: 2 GiB\n\nHow big?\n\n### Explanation\nBig.\n`;
    expect(problems([deck(numeric)])).toEqual(["12: metrics-n: answer: must be a plain number (put units in unit:)"]);
    const open = `## metrics-o\ntype: open\ndifficulty: 3\nterms: [kv-cache]\n\nDesign it.\n\n### Explanation\nWhy.\n`;
    expect(problems([deck(open)])).toEqual([
      '8: metrics-o: an open question needs a "### Model answer" section',
      '8: metrics-o: an open question needs a "### Rubric" list of points',
    ]);
  });

  it("reports a deck without questions and invalid front matter", () => {
    expect(problems([deck("Just prose.")])).toEqual(["7: the deck has no questions (each starts with a line '## question-id')"]);
    const bad = { path: "content/decks/x.md", source: front.replace("topic: metrics", "topic: cooking") };
    expect(problems([bad])).toEqual([expect.stringMatching(/^3: topic: Invalid option/)]);
  });
});
