import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDecks } from "@/lib/content/deck-check";
import { findTermLinks } from "@/lib/content/markdown-check";
import { parseMarkdown } from "@/lib/content/markdown-parse";
import {
  MAX_CONTAINERS,
  MAX_INLINE_MARKS,
  MAX_MARKDOWN_LENGTH,
  MAX_MARKDOWN_LINES,
  markdownSizeProblem,
} from "@/lib/content/markdown-budget";
import { evaluateFormula, FormulaError, parseFormula } from "@/lib/domain/formula";
import {
  everyHostileText,
  hostileFile,
  hostileText,
  syntaxSoup,
  TIMED_RUNS,
  type Hostility,
} from "@/tests/fixtures/hostile-text";
import { expectAllComparable, expectComparableTime, repeatTo } from "@/tests/support/comparable-time";

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
const HOSTILE_DECK: Hostility = {
  openings: [
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
  ],
  pieces: [
    "## ",
    "### ",
    "- [x] ",
    "- ",
    "> ",
    "  > ",
    " ",
    "\n",
    "\n\n",
    "#",
    "`",
    "```",
    "$",
    "$$",
    "[[",
    "]]",
    "{",
    "}",
    ":",
    "---",
    "===",
    "x",
    "*",
    "_",
    "[",
    "]",
    "1. ",
    "  - a\n",
  ],
  endings: ["", "y\n", "\n", "\n\n### Explanation\nWhy.\n"],
};
/**
 * Timed decks are 128 KB, not the 2 MB import cap: the checker renders Markdown, YAML and KaTeX at about
 * 2 ms a question, so an ordinary 2 MB deck takes half a minute a run. Quadratic costs show long before:
 * 80 KB of spaces in a heading took 10 s.
 */
const DECK_TIMED_BYTES = 128 * 1024;
const DECK_SWEEP_BYTES = 64 * 1024;

const ORDINARY_MARKDOWN = ORDINARY.slice(ORDINARY.indexOf("A spam filter"));
const HOSTILE_MARKDOWN: Hostility = {
  openings: ["", "Intro\n\n", "[", "- ", "> ", "$", "**", "1. "],
  pieces: [
    "- ",
    "* ",
    "1. ",
    "> ",
    "\n",
    "\n\n",
    " ",
    "  ",
    "ab ",
    "[",
    "]",
    "[[",
    "(",
    ")",
    "!",
    "*",
    "_",
    "~",
    "`",
    "$",
    "\\",
    "<",
    "&#1",
    "|",
    "#",
    "---",
    "===",
    "www.",
    "a@b.",
    "http://",
  ],
  endings: ["", "x", "]", ")", "\n\n", "`", "$"],
};

/** As much of `hostile` as the Markdown budget allows, with plain words (before or after) to keep its length. */
function withinBudget(hostile: string, fillFirst: boolean): string {
  const compose = (kept: number) => {
    const fill = repeatTo("plain words in a sentence. ", hostile.length - kept);
    return fillFirst ? `${fill.slice(2)}\n\n${hostile.slice(0, kept)}` : hostile.slice(0, kept) + fill;
  };
  let low = 0;
  let high = hostile.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (markdownSizeProblem(compose(middle))) high = middle - 1;
    else low = middle;
  }
  return compose(low);
}

