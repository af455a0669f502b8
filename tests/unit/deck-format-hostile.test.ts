import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDecks } from "@/lib/content/deck-check";
import { findTermLinks, parseMarkdown } from "@/lib/content/markdown";
import { MAX_BLOCK_BOUNDARIES, MAX_MARKDOWN_LENGTH, markdownSizeProblem } from "@/lib/content/markdown-budget";
import { evaluateFormula, FormulaError, parseFormula } from "@/lib/domain/formula";
import { hostileFile, hostileText, SYNTAX, syntaxSoup, TIMED_RUNS } from "@/tests/fixtures/hostile-text";
import { expectComparableTime, repeatTo } from "@/tests/support/comparable-time";

/**
 * The deck format (what content:check, the Markdown import and every authored question go through) and
 * the formula language on hostile input: never an exception, and no input costing more than ten times
 * an ordinary one of its size.
 */

const glossary = new Set(["precision", "recall"]);
const FRONT = "---\ntitle: Hostile\ntopic: metrics\ndescription: Hostile input.\nlevel: intermediate\n---\n";
const deck = (body: string) => checkDecks([{ path: "content/decks/hostile.md", source: FRONT + body }], glossary);

const ORDINARY = `## metrics-precision
type: single
difficulty: 2
terms: [precision, recall]

A spam filter flags 40 messages, 30 of which are spam, and misses 10 other spam messages. Which metric
answers "of what was flagged, how much was right?"

- [x] Precision
- [ ] Recall
  > Recall asks how much of the spam was caught: 30 of 40.
- [ ] Accuracy
- [ ] Specificity

### Explanation
Precision is $\\frac{TP}{TP + FP} = \\frac{30}{40}$: it divides by what was flagged, so misses never enter it.
[[recall]] divides by every positive instead. A filter can trade one for the other by moving its threshold.

`;
const OPENINGS = [
  "",
  "## ",
  "### ",
  "- [x] ",
  "## q\n",
  "## q\ntype: single\ndifficulty: 1\nterms: [precision]\n\n",
  "## q\ntype: single\ndifficulty: 1\nterms: [precision]\n\nQ?\n\n- [x] a\n- [ ] b\n\n### Explanation\n",
  "## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\nPrompt\n\n### Model answer\n",
  "## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\nPrompt\n\n### Rubric\n- ",
  "## q\ntype: single\ndifficulty: 1\nterms:\n",
  "## q\ntype: calculated\ndifficulty: 1\nterms: [precision]\nparams:\n  x: [1, 2, 1]\nformula: ",
];
/**
 * Timed decks are 128 KB, not the 2 MB import cap: the checker renders Markdown, YAML and KaTeX at about
 * 2 ms a question, so an ordinary 2 MB deck takes half a minute a run. Quadratic costs show long before:
 * 80 KB of spaces in a heading took 10 s.
 */
const DECK_TIMED_BYTES = 128 * 1024;

const ORDINARY_MARKDOWN = ORDINARY.slice(ORDINARY.indexOf("A spam filter"));
const hostileRun = fc.tuple(fc.constantFrom("", "Intro\n\n", "- ", "> ", "$", "**", "["), fc.array(fc.constantFrom(...SYNTAX), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join("")));

/** `opening` and as many repeats of `run` as the Markdown budget allows, filled with plain words to `length` (before or after). */
function withinBudget(opening: string, run: string, length: number, fillFirst: boolean): string {
  let low = 0;
  let high = Math.floor((length - opening.length) / run.length);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (markdownSizeProblem(opening + run.repeat(middle))) high = middle - 1;
    else low = middle;
  }
  const hostile = opening + run.repeat(low);
  const fill = repeatTo("plain words in a sentence. ", length - hostile.length);
  return fillFirst ? `${fill}\n\n${hostile}`.slice(0, length) : hostile + fill;
}

