import { beforeAll, describe, expect, it } from "vitest";
import { shippedContent, WHOLE_CONTENT_TEST_TIMEOUT } from "@/tests/support/shipped-content";
import { parseFlashcards, toAnkiTsv } from "@/lib/interchange/flashcards";
import type { ImportedQuestion } from "@/lib/interchange/imported-question";
import { randomText, seededRandom, truncations } from "@/tests/fixtures/interchange/fuzz";

beforeAll(() => void shippedContent());

const defaults = { difficulty: 2 as const, terms: [] as string[], tags: [] as string[], explanation: "" };
const short = (
  line: number,
  prompt: string,
  answer: string,
  tags: string[] = [],
  explanation = "",
): ImportedQuestion => ({
  ...defaults,
  line,
  type: "short",
  prompt,
  accept: [answer],
  tags,
  explanation,
});
const open = (
  line: number,
  prompt: string,
  modelAnswer: string,
  tags: string[] = [],
  explanation = "",
): ImportedQuestion => ({
  ...defaults,
  line,
  type: "open",
  prompt,
  modelAnswer,
  rubric: [],
  tags,
  explanation,
});
const problemsOf = (text: string, delimiter?: "," | "\t" | "auto") =>
  parseFlashcards(text, { delimiter }).problems.map((problem) => `${problem.line}: ${problem.message}`);
const longAnswer = "Precision is the share of flagged items that are truly positive, TP / (TP + FP).";

