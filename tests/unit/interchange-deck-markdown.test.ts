import { beforeAll, describe, expect, it } from "vitest";
import { shippedContent, WHOLE_CONTENT_TEST_TIMEOUT } from "@/tests/support/shipped-content";
import { checkDecks, type ParsedDeck } from "@/lib/content/deck-check";
import type { Question } from "@/lib/domain/question";
import { toDeckMarkdown } from "@/lib/interchange/deck-markdown";

beforeAll(() => void shippedContent());
const glossary = () => shippedContent().glossarySlugs;
/** toEqual skips undefined keys, so this compares everything but where the question was read. */
const withoutLines = (questions: (Question & { line?: number })[]) =>
  questions.map((question) => ({ ...question, line: undefined }));
const reparse = (source: string, slugs: ReadonlySet<string> = glossary()) =>
  checkDecks([{ path: "content/decks/x.md", source }], slugs);

describe("toDeckMarkdown", () => {
  it(
    "writes every shipped deck so that the deck checker reads back the same deck",
    () => {
      const { decks } = shippedContent();
      expect(decks.length).toBeGreaterThan(0);
      for (const deck of decks) {
        const {
          decks: [again],
          problems,
        } = reparse(toDeckMarkdown(deck, deck.questions));
        expect(problems, deck.slug).toEqual([]);
        const frontMatter = ({ title, topic, description, level }: ParsedDeck) => ({
          title,
          topic,
          description,
          level,
        });
        expect(frontMatter(again!)).toEqual(frontMatter(deck));
        expect(withoutLines(again!.questions)).toEqual(withoutLines(deck.questions));
      }
    },
    WHOLE_CONTENT_TEST_TIMEOUT,
  );

  it("writes the documented format, quoting YAML values only where needed", () => {
    const questions: Question[] = [
      {
        id: "x-single",
        type: "single",
        difficulty: 1,
        terms: ["precision"],
        tags: [],
        prompt: "Which metric ignores false negatives?",
        explanation: "Precision.",
        choices: [
          { text: "Precision", correct: true },
          { text: "Recall", correct: false, feedback: "Recall is all about false negatives." },
        ],
      },
      {
        id: "x-numeric",
        type: "numeric",
        difficulty: 2,
        terms: ["precision", "recall"],
        tags: ["classification", "needs, quoting"],
        prompt: "How big?",
        explanation: "Multiply.",
        answer: 0.5,
        tolerance: { kind: "relative", value: 0.07 },
        unit: "GiB",
      },
    ];
    const deck = {
      title: "Metrics: the basics",
      topic: "metrics",
      description: "Precision, recall and more.",
      level: "beginner",
    } as const;
    expect(toDeckMarkdown(deck, questions)).toBe(`---
title: "Metrics: the basics"
topic: metrics
description: Precision, recall and more.
level: beginner
---

## x-single
type: single
difficulty: 1
terms: [precision]

Which metric ignores false negatives?

- [x] Precision
- [ ] Recall
  > Recall is all about false negatives.

### Explanation
Precision.

## x-numeric
type: numeric
difficulty: 2
terms: [precision, recall]
tags: [classification, "needs, quoting"]
answer: 0.5
tolerance: 7%
unit: GiB

How big?

### Explanation
Multiply.
`);
  });

  it("round-trips every type, and values YAML would otherwise misread", () => {
    const base = {
      difficulty: 3 as const,
      terms: ["precision"],
      prompt: "Prompt with `code` and $x^2$.\n\nSecond paragraph.",
      explanation: "Why.",
    };
    const questions: Question[] = [
      {
        ...base,
        id: "rt-multiple",
        type: "multiple",
        tags: [
          "yes",
          "no",
          "true",
          "null",
          "123",
          "2024-01-01",
          "- dash",
          "#hash",
          "a: b",
          "[x]",
          "'quoted'",
          "ünïcode",
          "trailing ",
        ],
        choices: [
          { text: "one", correct: true, feedback: "first" },
          { text: "two", correct: true },
          { text: "three", correct: false, feedback: "no" },
        ],
      },
      { ...base, id: "rt-true", type: "true-false", tags: [], answer: true },
      { ...base, id: "rt-false", type: "true-false", tags: [], answer: false },
      {
        ...base,
        id: "rt-absolute",
        type: "numeric",
        tags: [],
        answer: -1e-7,
        tolerance: { kind: "absolute", value: 0 },
      },
      {
        ...base,
        id: "rt-relative",
        type: "numeric",
        tags: [],
        answer: 1e21,
        tolerance: { kind: "relative", value: 0.005 },
        unit: "off",
      },
      {
        ...base,
        id: "rt-short",
        type: "short",
        tags: [],
        accept: ["two-tower model", "on", "a, b", 'say "hi"', "back\\slash", "42"],
      },
      {
        ...base,
        id: "rt-open",
        type: "open",
        tags: [],
        modelAnswer: "Two stages.\n\nThen more.",
        rubric: ["Clarifies: the metric", "Splits retrieval"],
      },
    ];
    const deck = { title: "yes", topic: "metrics", description: "123", level: "advanced" } as const;
    const { decks, problems } = reparse(toDeckMarkdown(deck, questions), new Set(["precision"]));
    expect(problems).toEqual([]);
    expect(decks[0]).toMatchObject(deck);
    expect(withoutLines(decks[0]!.questions)).toEqual(
      questions.map((question) => ({ ...question, tags: question.tags.map((tag) => tag.trim()) })),
    );
  });

  it("writes a choice or feedback over several lines as continuation lines", () => {
    const question: Question = {
      id: "x-lines",
      type: "single",
      difficulty: 1,
      terms: ["precision"],
      tags: [],
      prompt: "Pick.",
      explanation: "Why.",
      choices: [
        { text: "first line\nsecond line", correct: true, feedback: "feedback one\nfeedback two" },
        { text: "other", correct: false },
      ],
    };
    const source = toDeckMarkdown({ title: "T", topic: "metrics", description: "D", level: "beginner" }, [question]);
    expect(source).toContain("- [x] first line\n  second line\n  > feedback one\n  > feedback two\n- [ ] other");
    expect(reparse(source, new Set(["precision"])).decks[0]!.questions[0]).toMatchObject({
      choices: [
        { text: "first line second line", correct: true, feedback: "feedback one feedback two" },
        { text: "other" },
      ],
    });
  });

  it("writes each rubric point on one line, so that a line break in one cannot start a point or a section", () => {
    const question: Question = {
      id: "x-rubric",
      type: "open",
      difficulty: 2,
      terms: ["precision"],
      tags: [],
      prompt: "Design a filter.",
      explanation: "Why.",
      modelAnswer: "A funnel.",
      rubric: ["Names the metric\n\n### Explanation\nInjected", "Latency\r\n- budget"],
    };
    const source = toDeckMarkdown({ title: "T", topic: "metrics", description: "D", level: "beginner" }, [question]);
    const { decks, problems } = reparse(source, new Set(["precision"]));
    expect(problems).toEqual([]);
    expect(decks[0]!.questions[0]).toMatchObject({
      explanation: "Why.",
      rubric: ["Names the metric ### Explanation Injected", "Latency - budget"],
    });
  });
});