describe("the deck format on hostile input", () => {
  it("never throws", () => {
    fc.assert(
      fc.property(syntaxSoup(HOSTILE_DECK.openings), (body) => {
        expect(Array.isArray(deck(body).problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("costs at most ten times an ordinary deck of the same size for every opening, piece and ending", () => {
    expectAllComparable(deck, repeatTo(ORDINARY, DECK_SWEEP_BYTES), everyHostileText(HOSTILE_DECK, DECK_SWEEP_BYTES));
  }, 900_000);

  it("costs at most ten times an ordinary deck of the same size", () => {
    fc.assert(
      fc.property(hostileFile(HOSTILE_DECK, DECK_TIMED_BYTES), (body) => {
        const plain = repeatTo(ORDINARY, body.length);
        expectComparableTime(
          () => deck(plain),
          () => deck(body),
        );
      }),
      TIMED_RUNS,
    );
  }, 900_000);
});

/** Decks that once took quadratic time or overflowed the stack, at sizes where that showed. */
describe.each([
  { name: "80 KB of spaces inside a question heading (10 s)", body: `## x${" ".repeat(80_000)}y\n` },
  {
    name: "20,000 unknown terms listed one a line (each looked up by rescanning the metadata)",
    body: `## q\ntype: open\ndifficulty: 2\nterms:\n${"  - no-such-term\n".repeat(20_000)}`,
  },
  {
    name: "4,000 block quotes in a prompt (20 s in micromark)",
    body: `## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\n${"> a\n\n".repeat(4_000)}`,
  },
  {
    name: "block quotes nested 60,000 deep on one line (a stack overflow)",
    body: `## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\n${">".repeat(60_000)} a\n`,
  },
])("a deck with $name", ({ body }) => {
  it("is checked without throwing, at most ten times slower than an ordinary deck of its size", () => {
    expect(deck(body).problems.length).toBeGreaterThan(0);
    expectComparableTime(
      () => deck(repeatTo(ORDINARY, body.length)),
      () => deck(body),
    );
  }, 600_000);
});

describe("the Markdown budget", () => {
  it("refuses long texts, and texts with too many lines, list items and quotes, or inline marks, wherever they are", () => {
    expect(markdownSizeProblem(ORDINARY_MARKDOWN)).toBeUndefined();
    expect(markdownSizeProblem("a".repeat(MAX_MARKDOWN_LENGTH + 1))).toMatch(/longer than 20,000 characters/);
    // Lines end at \n, \r or \r\n.
    for (const end of ["\n", "\r", "\r\n"]) {
      expect(markdownSizeProblem(`a${end}`.repeat(MAX_MARKDOWN_LINES)), JSON.stringify(end)).toBeUndefined();
      expect(markdownSizeProblem(`a${end}`.repeat(MAX_MARKDOWN_LINES) + "a"), JSON.stringify(end)).toMatch(
        /more than 200 lines/,
      );
    }
    // Every list marker and quote counts, nested ones on one line too.
    for (const marker of ["- ", "* ", "+ ", "12. ", "3) ", "> ", ">"]) {
      expect(markdownSizeProblem(`${marker}a\n`.repeat(MAX_CONTAINERS)), marker).toBeUndefined();
      expect(markdownSizeProblem(`${marker.repeat(MAX_CONTAINERS)}a`), marker).toBeUndefined();
      expect(markdownSizeProblem(`${marker.repeat(MAX_CONTAINERS + 1)}a`), marker).toMatch(
        /more than 200 list items and block quotes/,
      );
    }
    // Not containers: emphasis, a dash inside a word, a number without its dot or space, a thematic break.
    expect(markdownSizeProblem("*a* -b 12 1.5 a-b ---\n".repeat(100))).toBeUndefined();
    expect(markdownSizeProblem("]".repeat(MAX_INLINE_MARKS))).toBeUndefined();
    expect(markdownSizeProblem(`$x_1$ [a] ${"*".repeat(MAX_INLINE_MARKS - 4)}`)).toMatch(
      /more than 1,000 of the marks/,
    );
  });

  it("reports an oversized text by its field, from the prompt to a choice's feedback and a rubric point", () => {
    const fields = (body: string) =>
      deck(body).problems.map(({ questionId, field, message }) => ({ questionId, field, message }));
    const open = (prompt: string, model: string) =>
      `## q\ntype: open\ndifficulty: 2\nterms: [precision]\n\n${prompt}\n\n### Model answer\n${model}\n\n### Rubric\n- ${">".repeat(MAX_CONTAINERS + 1)} deep\n\n### Explanation\nWhy.\n`;
    const tooMany = "has more than 200 list items and block quotes; shorten it or split it into several questions";
    expect(fields(open("a\n".repeat(MAX_MARKDOWN_LINES + 1), "Fine."))).toContainEqual({
      questionId: "q",
      field: "prompt",
      message: "has more than 200 lines; shorten it or split it into several questions",
    });
    expect(fields(open("Fine.", `${"- ".repeat(MAX_CONTAINERS + 1)}a`))).toContainEqual({
      questionId: "q",
      field: "modelAnswer",
      message: tooMany,
    });
    expect(fields(open("Fine.", "Fine."))).toContainEqual({ questionId: "q", field: "rubric.0", message: tooMany });
    const single = `## q\ntype: single\ndifficulty: 2\nterms: [precision]\n\nPick.\n\n- [x] Yes\n- [ ] No\n  > ${"*".repeat(MAX_INLINE_MARKS + 1)}\n\n### Explanation\nWhy.\n`;
    expect(fields(single)).toEqual([
      {
        questionId: "q",
        field: "choices.1.feedback",
        message: expect.stringMatching(/^has more than 1,000 of the marks/),
      },
    ]);
  });

  it("finds the line of every term link, counting line breaks once", () => {
    const text = `${"[[recall]] ".repeat(500)}\n${"[[precision]]\n".repeat(3)}`;
    const links = findTermLinks(parseMarkdown(text));
    expect(links).toHaveLength(503);
    expect(links.slice(-4).map((link) => link.line)).toEqual([1, 2, 3, 4]);
  });

  it("keeps whatever passes it to at most ten times the parsing time of ordinary Markdown, for every opening, piece and ending", () => {
    // 8,000 characters: the budget's counts, not the length, bound what is quadratic, and a shorter ordinary text makes the bound tighter.
    const sweep = { ...HOSTILE_MARKDOWN, openings: ["", "- ", "> ", "["], endings: ["", "]", "\n\n"] };
    const inputs = [...everyHostileText(sweep, 8_000)].map((markdown) => withinBudget(markdown, false));
    expectAllComparable(parseMarkdown, repeatTo(ORDINARY_MARKDOWN, 8_000), inputs);
  }, 900_000);

  it("keeps whatever passes it to at most ten times the parsing time of ordinary Markdown of its length", () => {
    const hostile = fc
      .integer({ min: MAX_MARKDOWN_LENGTH / 4, max: MAX_MARKDOWN_LENGTH })
      .chain((length) => hostileText(HOSTILE_MARKDOWN, length));
    fc.assert(
      fc.property(hostile, fc.boolean(), (markdown, fillFirst) => {
        const text = withinBudget(markdown, fillFirst);
        expect(markdownSizeProblem(text)).toBeUndefined();
        expectComparableTime(
          () => parseMarkdown(repeatTo(ORDINARY_MARKDOWN, text.length)),
          () => parseMarkdown(text),
        );
      }),
      { numRuns: 60, endOnFailure: true },
    );
  }, 600_000);
});

describe("the formula language on hostile input", () => {
  const ORDINARY_FORMULA = "2 * layers * heads * (head_dim + 1) / 1024 ^ 2 + sqrt(tokens) - max(a, b, 3.5e2) ";
  const HOSTILE_FORMULA: Hostility = {
    openings: ["", "(", "sqrt(", "max(1,", "-", "2 ^", "1e", "a."],
    pieces: ["(", ")", "+", "-", "*", "/", "^", ",", " ", "1", ".", "e", "x", "sqrt(", "max(", "1e5"],
    endings: ["", ")", "1", "x"],
  };

  it("parses or says why with a FormulaError, and evaluates or says why, never anything else", () => {
    fc.assert(
      fc.property(fc.oneof(syntaxSoup(HOSTILE_FORMULA.openings), fc.string({ maxLength: 600 })), (source) => {
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
      fc.property(hostileText(HOSTILE_FORMULA, 500), (source) => {
        expectComparableTime(
          () => parse(repeatTo(ORDINARY_FORMULA, 500)),
          () => parse(source),
        );
      }),
      { numRuns: 50, endOnFailure: true },
    );
  });
});