describe("the deck format on hostile input", () => {
  it("never throws", () => {
    fc.assert(
      fc.property(syntaxSoup(OPENINGS), (body) => {
        expect(Array.isArray(deck(body).problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("costs at most ten times an ordinary deck of the same size", () => {
    fc.assert(
      fc.property(hostileFile(OPENINGS, DECK_TIMED_BYTES), (body) => {
        const plain = repeatTo(ORDINARY, body.length);
        expectComparableTime(() => deck(plain), () => deck(body));
      }),
      TIMED_RUNS,
    );
  }, 900_000);
});

/** Decks that once took quadratic time or overflowed the stack, at sizes where that showed. */
describe.each([
  { name: "80 KB of spaces inside a question heading (10 s)", body: `## x${" ".repeat(80_000)}y\n` },
  { name: "20,000 unknown terms listed one a line (each looked up by rescanning the metadata)", body: `## q\ntype: open\ndifficulty: 2\nterms:\n${"  - no-such-term\n".repeat(20_000)}` },
  { name: "4,000 block quotes in a prompt (20 s in micromark)", body: `## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\n${"> a\n\n".repeat(4_000)}` },
  { name: "block quotes nested 60,000 deep on one line (a stack overflow)", body: `## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\n${">".repeat(60_000)} a\n` },
])("a deck with $name", ({ body }) => {
  it("is checked without throwing, at most ten times slower than an ordinary deck of its size", () => {
    expect(deck(body).problems.length).toBeGreaterThan(0);
    expectComparableTime(() => deck(repeatTo(ORDINARY, body.length)), () => deck(body));
  }, 600_000);
});

describe("the Markdown budget", () => {
  it("refuses long texts and texts with too many list items, block quotes or heading underlines, wherever they are", () => {
    expect(markdownSizeProblem(ORDINARY)).toBeUndefined();
    expect(markdownSizeProblem("a".repeat(MAX_MARKDOWN_LENGTH + 1))).toMatch(/longer than 20,000 characters/);
    const boundaries = (line: string, count: number) => markdownSizeProblem(`Intro\n${line.repeat(count)}`);
    for (const line of ["- a\n", "* a\n", "12. a\n", "3) a\n", "> a\n\n", "a\n---\n", "a\n===\n", "- \n", "> a\r"]) {
      expect(boundaries(line, MAX_BLOCK_BOUNDARIES), JSON.stringify(line)).toBeUndefined();
      expect(boundaries(line, MAX_BLOCK_BOUNDARIES + 1), JSON.stringify(line)).toMatch(/more than 100 list items/);
    }
    // Nested on one line, each marker opens a container of its own.
    expect(markdownSizeProblem(`${"> ".repeat(MAX_BLOCK_BOUNDARIES)}a`)).toBeUndefined();
    expect(markdownSizeProblem(`${"- ".repeat(MAX_BLOCK_BOUNDARIES + 1)}a`)).toMatch(/more than 100/);
    // Not boundaries: emphasis, a dash inside a word, a number without its dot, a hyphenated line.
    expect(markdownSizeProblem("*a* -b 12 a-b\n".repeat(200))).toBeUndefined();
  });

  it("reports an oversized text by its field, from the prompt to a rubric point", () => {
    const messages = (body: string) => deck(body).problems.map((problem) => problem.message);
    const list = "- a\n".repeat(MAX_BLOCK_BOUNDARIES + 1);
    const open = (prompt: string, model: string) =>
      `## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\n${prompt}\n\n### Model answer\n${model}\n\n### Rubric\n- ${">".repeat(101)} deep\n\n### Explanation\nWhy.\n`;
    expect(messages(open(list, "Fine."))).toContain("q: the prompt has more than 100 list items, block quotes and heading underlines; split it into several questions");
    expect(messages(open("Fine.", list))).toContain("q: the model answer has more than 100 list items, block quotes and heading underlines; split it into several questions");
    expect(messages(open("Fine.", "Fine.")).some((message) => message.startsWith("q: the rubric point 1 has more than 100"))).toBe(true);
  });

  it("finds the line of every term link, counting line breaks once", () => {
    const text = `${"[[recall]] ".repeat(500)}\n${"[[precision]]\n".repeat(3)}`;
    const links = findTermLinks(parseMarkdown(text));
    expect(links).toHaveLength(503);
    expect(links.slice(-4).map((link) => link.line)).toEqual([1, 2, 3, 4]);
  });

  it("keeps whatever passes it to at most ten times the parsing time of ordinary Markdown of its length", () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_MARKDOWN_LENGTH / 4, max: MAX_MARKDOWN_LENGTH }), hostileRun, fc.boolean(), (length, [opening, run], fillFirst) => {
        const text = withinBudget(opening, run, length, fillFirst);
        expect(markdownSizeProblem(text)).toBeUndefined();
        expectComparableTime(() => parseMarkdown(repeatTo(ORDINARY_MARKDOWN, text.length)), () => parseMarkdown(text));
      }),
      { numRuns: 30, endOnFailure: true },
    );
  }, 600_000);
});

describe("the formula language on hostile input", () => {
  const ORDINARY_FORMULA = "2 * layers * heads * (head_dim + 1) / 1024 ^ 2 + sqrt(tokens) - max(a, b, 3.5e2) ";
  const FORMULA_OPENINGS = ["", "(", "sqrt(", "max(1,", "-", "2 ^", "1e", "a."];

  it("parses or says why with a FormulaError, and evaluates or says why, never anything else", () => {
    fc.assert(
      fc.property(fc.oneof(syntaxSoup(FORMULA_OPENINGS), fc.string({ maxLength: 600 })), (source) => {
        try {
          const formula = parseFormula(source);
          evaluateFormula(formula, Object.fromEntries(formula.variables.map((name) => [name, 1.5])));
        } catch (error) {
          expect(error).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("costs at most ten times an ordinary formula of the same length, at the 500-character cap", () => {
    const parse = (source: string) => {
      try {
        return parseFormula(source);
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
      }
    };
    fc.assert(
      fc.property(hostileText(FORMULA_OPENINGS, 500), (source) => {
        expectComparableTime(() => parse(repeatTo(ORDINARY_FORMULA, 500)), () => parse(source));
      }),
      { numRuns: 50, endOnFailure: true },
    );
  });
});
