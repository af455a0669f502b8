import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportedQuestion } from "@/lib/interchange/imported-question";
import { parseMoodleXml } from "@/lib/interchange/moodle-xml";
import { exportMoodleXml } from "@/lib/interchange/moodle-xml-export";
import { htmlToMarkdown } from "@/lib/interchange/moodle-xml-html";
import { fromMoodleFormula } from "@/lib/interchange/moodle-xml-types";
import { imported, portable } from "@/tests/support/imported-questions";
import { shippedContent, WHOLE_CONTENT_TEST_TIMEOUT } from "@/tests/support/shipped-content";

beforeAll(() => void shippedContent());

const fixture = readFileSync("tests/fixtures/interchange/moodle-every-type.xml", "utf8");
const quiz = (questions: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions}\n</quiz>\n`;
const problemsOf = (text: string) =>
  parseMoodleXml(text).problems.map((problem) => `${problem.line}: ${problem.message}`);

// What Moodle XML cannot carry is what `portable` leaves out: the id (written as the name and idnumber,
// read back as the title), the difficulty and the glossary terms; nothing else.

describe("parseMoodleXml", () => {
  it("reads every supported type of a Moodle 4 export with feedback, tags, categories and datasets", () => {
    const { questions, problems } = parseMoodleXml(fixture);
    const metrics = ["Default for ML 101", "Metrics"];
    expect(questions).toEqual([
      imported({
        line: 15,
        title: "Precision",
        type: "single",
        tags: [...metrics, "classification"],
        prompt: "Which metric ignores **false negatives**?",
        explanation: "Precision is TP / (TP + FP).",
        choices: [
          { text: "Precision", correct: true, feedback: "It only looks at what was *flagged*." },
          { text: "Recall", correct: false },
        ],
      }),
      imported({
        line: 55,
        title: "True positives",
        type: "multiple",
        tags: metrics,
        prompt: "Which use true positives?",
        explanation: "Both have **TP** in the numerator.",
        shuffle: false,
        choices: [
          { text: "Precision", correct: true },
          { text: "Recall", correct: true },
          { text: "Specificity", correct: false },
        ],
      }),
      imported({
        line: 80,
        title: "AUC",
        type: "true-false",
        tags: metrics,
        prompt: "ROC AUC is threshold-free.",
        explanation: "It sums over every threshold.",
        answer: true,
      }),
      imported({
        line: 105,
        title: "PPV",
        type: "short",
        tags: metrics,
        prompt: "Name TP / (TP + FP).",
        explanation: "Also called positive predictive value.",
        accept: ["precision", "PPV"],
      }),
      imported({
        line: 131,
        title: "Latency",
        type: "numeric",
        tags: metrics,
        prompt: "What is the p50 latency?",
        explanation: "The median of the samples.",
        answer: 120,
        tolerance: { kind: "absolute", value: 5 },
        unit: "ms",
      }),
      imported({
        line: 165,
        title: "Feed ranker",
        type: "open",
        tags: metrics,
        prompt: "Design a feed ranker.",
        explanation: "Start from the objective.",
        modelAnswer: "",
        rubric: ["Names the objective", "Discusses **cold start**", "Mentions evaluation."],
      }),
      imported({
        line: 195,
        title: "Memory",
        type: "calculated",
        tags: ["Default for ML 101", "Scaling"],
        prompt: "A model has {a} billion parameters in {b}-byte floats. How many GB?",
        explanation: "Parameters times bytes.",
        params: { a: { min: 1, max: 70, step: 1 }, b: { min: 2, max: 4, step: 0.1 } },
        formula: "a*b",
        tolerance: { kind: "relative", value: 0.01 },
        unit: "GB",
      }),
    ]);
    expect(problems).toEqual([
      { line: 264, message: "Moodle 'matching' questions cannot be imported (mlprep has no matching type)" },
      {
        line: 283,
        message:
          "Moodle 'multianswer' questions cannot be imported (cloze questions embed several answers in the text, which mlprep has no type for)",
      },
    ]);
  });

  it("reports partial credit mlprep cannot express, with the question's line", () => {
    const answer = (fraction: number, text: string) => `<answer fraction="${fraction}"><text>${text}</text></answer>`;
    const question = (single: boolean, answers: string) =>
      `<question type="multichoice"><questiontext><text>Q</text></questiontext><single>${single}</single>${answers}</question>`;
    const text = quiz(
      [
        question(true, answer(100, "a") + answer(50, "b")),
        question(false, answer(70, "a") + answer(70, "b")),
        question(true, answer(100, "a") + answer(100, "b")),
        '<question type="shortanswer"><questiontext><text>Q</text></questiontext><answer fraction="50"><text>x</text></answer></question>',
        '<question type="ddwtos"><questiontext><text>Q</text></questiontext></question>',
      ].join("\n"),
    );
    expect(problemsOf(text)).toEqual([
      "3: answer 2 gives partial credit (50%), which mlprep cannot express: make it 100 or 0",
      "4: the positive fractions add up to 140%, not 100%: mlprep grades all or nothing",
      "5: 2 answers are worth 100%: a single-choice question has exactly one",
      '6: the answer "x" gives partial credit (50%), which mlprep cannot express',
      "7: Moodle 'ddwtos' questions cannot be imported (mlprep has no drag-and-drop type)",
    ]);
  });

  it("refuses DOCTYPE and entity declarations before parsing: billion laughs and external entities", () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<quiz><question type="truefalse"><questiontext><text>&lol3;</text></questiontext></question></quiz>`;
    const external = `<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="essay"><questiontext><text>&xxe;</text></questiontext></question></quiz>`;
    for (const text of [laughs, external, quiz("<!-- <!ENTITY x 'y'> -->")]) {
      expect(parseMoodleXml(text)).toEqual({
        questions: [],
        problems: [{ line: 1, message: "DOCTYPE and entity declarations are not accepted" }],
      });
    }
  });

  it("decodes only the XML entities and numeric references, each once", () => {
    const text = quiz(
      '<question type="shortanswer"><questiontext format="markdown"><text>A &amp; B &#60; &#x3E; &amp;lt; &eacute;</text></questiontext><answer fraction="100"><text>x</text></answer></question>',
    );
    expect(parseMoodleXml(text).questions[0]?.prompt).toBe("A & B < > &lt; &eacute;");
  });

  it("reports a file that is not well-formed XML, or not a quiz, on its line", () => {
    expect(problemsOf("<quiz>\n<question>\n</quiz>")).toEqual([
      "3: the file is not well-formed XML: Expected closing tag 'question' (opened in line 2, col 1) instead of closing tag 'quiz'.",
    ]);
    expect(problemsOf("<html></html>")).toEqual(["1: no <quiz> element: this is not a Moodle XML file"]);
    expect(problemsOf(quiz(`${"<a>".repeat(150)}${"</a>".repeat(150)}`))[0]).toMatch(/^1: the file cannot be read/);
  });
});

