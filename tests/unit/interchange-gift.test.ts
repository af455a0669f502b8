import { beforeAll, describe, expect, it } from "vitest";
import { parseGift } from "@/lib/interchange/gift";
import { toGift } from "@/lib/interchange/gift-export";
import { toFixedQuestion, type ImportedQuestion } from "@/lib/interchange/imported-question";
import { randomText, seededRandom, truncations } from "@/tests/fixtures/interchange/fuzz";
import { imported, portable } from "@/tests/support/imported-questions";
import { shippedContent, WHOLE_CONTENT_TEST_TIMEOUT } from "@/tests/support/shipped-content";

beforeAll(() => void shippedContent());

const problemsOf = (text: string) => parseGift(text).problems.map((problem) => `${problem.line}: ${problem.message}`);

describe("parseGift", () => {
  it("reads every question type with titles, feedback and general feedback", () => {
    const text = `// A quiz with every type
::Precision::[markdown]Which metric ignores false negatives?{
  =Precision#It only looks at what was flagged.
  ~Recall#Recall is all about false negatives.
  ####Precision is TP / (TP + FP).
}

::Both::Which use true positives? {
  ~%50%Precision
  ~%50%Recall#Both have TP in the numerator.
  ~%-100%Specificity
}

The sun rises in the west.{F#No, it rises in the east.#Right, it does not.}

Recall depends on false positives.{FALSE####It does not.}

Precision can reach 1.{T}

Name TP / (TP + FP).{=precision =PPV#Also called positive predictive value.}

::Pi::What is pi to two decimals?{#3.14:0.01####Three point one four.}

::Essay::Design a feed ranker.{}
`;
    const { questions, problems } = parseGift(text);
    expect(problems).toEqual([]);
    expect(questions).toEqual([
      imported({
        line: 2,
        title: "Precision",
        type: "single",
        prompt: "Which metric ignores false negatives?",
        explanation: "Precision is TP / (TP + FP).",
        choices: [
          { text: "Precision", correct: true, feedback: "It only looks at what was flagged." },
          { text: "Recall", correct: false, feedback: "Recall is all about false negatives." },
        ],
      }),
      imported({
        line: 8,
        title: "Both",
        type: "multiple",
        prompt: "Which use true positives?",
        choices: [
          { text: "Precision", correct: true },
          { text: "Recall", correct: true, feedback: "Both have TP in the numerator." },
          { text: "Specificity", correct: false },
        ],
      }),
      imported({
        line: 14,
        type: "true-false",
        prompt: "The sun rises in the west.",
        answer: false,
        explanation: "No, it rises in the east.\n\nRight, it does not.",
      }),
      imported({
        line: 16,
        type: "true-false",
        prompt: "Recall depends on false positives.",
        answer: false,
        explanation: "It does not.",
      }),
      imported({ line: 18, type: "true-false", prompt: "Precision can reach 1.", answer: true }),
      imported({
        line: 20,
        type: "short",
        prompt: "Name TP / (TP + FP).",
        accept: ["precision", "PPV"],
        explanation: "Also called positive predictive value.",
      }),
      imported({
        line: 22,
        title: "Pi",
        type: "numeric",
        prompt: "What is pi to two decimals?",
        answer: 3.14,
        tolerance: { kind: "absolute", value: 0.01 },
        explanation: "Three point one four.",
      }),
      imported({
        line: 24,
        title: "Essay",
        type: "open",
        prompt: "Design a feed ranker.",
        modelAnswer: "",
        rubric: [],
      }),
    ]);
  });

  it("accepts T, TRUE, F and FALSE", () => {
    const answers = parseGift("A.{T}\n\nB.{TRUE}\n\nC.{F}\n\nD.{FALSE}").questions.map(
      (question) => question.type === "true-false" && question.answer,
    );
    expect(answers).toEqual([true, true, false, false]);
  });

  it("sets tags from $CATEGORY lines and [tag:…] comments", () => {
    const text = `$CATEGORY: $course$/top/metrics/classification

First.{T}

// [id:Q2] [tag:ranking] [tag:with \\] bracket]
Second.{T}

$CATEGORY: a//b/c
Third.{T}

$CATEGORY: $course$/top

Fourth.{T}
`;
    expect(parseGift(text).questions.map((question) => question.tags)).toEqual([
      ["metrics", "classification"],
      ["metrics", "classification", "ranking", "with ] bracket"],
      ["a/b", "c"],
      [],
    ]);
  });

  it("ignores comment lines anywhere, and keeps format markers out of the text", () => {
    const text = `// question: 12  name: imported from Moodle
::Q1::[html]<p>Which is <b>right</b>?</p>{
  // the right one
  =[plain]this one#[markdown]**yes**
  ~that one
  ####[html]<i>because</i>
}`;
    expect(parseGift(text).questions[0]).toEqual(
      imported({
        line: 2,
        title: "Q1",
        type: "single",
        prompt: "<p>Which is <b>right</b>?</p>",
        explanation: "<i>because</i>",
        choices: [
          { text: "this one", correct: true, feedback: "**yes**" },
          { text: "that one", correct: false },
        ],
      }),
    );
  });

  it("unescapes \\~ \\= \\# \\{ \\} \\: \\n and \\\\ in text and answers", () => {
    const text = String.raw`::a\:b::Is \{x\} \= y\: \~z \#1?\nNext line, C:\\dir, \frac\{1\}\{2\}{
  =yes \= \~ \# \{\}#fine \: \# ok
  ~no
}`;
    expect(parseGift(text).questions[0]).toMatchObject({
      title: "a:b",
      prompt: "Is {x} = y: ~z #1?\nNext line, C:\\dir, \\frac{1}{2}",
      choices: [
        { text: "yes = ~ # {}", correct: true, feedback: "fine : # ok" },
        { text: "no", correct: false },
      ],
    });
  });

  it("reads the missing-word format as a prompt with a blank", () => {
    const { questions } = parseGift(
      "Grant is {~buried =entombed ~living} in Grant's tomb.\n\n{=Paris} is the capital of France.",
    );
    expect(questions.map((question) => question.prompt)).toEqual([
      "Grant is ___ in Grant's tomb.",
      "___ is the capital of France.",
    ]);
    expect(questions[0]).toMatchObject({
      type: "single",
      choices: [{ correct: false }, { text: "entombed", correct: true }, { correct: false }],
    });
  });

  it("reads numeric ranges, several answers, and a missing tolerance as exact", () => {
    const text = `Between 1 and 5?{#1..5}

Negative range?{#-3..-1}

When was Grant born?{#
  =%50%1820:5#Close.
  =1822:0#Exactly.
  =1822:2
}

Exact?{#42}

Scientific?{#-1.5e3:2.5e1#Feedback only.}

Pi again?{# =3.14:0.01 =3.1:0.1}`;
    const numerics = parseGift(text).questions.map((question) =>
      question.type === "numeric" ? [question.answer, question.tolerance.value, question.explanation] : question.type,
    );
    expect(numerics).toEqual([
      [3, 2, ""],
      [-2, 1, ""],
      [1822, 0, "Exactly."],
      [42, 0, ""],
      [-1500, 25, "Feedback only."],
      [3.14, 0.01, ""],
    ]);
  });

  it("reads a relative tolerance and a unit from this module's comments", () => {
    const text = "// [tolerance:2%] [unit:GiB]\nHow big?{#12.5:0.25}\n\n// [tolerance:0.5]\nHow far?{#10:1}";
    expect(parseGift(text).questions).toMatchObject([
      { type: "numeric", answer: 12.5, tolerance: { kind: "relative", value: 0.02 }, unit: "GiB" },
      { type: "numeric", answer: 10, tolerance: { kind: "absolute", value: 0.5 } },
    ]);
  });

  it("reads an essay's general feedback as model answer, rubric and explanation", () => {
    const text = String.raw`Design a cache.{####Use paging.\nEvict by LRU.\n\n### Rubric\n- Mentions memory\n* Mentions batching\nnot a point\n\n### Explanation\nMemory is the constraint.}

Plain essay.{####Just a model answer.}`;
    expect(parseGift(text).questions).toEqual([
      imported({
        line: 1,
        type: "open",
        prompt: "Design a cache.",
        modelAnswer: "Use paging.\nEvict by LRU.",
        rubric: ["Mentions memory", "Mentions batching"],
        explanation: "Memory is the constraint.",
      }),
      imported({ line: 3, type: "open", prompt: "Plain essay.", modelAnswer: "Just a model answer.", rubric: [] }),
    ]);
  });

  it("writes each rubric point on one line, so that a line break in one cannot start a point or a section", () => {
    const essay = imported({
      line: 1,
      type: "open",
      prompt: "Design a cache.",
      modelAnswer: "Use paging.",
      rubric: ["Memory\n### Explanation\nInjected", "Batching\n- too"],
      explanation: "Why.",
    });
    expect(parseGift(toGift([essay])).questions).toEqual([
      { ...essay, rubric: ["Memory ### Explanation Injected", "Batching - too"] },
    ]);
  });

  it("treats partial credit as the domain can: right in multiple-answer, wrong in single-choice and short answers", () => {
    const text = `Thirds?{~%33.33333%a ~%33.33333%b ~%33.33333%c ~d}

Single with partial?{=best ~%50%half ~wrong}

Short with partial?{=exact =%50%close}`;
    const { questions, problems } = parseGift(text);
    expect(problems).toEqual([]);
    expect(questions).toMatchObject([
      { type: "multiple", choices: [{ correct: true }, { correct: true }, { correct: true }, { correct: false }] },
      { type: "single", choices: [{ correct: true }, { text: "half", correct: false }, { correct: false }] },
      { type: "short", accept: ["exact"] },
    ]);
  });

  it("accepts CRLF line ends and a BOM", () => {
    expect(
      parseGift("\uFEFF::T::Q?{T}\r\n\r\nR?{F}\r\n").questions.map((question) => [
        question.line,
        question.title,
        question.prompt,
      ]),
    ).toEqual([
      [1, "T", "Q?"],
      [3, undefined, "R?"],
    ]);
  });

  it("reports each broken question with its line, and still returns the valid ones", () => {
    const text = `Good one.{T}

Unclosed {=a ~b

No right answer?{~a ~b}

Not a number?{#abc:1}

Bad tolerance?{#5:x}

Unknown?{maybe}

::Title:: {=a ~b}

Also good.{=yes}
`;
    const { questions, problems } = parseGift(text);
    expect(questions.map((question) => question.line)).toEqual([1, 15]);
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      "3: unclosed {: the answer block has no closing }",
      "5: no correct answer: mark the right answer with =, or give the right answers positive weights such as ~%50%",
      '7: the numeric answer "abc" is not a number',
      '9: the tolerance "x" is not a number',
      '11: unknown answer syntax "maybe": answers start with = (right) or ~ (wrong); use # for a number, T or F for true/false, {} for an essay',
      "13: empty question text: write the question before its answer block",
    ]);
  });

  it("points at the line of the answer block or answer that is wrong", () => {
    expect(problemsOf("::Multi-line::\nQuestion text\non two lines\n{=a ~b\n~c")).toEqual([
      "4: unclosed {: the answer block has no closing }",
    ]);
    expect(problemsOf("Q?\n{\n~a\n~b\n}")).toEqual([
      "3: no correct answer: mark the right answer with =, or give the right answers positive weights such as ~%50%",
    ]);
    expect(problemsOf("Q?{#\n=%50%1\n=two\n}")).toEqual(['3: the numeric answer "two" is not a number']);
    expect(problemsOf("Q?{\n=a\n~\n}")).toEqual(["3: an answer is empty: write its text after the ~"]);
  });

  it("reports every other kind of malformed question clearly", () => {
    const cases: [string, string][] = [
      ["Just text, no answers.", "1: no answer block: a GIFT question needs its answers in {…} ({} for an essay)"],
      ["Q? } {=a}", "1: a } with no { before it: write \\} for a literal brace"],
      ["Q?{=a} and }", "1: a } with no { before it: write \\} for a literal brace"],
      ["Q? {=a ~b\nR? {=c ~d}", "1: unclosed {: another { starts before this answer block is closed"],
      [
        "Q? {=a ~b}\nR? {=c ~d}",
        "2: a second answer block: a question has one {…}; separate questions with a blank line",
      ],
      ["::Title without end Q?{T}", "1: the title is not closed: write it as ::Title:: before the question text"],
      ["Match.{=a -> 1 =b -> 2}", "1: matching questions (=item -> match) are not supported"],
      ["One answer?{~%100%a}", "1: a multiple-choice question needs at least two answers"],
      [
        "Two right?{=a =b ~c}",
        "1: 2 answers are marked = (fully right), a single-choice question has one; for several right answers use weights such as ~%50%",
      ],
      ["Half?{~%50%a ~%25%b ~c}", "1: the positive weights add up to 75%, not 100%"],
      ["Too much?{~%50%a ~%50%b ~%50%c}", "1: the positive weights add up to 150%, not 100%"],
      ["Range?{#5..1}", "1: the range 5..1 starts above its end"],
      ["Range?{#1..x}", '1: the range end "x" is not a number'],
      ["Negative?{#5:-1}", "1: the tolerance -1 must not be negative"],
      ["Colons?{#5:1:2}", "1: the numeric answer \"5:1:2\" has more than one ':'; write answer:tolerance"],
      ["Empty numeric?{#}", '1: the numeric answer "" is not a number'],
      ["No full credit?{#=%50%5 ~6}", "1: no numeric answer is worth 100%: mark the right one with ="],
      ["Partial short?{=%50%almost}", "1: no short answer is worth 100%: mark the accepted answers with ="],
      [
        "Junk first?{junk =a ~b}",
        '1: unknown answer syntax "junk": answers start with = (right) or ~ (wrong); use # for a number, T or F for true/false, {} for an essay',
      ],
      ["// [tolerance:lots]\nQ?{#5}", "1: [tolerance:lots] needs a number or a percentage such as 2%"],
      ["{}", "1: empty question text: write the question before its answer block"],
    ];
    for (const [text, problem] of cases) expect(problemsOf(text), text).toEqual([problem]);
  });

  it(
    "never throws on garbage or on a truncated file",
    () => {
      const random = seededRandom(20240607);
      const valid = toGift(shippedQuestions().slice(0, 6));
      const inputs = [
        ...Array.from({ length: 400 }, () => randomText(random, "{}=~#:%\\/$[]->.\n abT1", Math.floor(random() * 80))),
        ...truncations(valid, 11),
        "\\",
        "{",
        "}",
        "::",
        "$CATEGORY:",
        "//",
      ];
      for (const input of inputs) {
        const result = parseGift(input);
        for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      }
    },
    WHOLE_CONTENT_TEST_TIMEOUT,
  );
});