describe("parseFlashcards", () => {
  it("reads Quizlet-style CSV with RFC 4180 quoting, a header row and tags", () => {
    const text = `front,back,tags
Precision?,TP / (TP + FP),metrics classification
"Comma, inside","She said ""hi""",
"Two
line front",short
Long one,"${longAnswer}"
Break in back,"line one
line two"
`;
    expect(parseFlashcards(text)).toEqual({
      questions: [
        short(2, "Precision?", "TP / (TP + FP)", ["metrics", "classification"]),
        short(3, "Comma, inside", 'She said "hi"'),
        short(4, "Two\nline front", "short"),
        open(6, "Long one", longAnswer),
        open(7, "Break in back", "line one\nline two"),
      ],
      problems: [],
    });
  });

  it("detects tabs from the first line, and takes the delimiter it is given", () => {
    expect(parseFlashcards("Q1\tA, with comma\ttag\nQ2\tA2").questions).toEqual([
      short(1, "Q1", "A, with comma", ["tag"]),
      short(2, "Q2", "A2"),
    ]);
    expect(parseFlashcards("Q1,A1\tstill back", { delimiter: "," }).questions).toEqual([
      short(1, "Q1", "A1\tstill back"),
    ]);
    expect(parseFlashcards("Q1\tA1,x", { delimiter: "\t" }).questions).toEqual([short(1, "Q1", "A1,x")]);
    expect(parseFlashcards("Q1,A1", { delimiter: "auto" }).questions).toEqual([short(1, "Q1", "A1")]);
  });

  it("honours Anki's header lines: separator, html, tags column, tags and other columns", () => {
    const text = `#separator:tab
#html:true
#notetype column:1
#tags column:4
#tags:imported
#deck:Default
Basic\tWhat is 2 &lt; 3?<br>Really?\ttrue<hr>Because &amp;lt; is an entity &#33; &#x41;&nbsp;end\tmath  logic
Basic\tSecond\tAn answer<br/>over two lines\t
`;
    expect(parseFlashcards(text)).toEqual({
      questions: [
        short(7, "What is 2 < 3?\nReally?", "true", ["imported", "math", "logic"], "Because &lt; is an entity ! A end"),
        open(8, "Second", "An answer\nover two lines", ["imported"]),
      ],
      problems: [],
    });
    expect(parseFlashcards("#separator:Comma\nQ1,A1\tx").questions).toEqual([short(2, "Q1", "A1\tx")]);
    expect(parseFlashcards("#separator:;\nQ1;A1").questions).toEqual([short(2, "Q1", "A1")]);
    expect(parseFlashcards("#separator:Pipe\nQ1|A1").questions).toEqual([short(2, "Q1", "A1")]);
    // Without #html:true, markup is text.
    expect(parseFlashcards("Q1,a<br>b<hr>c").questions).toEqual([short(1, "Q1", "a<br>b<hr>c")]);
  });

  it("skips blank and empty rows, and accepts CRLF and a BOM", () => {
    expect(parseFlashcards("\uFEFFfront,back\r\n\r\nQ1,A1\r\n,,\r\n  \r\nQ2,A2").questions).toEqual([
      short(3, "Q1", "A1"),
      short(6, "Q2", "A2"),
    ]);
  });

  it("reports each broken row with its first line, and still returns the valid ones", () => {
    const text = `Good,one
Only a front
,no front
No back,
"multi
line front",
Also good,two
`;
    const { questions, problems } = parseFlashcards(text);
    expect(questions.map((question) => question.line)).toEqual([1, 7]);
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      "2: a card needs a front and a back separated by a comma; this row has one field",
      "3: the front is empty",
      "4: the back is empty",
      "5: the back is empty",
    ]);
  });

  it("reports quotes that never close or are followed by text", () => {
    expect(parseFlashcards('Good,one\n"open,quote\nnever,closed\n').questions).toHaveLength(1);
    expect(problemsOf('Good,one\n"open,quote\nnever,closed\n')).toEqual([
      "2: unbalanced quotes: a quoted field on this row is never closed, so the rest of the file could not be read",
    ]);
    expect(problemsOf('"bad" tail,back\nGood,two')).toEqual([
      '1: text after a closing quote: inside a quoted field, write a quote as ""',
    ]);
    expect(parseFlashcards('"bad" tail,back\nGood,two').questions).toEqual([short(2, "Good", "two")]);
    expect(problemsOf('"a\nb" tail,back')).toEqual([
      '1: text after a closing quote: inside a quoted field, write a quote as ""',
    ]);
    expect(problemsOf('ok,"fine"   \nQ,"x" y')).toEqual([
      '2: text after a closing quote: inside a quoted field, write a quote as ""',
    ]);
    // A quote inside an unquoted field is text, as spreadsheets write 5" screens.
    expect(parseFlashcards('5" screen,small').questions).toEqual([short(1, '5" screen', "small")]);
  });

  it("reports a one-field row with the delimiter it looked for, and broken headers", () => {
    expect(problemsOf("Only a front", "\t")).toEqual([
      "1: a card needs a front and a back separated by a tab; this row has one field",
    ]);
    expect(problemsOf("#separator:;\nOnly a front")).toEqual([
      '2: a card needs a front and a back separated by ";"; this row has one field',
    ]);
    expect(problemsOf("#separator:Emoji\n#tags column:zero\nQ,A")).toEqual([
      '1: unknown separator "Emoji": use tab, comma, semicolon, pipe, colon, space or the character itself',
      '2: #tags column needs a column number (1 is the first column), not "zero"',
    ]);
  });

  it("refuses a row of more than 64 fields, reading on after it", () => {
    expect(problemsOf(`${"a,".repeat(64)}a\nFront,Back`)).toEqual([
      "1: more than 64 fields: a card is a front, a back and tags, with a few columns Anki adds",
    ]);
    expect(parseFlashcards(`${"a,".repeat(63)}a\nFront,Back`).problems).toEqual([]);
  });

  it("never throws on garbage or on a truncated file", () => {
    const random = seededRandom(99);
    const valid = toAnkiTsv([
      short(0, 'He said "go"\tnow', "yes", ["a"]),
      open(0, "Design", `${longAnswer}\n${longAnswer}`),
    ]);
    const inputs = [
      ...Array.from({ length: 400 }, () => randomText(random, ',\t"\n #:ab<>&;', Math.floor(random() * 60))),
      ...truncations(valid, 3),
      ...truncations('"a,""b""\nc",d\ne,f', 1),
    ];
    for (const input of inputs) {
      for (const delimiter of ["auto", ","] as const) {
        for (const problem of parseFlashcards(input, { delimiter }).problems)
          expect(problem.line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe("toAnkiTsv", () => {
  it("writes Anki's headers, HTML fields, the answer in words and the explanation after a rule", () => {
    const base = { ...defaults, line: 0 };
    const questions: ImportedQuestion[] = [
      {
        ...base,
        type: "single",
        prompt: "Which <metric>?",
        tags: ["metrics", "two words"],
        explanation: "Because.",
        choices: [
          { text: "Precision", correct: false },
          { text: "Recall & co", correct: true },
        ],
      },
      {
        ...base,
        type: "multiple",
        prompt: "Which ones?",
        choices: [
          { text: "a", correct: true },
          { text: "b", correct: false },
          { text: "c", correct: true },
        ],
      },
      { ...base, type: "true-false", prompt: "True?", answer: false },
      {
        ...base,
        type: "numeric",
        prompt: "Size?",
        answer: 12.5,
        tolerance: { kind: "relative", value: 0.07 },
        unit: "GiB",
      },
      { ...base, type: "numeric", prompt: "Exact?", answer: 3, tolerance: { kind: "absolute", value: 0.5 } },
      { ...base, type: "short", prompt: 'Say "hi"', accept: ["hi", "hello", "hey"] },
      {
        ...base,
        type: "open",
        prompt: "Design it.",
        modelAnswer: "Two\tstages.",
        rubric: ["Metric", "Latency"],
        explanation: "Funnel.",
      },
    ];
    expect(toAnkiTsv(questions).split("\n")).toEqual([
      "#separator:tab",
      "#html:true",
      "#tags column:3",
      "Which &lt;metric&gt;?<br><br>A. Precision<br>B. Recall &amp; co\tB. Recall &amp; co<hr>Because.\tmetrics two_words",
      "Which ones?<br><br>A. a<br>B. b<br>C. c\tA. a<br>C. c\t",
      "True?\tFalse\t",
      "Size?\t12.5 GiB (± 7%)\t",
      "Exact?\t3 (± 0.5)\t",
      '"Say ""hi"""\thi<hr>Also accepted: hello; hey\t',
      'Design it.\t"Two\tstages.<hr>Rubric:<br>- Metric<br>- Latency<br><br>Funnel."\t',
      "",
    ]);
  });

  it("starts no field with =, +, - or @, which spreadsheets would run as a formula, and reads the cards back", () => {
    const cards = [
      short(4, '=HYPERLINK("http://evil.example")', "-1", ["@risk", "plain"]),
      open(5, "+cmd|' /C calc'!A0", `@SUM(1+1) ${longAnswer}`, [], "-dash"),
    ];
    const tsv = toAnkiTsv(cards);
    for (const field of tsv
      .split("\n")
      .slice(3, 5)
      .flatMap((row) => row.split("\t")))
      expect(field).not.toMatch(/^"?[=+\-@\t\r]/);
    // HTML fields start with a character reference, which Anki shows as the character; the plain tags field gets CSV's quote mark.
    expect(tsv).toContain("&#61;HYPERLINK");
    expect(parseFlashcards(tsv).questions).toEqual([{ ...cards[0], tags: ["'@risk", "plain"] }, cards[1]]);
  });

  it("round-trips short and open questions: prompt, answer, explanation and tags", () => {
    const questions = [
      short(4, "What is 2 < 3 & 3 > 2?", "true", ["logic", "math"], "Both hold.\n\nSee <hr> here."),
      short(5, 'Quotes "and"\ttabs', "a, b", [], ""),
      short(6, "Literal &lt; entity", "&amp;", ["x"]),
      open(7, "Multi-line\nprompt", `${longAnswer}\n\nSecond paragraph.`, ["design"], "Why it works."),
      open(8, "Long answer", longAnswer),
    ];
    expect(parseFlashcards(toAnkiTsv(questions))).toEqual({ questions, problems: [] });
  });

  it(
    "round-trips the prompt, first accepted or model answer, and tags of every shipped short and open question",
    () => {
      const cards = shippedContent().questions.filter(
        (question) => question.type === "short" || question.type === "open",
      );
      expect(cards.length).toBeGreaterThan(10);
      const { questions, problems } = parseFlashcards(toAnkiTsv(cards));
      expect(problems).toEqual([]);
      const essentials = (question: ImportedQuestion) => ({
        type: question.type,
        prompt: question.prompt,
        answer: question.type === "short" ? question.accept[0] : question.type === "open" && question.modelAnswer,
        tags: question.tags,
      });
      expect(questions.map(essentials)).toEqual(cards.map(essentials));
    },
    WHOLE_CONTENT_TEST_TIMEOUT,
  );
});