describe("Moodle HTML as Markdown", () => {
  it("converts what Markdown can say, drops scripts, styles and attributes, and reads the rest as text", () => {
    expect(
      htmlToMarkdown(
        '<p onclick="x()">A <b>bold</b> <em>claim</em>, <code>f(x)</code> and <a href="https://ml.example">a link</a><sup>2</sup>.<br>Next</p><style>p{}</style><script>alert(1)</script><ol><li>one</li><li>two</li></ol><pre>a &lt; b</pre>',
      ),
    ).toBe(
      "A **bold** *claim*, `f(x)` and [a link](<https://ml.example>)2.\\\nNext\n\n1. one\n2. two\n\n```\na < b\n```",
    );
    expect(htmlToMarkdown('<a href="javascript:alert(1)">x</a> * $a_1$')).toBe("x \\* $a_1$");
    expect(htmlToMarkdown("<p>MathJax: \\(x_1^2\\) and \\[\\sum_i x_i\\]</p>")).toBe(
      "MathJax: $x_1^2$ and $$\\sum_i x_i$$",
    );
    // Not XHTML: plain text, with what looks like tags dropped and scripts with their content.
    expect(htmlToMarkdown("<p>a < b<script>if (a<b) {}</script> & <i>c</p>")).toBe("a \\< b & c");
  });
});

