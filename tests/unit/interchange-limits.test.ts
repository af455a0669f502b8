import { describe, expect, it } from "vitest";
import { parseAiken } from "@/lib/interchange/aiken";
import { parseFlashcards } from "@/lib/interchange/flashcards";
import { parseGift } from "@/lib/interchange/gift";
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_PROBLEMS,
  MAX_IMPORT_QUESTIONS,
  type ImportResult,
} from "@/lib/interchange/imported-question";

/** Each parser with a valid and a broken question of its format (its problem on its first line), each taking `lines` lines. */
const formats: {
  name: string;
  parse: (text: string) => ImportResult;
  question: string;
  broken: string;
  lines: number;
}[] = [
  { name: "GIFT", parse: parseGift, question: "Is it?{T}\n\n", broken: "Is it?{\n\n", lines: 2 },
  {
    name: "Aiken",
    parse: parseAiken,
    question: "Which?\nA. x\nB. y\nANSWER: A\n\n",
    broken: "Which?\nA. x\nANSWER: A\n\n\n",
    lines: 5,
  },
  {
    name: "flashcards",
    parse: parseFlashcards,
    question: "Precision?,TP / (TP + FP)\n",
    broken: "Precision?\n",
    lines: 1,
  },
];

describe.each(formats)("$name import limits", ({ parse, question, broken, lines }) => {
  it("refuses a file over 2 MB, counting bytes rather than characters", () => {
    const tooLarge = {
      questions: [],
      problems: [{ line: 1, message: "the file is larger than 2 MB; split it into smaller files" }],
    };
    expect(parse(question.repeat(Math.ceil((MAX_IMPORT_BYTES + 1) / question.length)))).toEqual(tooLarge);
    // 1.1 M characters of "é" are 2.2 MB of UTF-8.
    expect(parse(question + "é".repeat(1_100_000))).toEqual(tooLarge);
  });

  it("keeps the first 5,000 questions and says where it stopped", () => {
    const { questions, problems } = parse(question.repeat(MAX_IMPORT_QUESTIONS + 2));
    expect(questions).toHaveLength(MAX_IMPORT_QUESTIONS);
    expect(problems).toEqual([
      {
        line: MAX_IMPORT_QUESTIONS * lines + 1,
        message: "the file has more than 5,000 questions; only those are kept, split it into smaller files",
      },
    ]);
    expect(parse(question.repeat(MAX_IMPORT_QUESTIONS)).problems).toEqual([]);
  });

  it("stops checking after 1,000 problems and says where", () => {
    const { questions, problems } = parse(question + broken.repeat(MAX_IMPORT_PROBLEMS + 5) + question);
    expect(questions).toHaveLength(1);
    expect(problems).toHaveLength(MAX_IMPORT_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({
      line: (MAX_IMPORT_PROBLEMS + 1) * lines + 1,
      message: "more than 1,000 problems; reading stopped here, fix these first",
    });
  });

  it("reads an empty file as no questions and no problems", () => {
    expect(parse("")).toEqual({ questions: [], problems: [] });
  });
});
