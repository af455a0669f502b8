import { describe, expect, it } from "vitest";
import { computeCoverage, coverageMarkdown, coverageText } from "@/lib/content/coverage";
import { checkDecks } from "@/lib/content/deck-check";
import { checkGlossary, type SourceFile } from "@/lib/content/glossary-check";
import { checkNearDuplicateQuestions, checkOrphans } from "@/lib/content/quality-gates";

const filler = "Each sentence here adds plain words so the definition reaches the minimum length the checker asks for.";
const term = (slug: string, related: string, topics = "[metrics]"): SourceFile => ({
  path: `content/glossary/${slug}.md`,
  source: `---\nterm: ${slug}\ntopics: ${topics}\nrelated: ${related}\n---\n${Array.from({ length: 5 }, () => filler).join(" ")}\n`,
});
const deckFile = (questions: string): SourceFile => ({
  path: "content/decks/metrics.md",
  source: `---\ntitle: Metrics\ntopic: metrics\ndescription: Test.\nlevel: beginner\n---\n\n${questions}`,
});
const question = (id: string, terms: string, prompt: string, difficulty = 1) =>
  `## ${id}\ntype: true-false\ndifficulty: ${difficulty}\nterms: ${terms}\nanswer: true\n\n${prompt}\n\n### Explanation\nBecause.\n\n`;

describe("content quality gates", () => {
  const { terms } = checkGlossary([
    term("alpha", "[beta, gamma]"),
    term("beta", "[alpha, gamma]"),
    term("gamma", "[alpha, beta]"),
    term("lonely", "[alpha, beta]"),
  ]);

  it("reports a term nothing points at, and accepts one that only a question points at", () => {
    const noQuestions = checkDecks(
      [deckFile(question("m-one", "[alpha]", "Is alpha a metric?"))],
      new Set(terms.map((entry) => entry.slug)),
    ).decks;
    expect(
      checkOrphans(terms, noQuestions).map((problem) => `${problem.path}:${problem.line}: ${problem.message}`),
    ).toEqual([
      'content/glossary/lonely.md:1: orphan: no other term (related, contrast or [[link]]) and no question points at "lonely"',
    ]);
    const withQuestion = checkDecks(
      [deckFile(question("m-two", "[lonely]", "Is lonely a metric?"))],
      new Set(terms.map((entry) => entry.slug)),
    ).decks;
    expect(checkOrphans(terms, withQuestion)).toEqual([]);
  });

  it("reports a near-duplicate question at the later one, naming the first", () => {
    const slugs = new Set(terms.map((entry) => entry.slug));
    const { decks } = checkDecks(
      [
        deckFile(
          question(
            "m-a",
            "[alpha]",
            "Raising the decision threshold of a classifier usually increases its precision and lowers its recall.",
          ) +
            question(
              "m-b",
              "[alpha]",
              "Raising the decision threshold of a classifier usually increases its precision and lowers its recall!",
            ) +
            question("m-c", "[beta]", "Recall is the share of actual positives that the model finds."),
        ),
      ],
      slugs,
    );
    expect(checkNearDuplicateQuestions(decks)).toEqual([
      {
        path: "content/decks/metrics.md",
        line: 19,
        questionId: "m-b",
        field: "prompt",
        message: "nearly duplicates m-a (content/decks/metrics.md:8), 100% of word trigrams shared",
      },
    ]);
  });

  it("counts terms and questions per topic, by type and difficulty, with a total", () => {
    const slugs = new Set(terms.map((entry) => entry.slug));
    const { decks } = checkDecks(
      [deckFile(question("m-a", "[alpha]", "First?") + question("m-b", "[beta]", "Second one here?", 3))],
      slugs,
    );
    const rows = computeCoverage(terms, decks);
    const metrics = rows.find((row) => row.topic === "metrics")!;
    expect(metrics).toMatchObject({ terms: 4, decks: 1, questions: 2, byDifficulty: [1, 0, 1] });
    expect(metrics.byType["true-false"]).toBe(2);
    expect(rows.at(-1)).toMatchObject({ topic: "total", terms: 4, questions: 2 });
    expect(coverageMarkdown(rows)).toContain(
      "| Evaluation metrics | 4 | 1 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 1 / 0 / 1 | 50% / 0% / 50% |",
    );
    expect(coverageText(rows).split("\n")).toHaveLength(rows.length + 1);
  });
});