describe("Moodle formulas", () => {
  it("reads {x}, pi() and pow(a, b), nested too, as mlprep formulas", () => {
    expect(fromMoodleFormula("pow({a}, 2) * pi() / pow(pow({b}, 2), max({a}, {b}))")).toBe(
      "(a)^(2) * pi / ((b)^(2))^(max(a, b))",
    );
    expect(fromMoodleFormula("pow({a})")).toBe("pow(a)");
  });
});

describe("exportMoodleXml", () => {
  it("round-trips every type, including what Moodle cannot say itself", () => {
    const questions: ImportedQuestion[] = [
      imported({
        line: 0,
        title: "q1",
        type: "single",
        prompt: "Pick **one** <of> these ]]> & that",
        shuffle: false,
        choices: [
          { text: "a & b", correct: true, feedback: "Yes: `a`." },
          { text: "c", correct: false },
        ],
        tags: ["x/y", "z"],
        explanation: "Because.",
      }),
      imported({
        line: 0,
        title: "q2",
        type: "multiple",
        prompt: "Pick three.",
        choices: ["a", "b", "c", "d"].map((text, index) => ({ text, correct: index < 3 })),
      }),
      imported({ line: 0, title: "q3", type: "true-false", prompt: "T?", answer: false, explanation: "No." }),
      imported({
        line: 0,
        type: "numeric",
        prompt: "N?",
        answer: -2.5e-7,
        tolerance: { kind: "relative", value: 0.07 },
        unit: "s",
      }),
      imported({ line: 0, type: "numeric", prompt: "M?", answer: 3, tolerance: { kind: "absolute", value: 0 } }),
      imported({
        line: 0,
        type: "calculated",
        prompt: "{rate} and {n}",
        explanation: "{answer}",
        params: { rate: { min: 0.05, max: 1, step: 0.05 }, n: { min: 10, max: 100, step: 5 } },
        formula: "ln(rate)^2 * n / log2(8) + pi",
        tolerance: { kind: "absolute", value: 0.5 },
      }),
      imported({ line: 0, type: "short", prompt: "S?", accept: ["a_b*", "<x>"] }),
      imported({ line: 0, type: "open", prompt: "O?", modelAnswer: "Model\n\n- not a point", rubric: ["one", "two"] }),
      imported({ line: 0, type: "open", prompt: "P?", modelAnswer: "", rubric: [] }),
    ];
    const { questions: back, problems } = parseMoodleXml(exportMoodleXml(questions));
    expect(problems).toEqual([]);
    expect(back.map(portable)).toEqual(questions.map(portable));
  });

  it(
    "round-trips every shipped question, deck by deck (as the export writes them), with its id as the title",
    () => {
      const { decks } = shippedContent();
      expect(decks.flatMap((deck) => deck.questions).length).toBeGreaterThan(50);
      for (const { questions } of decks) {
        const { questions: back, problems } = parseMoodleXml(exportMoodleXml(questions));
        expect(problems).toEqual([]);
        expect(back.map(portable)).toEqual(
          questions.map((question) => ({ ...portable(question), title: question.id })),
        );
      }
    },
    WHOLE_CONTENT_TEST_TIMEOUT,
  );

  it("writes Moodle's syntax for formulas, with datasets Moodle can draw from", () => {
    const xml = exportMoodleXml([
      imported({
        line: 0,
        type: "calculated",
        prompt: "{x}",
        params: { x: { min: 1, max: 3, step: 1 } },
        formula: "x^2 / ln(x + 1)",
        tolerance: { kind: "relative", value: 0.01 },
      }),
    ]);
    expect(xml).toContain('<question type="calculatedsimple">');
    expect(xml).toContain("<text>(pow({x}, 2) / log(({x} + 1)))</text>");
    expect(xml).toContain("<tolerancetype>1</tolerancetype>");
    expect(xml).toMatch(/<dataset_item><number>1<\/number><value>[123]<\/value><\/dataset_item>/);
  });
});