describe("toGift", () => {
  it("writes Moodle-readable GIFT with categories, titles, weights and general feedback", () => {
    const questions: ImportedQuestion[] = [
      imported({
        line: 1,
        title: "Pick",
        type: "single",
        tags: ["metrics"],
        prompt: "Which?",
        explanation: "Because.",
        choices: [
          { text: "A", correct: true, feedback: "Yes." },
          { text: "B", correct: false },
        ],
      }),
      imported({
        line: 2,
        type: "multiple",
        tags: ["metrics"],
        prompt: "Which ones?",
        choices: [
          { text: "A", correct: true },
          { text: "B", correct: true },
          { text: "C", correct: true },
          { text: "D", correct: false },
        ],
      }),
      imported({
        line: 3,
        type: "numeric",
        prompt: "How big?",
        answer: 12.5,
        tolerance: { kind: "relative", value: 0.02 },
        unit: "GiB",
      }),
    ];
    expect(toGift(questions)).toBe(`$CATEGORY: metrics

::Pick::[markdown]Which? {
\t=A#Yes.
\t~B
\t####Because.
}

[markdown]Which ones? {
\t~%33.33333%A
\t~%33.33333%B
\t~%33.33333%C
\t~%-100%D
}

$CATEGORY: $course$/top

// [tolerance:2%] [unit:GiB]
[markdown]How big? {
\t#12.5:0.25
}
`);
    expect(toGift([])).toBe("");
  });

  it("round-trips every type, including text that looks like GIFT syntax", () => {
    const awkward = "Is {x} = ~y #1: a\\b, \\frac{1}{2}, \\n, C:\\ and \\\\?\n\nSecond paragraph.\n// not a comment";
    const questions: ImportedQuestion[] = [
      imported({
        line: 0,
        title: "Title: with :: colons",
        type: "single",
        tags: ["a/b", "c"],
        prompt: awkward,
        explanation: "[html] is text here, and so is ####.",
        choices: [
          { text: "%50% of users", correct: true, feedback: "#1 = best" },
          { text: "[plain] looks like a marker", correct: false, feedback: "~tilde" },
          { text: "ends with a backslash \\", correct: false },
        ],
      }),
      imported({
        line: 0,
        type: "multiple",
        tags: ["a/b", "c"],
        prompt: "$CATEGORY: not a category",
        choices: [
          { text: "%10% one", correct: true },
          { text: "two", correct: true, feedback: "right" },
          { text: "three", correct: false },
          { text: "four", correct: true },
          { text: "five", correct: true },
          { text: "six", correct: true },
          { text: "seven", correct: true },
        ],
      }),
      imported({ line: 0, type: "true-false", prompt: "True?", answer: true, explanation: "Yes." }),
      imported({ line: 0, type: "true-false", prompt: "False?", answer: false }),
      imported({
        line: 0,
        type: "numeric",
        prompt: "Absolute?",
        answer: -0.5,
        tolerance: { kind: "absolute", value: 0.05 },
        explanation: "Half.",
      }),
      imported({
        line: 0,
        type: "numeric",
        prompt: "Relative?",
        answer: 1e21,
        tolerance: { kind: "relative", value: 0.07 },
        unit: "ops [peak]",
      }),
      imported({
        line: 0,
        type: "short",
        prompt: "Name it.",
        accept: ["two-tower model", "dual encoder", "%5% off", "T"],
        explanation: "Two towers.",
      }),
      imported({
        line: 0,
        type: "open",
        prompt: "Design it.",
        modelAnswer: "Two stages.\n\n- a list in the answer\n\nThen more.",
        rubric: ["Clarifies the objective", "Splits retrieval: cheap, high recall"],
        explanation: "The funnel.",
      }),
      imported({ line: 0, type: "open", prompt: "Bare essay.", modelAnswer: "", rubric: [] }),
      imported({ line: 0, type: "open", prompt: "Rubric only.", modelAnswer: "", rubric: ["one point"] }),
    ];
    const { questions: back, problems } = parseGift(toGift(questions));
    expect(problems).toEqual([]);
    expect(back.map(portable)).toEqual(questions.map(portable));
  });

  it(
    "round-trips every shipped question, with its id as the title (a calculated one as its first draw)",
    () => {
      const questions = shippedQuestions();
      expect(questions.length).toBeGreaterThan(50);
      const { questions: back, problems } = parseGift(toGift(questions));
      expect(problems).toEqual([]);
      expect(back.map(portable)).toEqual(
        questions.map((question) => ({ ...portable(toFixedQuestion(question)), title: question.id })),
      );
    },
    WHOLE_CONTENT_TEST_TIMEOUT,
  );

  it("escapes any text so that it reads back unchanged", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 300; run++) {
      const text = randomText(random, "~=#{}:\\n\n %[]/ab", 1 + Math.floor(random() * 24)).trim() || "x";
      const question = imported({
        line: 0,
        title: text,
        type: "short",
        prompt: text,
        accept: [text],
        explanation: text,
      });
      const back = parseGift(toGift([question])).questions[0];
      expect(back && portable(back), JSON.stringify(text)).toEqual(portable(question));
    }
  });
});

const shippedQuestions = () => shippedContent().questions;
