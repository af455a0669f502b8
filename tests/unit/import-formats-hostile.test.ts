import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAiken } from "@/lib/interchange/aiken";
import { parseFlashcards } from "@/lib/interchange/flashcards";
import { parseGift } from "@/lib/interchange/gift";
import { MAX_IMPORT_BYTES, type ImportResult } from "@/lib/interchange/imported-question";
import { everyHostileText, hostileFile, syntaxSoup, TIMED_RUNS, type Hostility } from "@/tests/fixtures/hostile-text";
import { expectAllComparable, expectComparableTime, repeatTo } from "@/tests/support/comparable-time";

/**
 * GIFT, Aiken and flashcards on hostile files up to the 2 MB import cap: never an exception, every
 * problem on a line of the file, and no file costing more than ten times an ordinary file of its size.
 */

/** `sweepLength`: where the single-piece sweep runs, large enough for a quadratic cost to show in this format. */
type Format = {
  name: string;
  parse: (text: string) => ImportResult;
  ordinary: string;
  hostility: Hostility;
  sweepLength: number;
};

const formats: Format[] = [
  {
    name: "GIFT",
    parse: parseGift,
    ordinary: `// [tag:metrics]
::precision-1::Which metric ignores false negatives? {
\t=Precision#It divides by what was flagged.
\t~Recall#Recall counts every missed positive.
\t~F1 score
\t####Precision is TP / (TP + FP).
}

::layers::How many layers does the model have? {#24..32}

::auc::Is ROC AUC threshold-free? {T}

`,
    hostility: {
      openings: [
        "",
        "Q {",
        "Q {#",
        "Q {#1",
        "Q {=a ~",
        "Q {~%50%",
        "// ",
        "// [tag:",
        "::",
        "::T:: Q {",
        "$CATEGORY: ",
        "Q {####",
        "Q {T#",
        "Q {}\n",
      ],
      pieces: [
        "{",
        "}",
        "=",
        "~",
        "#",
        "..",
        ".",
        ":",
        "::",
        "\\",
        "\\n",
        "%",
        "%50%",
        "[tag:",
        "]",
        "//",
        " ",
        "\n",
        "x",
        "1",
        "->",
        "####",
        "\u2028",
      ],
      endings: ["", "}", "\\n2}", "x}", "\u2028}", "]", "\n\nQ {T}"],
    },
    sweepLength: 64 * 1024,
  },
  {
    name: "Aiken",
    parse: parseAiken,
    ordinary: "Which metric ignores false negatives?\nA. Precision\nB) Recall\nC. F1 score\nANSWER: A\n\n",
    hostility: {
      openings: ["", "Which?\n", "Which?\nA. ", "Which?\nA. x\n", "ANSWER: ", "A) "],
      pieces: ["A. x\n", "B) x\n", "A.", "ANSWER:", " ", "\n", "\n\n", ".", ")", "x", "Z"],
      endings: ["", "\nANSWER: A\n", "\n", "x"],
    },
    sweepLength: 64 * 1024,
  },
  {
    name: "flashcards",
    parse: parseFlashcards,
    ordinary:
      'What does precision measure?,"The share of flagged items that are positive, TP / (TP + FP)",metrics classification\n',
    hostility: {
      openings: [
        "",
        '"',
        "a,",
        'a,"',
        ' "',
        "#separator:tab\n",
        "#html:true\na,",
        "#tags column:3\n",
        "#separator:space\n",
      ],
      pieces: [",", "\t", '"', '""', 'x"', " ", "\n", "a", "#", ":", "<hr>", "<br>", "&#", "&amp;", ";"],
      endings: ["", '"', '",x\n', "\n", "x"],
    },
    sweepLength: 256 * 1024,
  },
];

const lineCount = (text: string) => text.split(/\r\n?|\n/).length;

describe.each(formats)("$name on hostile input", ({ parse, ordinary, hostility, sweepLength }) => {
  it("never throws, and puts every problem on a line of the file", () => {
    fc.assert(
      fc.property(syntaxSoup(hostility.openings), (text) => {
        for (const problem of parse(text).problems) {
          expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount(text)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("costs at most ten times an ordinary file of the same size for every opening, piece and ending", () => {
    expectAllComparable(parse, repeatTo(ordinary, sweepLength), everyHostileText(hostility, sweepLength));
  }, 600_000);

  it("costs at most ten times an ordinary file of the same size, up to the 2 MB cap", () => {
    fc.assert(
      fc.property(hostileFile(hostility, MAX_IMPORT_BYTES), (text) => {
        const plain = repeatTo(ordinary, text.length);
        expectComparableTime(
          () => parse(plain),
          () => parse(text),
        );
      }),
      TIMED_RUNS,
    );
  }, 600_000);
});

/** Files that once took quadratic time, each at a size where that showed; the times are from before the fix. */
describe.each([
  {
    name: "GIFT: 80 KB of .. in a numeric range (5.5 s against 0.1 s)",
    parse: parseGift,
    text: `Q {#1${"..".repeat(40_000)}\\n2}`,
    ordinary: formats[0]!.ordinary,
  },
  {
    name: "GIFT: 80 KB comment of unclosed [tag: (2.2 s)",
    parse: parseGift,
    text: `// ${"[tag:".repeat(16_000)}\nQ {T}`,
    ordinary: formats[0]!.ordinary,
  },
  {
    name: "CSV: 400 KB of quotes inside a field (quadratic string building)",
    parse: parseFlashcards,
    text: 'a"'.repeat(200_000),
    ordinary: formats[2]!.ordinary,
  },
  {
    name: "Aiken: 400 KB of repeated option letters",
    parse: parseAiken,
    text: `Q\n${"A. x\n".repeat(40_000)}${"B. x\n".repeat(40_000)}`,
    ordinary: formats[1]!.ordinary,
  },
  {
    // Found by the property above under load (seed -837095217): every option line was kept and then
    // checked, two problems each, 15x an ordinary file; options past 26 are now only counted.
    name: "Aiken: 2 MB of blank-separated empty options in one question (449 ms against 30 ms)",
    parse: parseAiken,
    text: `A) A.\n\n${"A.\n\n".repeat(500_000)}\nANSWER: A\n`,
    ordinary: formats[1]!.ordinary,
  },
])("$name", ({ parse, text, ordinary }) => {
  it("costs at most ten times an ordinary file of its size", () => {
    expectComparableTime(
      () => parse(repeatTo(ordinary, text.length)),
      () => parse(text),
    );
  }, 600_000);
});
