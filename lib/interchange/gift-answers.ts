import type { Choice, Question, Tolerance } from "@/lib/domain/question";
import { cleanText, splitUnescaped, unescapedIndexes, WEIGHT } from "./gift-escapes";
import { roundNumber, type DistributiveOmit } from "./imported-question";

/**
 * A GIFT answer block read into the type-specific fields of a question (gift.ts reads the rest of the
 * question around it), and the problem a reader throws when the file cannot say what it means.
 */

/** The type-specific part of a question: what an answer block decides. */
type AnswerFields = DistributiveOmit<Question, "id" | "difficulty" | "terms" | "tags" | "prompt" | "explanation">;
type GiftAnswer = { marker: "=" | "~"; weight?: number; text: string; feedback?: string; offset: number };
export type Locate = (offset: number) => number;

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
const TRUE_FALSE = new Map([
  ["T", true],
  ["TRUE", true],
  ["F", false],
  ["FALSE", false],
]);
/** Positive weights summing to within this of 100% count as 100% (thirds are written 33.33333). */
const WEIGHT_SUM_SLACK = 1;

export class GiftProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export type CommentSettings = { tags: string[]; tolerance?: Tolerance; unit?: string };

/** Decides the type from the answer block the way Moodle does, then reads it. */
export function readAnswers(answerText: string, generalFeedback: string, settings: CommentSettings, locate: Locate) {
  // Without general feedback, the feedback of a type that cannot keep it is the best explanation there is.
  const withFeedback = (fields: AnswerFields, feedback: (string | undefined)[]) => ({
    fields,
    explanation: generalFeedback || feedback.filter((text) => text).join("\n\n"),
  });
  if (answerText === "") return readEssay(generalFeedback);
  if (answerText.startsWith("#")) {
    const { fields, feedback } = readNumeric(answerText.slice(1), settings, (offset) => locate(offset + 1));
    return withFeedback(fields, [feedback]);
  }
  if (unescapedIndexes(answerText, "~").length > 0)
    return { fields: readChoices(answerText, locate), explanation: generalFeedback };
  if (unescapedIndexes(answerText, "=").length > 0 && answerText.includes("->")) {
    throw new GiftProblem(locate(0), "matching questions (=item -> match) are not supported");
  }
  const [value, ...feedback] = splitUnescaped(answerText, "#");
  const truth = TRUE_FALSE.get(value!.trim());
  if (truth !== undefined) return withFeedback({ type: "true-false", answer: truth }, feedback.map(cleanText));
  const accepted = splitAnswers(answerText, locate).filter((answer) => weightOf(answer) === 100);
  if (accepted.length === 0)
    throw new GiftProblem(locate(0), "no short answer is worth 100%: mark the accepted answers with =");
  return withFeedback(
    { type: "short", accept: accepted.map((answer) => answer.text) },
    accepted.map((answer) => answer.feedback),
  );
}

function readChoices(answerText: string, locate: Locate): AnswerFields {
  const answers = splitAnswers(answerText, locate);
  if (answers.length < 2) throw new GiftProblem(locate(0), "a multiple-choice question needs at least two answers");
  // Moodle's rule: an answer marked = makes it single-choice; with only ~ answers, several may be right.
  const single = answers.some((answer) => answer.marker === "=");
  const weights = answers.map(weightOf);
  const correct = weights.map((weight) => (single ? weight === 100 : weight > 0));
  const rightCount = correct.filter(Boolean).length;
  if (rightCount === 0) {
    throw new GiftProblem(
      locate(0),
      "no correct answer: mark the right answer with =, or give the right answers positive weights such as ~%50%",
    );
  }
  if (single && rightCount > 1) {
    throw new GiftProblem(
      locate(0),
      `${rightCount} answers are marked = (fully right), a single-choice question has one; for several right answers use weights such as ~%50%`,
    );
  }
  const positiveSum = weights.filter((weight) => weight > 0).reduce((sum, weight) => sum + weight, 0);
  if (!single && Math.abs(positiveSum - 100) > WEIGHT_SUM_SLACK) {
    throw new GiftProblem(locate(0), `the positive weights add up to ${roundNumber(positiveSum)}%, not 100%`);
  }
  const choices = answers.map((answer, index): Choice => ({
    text: answer.text,
    correct: correct[index]!,
    ...(answer.feedback ? { feedback: answer.feedback } : {}),
  }));
  return { type: single ? "single" : "multiple", choices };
}

/** `#3.14:0.01`, `#1..5`, or several `=answer` with the first 100% one taken. */
function readNumeric(
  text: string,
  settings: CommentSettings,
  locate: Locate,
): { fields: AnswerFields; feedback?: string } {
  const answers = unescapedIndexes(text, "=~").length > 0 ? splitAnswers(text, locate) : [readAnswer(text, "=", 0)];
  const chosen = answers.find((answer) => weightOf(answer) === 100);
  if (!chosen) throw new GiftProblem(locate(0), "no numeric answer is worth 100%: mark the right one with =");
  const line = locate(chosen.offset);
  // `from..to`, split at its first `..` past the first character (a regex such as /^(.+?)\.\.(.+)$/ retries from every dot).
  const dots = chosen.text.indexOf("..", 1);
  const [answer, tolerance] =
    dots > 0 && dots + 2 < chosen.text.length
      ? readRange(
          parseNumber(chosen.text.slice(0, dots), "range start", line),
          parseNumber(chosen.text.slice(dots + 2), "range end", line),
          line,
        )
      : readAnswerAndTolerance(chosen.text, line);
  return {
    fields: {
      type: "numeric",
      answer,
      tolerance: settings.tolerance ?? tolerance,
      ...(settings.unit ? { unit: settings.unit } : {}),
    },
    feedback: chosen.feedback,
  };
}

function readRange(from: number, to: number, line: number): [number, Tolerance] {
  if (from > to) throw new GiftProblem(line, `the range ${from}..${to} starts above its end`);
  return [(from + to) / 2, { kind: "absolute", value: (to - from) / 2 }];
}

function readAnswerAndTolerance(text: string, line: number): [number, Tolerance] {
  const [value, margin = "0", ...extra] = text.split(":");
  if (extra.length > 0)
    throw new GiftProblem(line, `the numeric answer "${text}" has more than one ':'; write answer:tolerance`);
  const tolerance = parseNumber(margin, "tolerance", line);
  if (tolerance < 0) throw new GiftProblem(line, `the tolerance ${tolerance} must not be negative`);
  return [parseNumber(value!, "numeric answer", line), { kind: "absolute", value: tolerance }];
}

function parseNumber(text: string, what: string, line: number): number {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) throw new GiftProblem(line, `the ${what} "${trimmed}" is not a number`);
  return Number(trimmed);
}

function readEssay(generalFeedback: string): { fields: AnswerFields; explanation: string } {
  const sections = new Map<string, string[]>([["model answer", []]]);
  let current = sections.get("model answer")!;
  for (const line of generalFeedback.split("\n")) {
    const heading = /^###\s+(rubric|explanation)\s*$/i.exec(line);
    if (heading) {
      current = [];
      sections.set(heading[1]!.toLowerCase(), current);
    } else {
      current.push(line);
    }
  }
  const section = (name: string) => (sections.get(name) ?? []).join("\n").trim();
  const rubric = (sections.get("rubric") ?? [])
    .filter((line) => /^[-*] /.test(line))
    .map((line) => line.slice(2).trim());
  return {
    fields: { type: "open", modelAnswer: section("model answer"), rubric },
    explanation: section("explanation"),
  };
}

/** The answers of a block, each starting at an unescaped = or ~; anything before the first one is an error. */
function splitAnswers(text: string, locate: Locate): GiftAnswer[] {
  const starts = unescapedIndexes(text, "=~");
  const lead = text.slice(0, starts[0] ?? text.length).trim();
  if (lead !== "") {
    throw new GiftProblem(
      locate(0),
      `unknown answer syntax "${lead.slice(0, 40)}": answers start with = (right) or ~ (wrong); use # for a number, T or F for true/false, {} for an essay`,
    );
  }
  return starts.map((start, index) => {
    const answer = readAnswer(text.slice(start + 1, starts[index + 1] ?? text.length), text[start] as "=" | "~", start);
    if (answer.text === "")
      throw new GiftProblem(locate(start), `an answer is empty: write its text after the ${answer.marker}`);
    return answer;
  });
}

/** One answer after its marker: an optional `%weight%`, the text, and `#feedback`. */
function readAnswer(raw: string, marker: "=" | "~", offset: number): GiftAnswer {
  const trimmed = raw.trim();
  const weight = WEIGHT.exec(trimmed);
  const [text, ...feedback] = splitUnescaped(weight ? trimmed.slice(weight[0].length) : trimmed, "#");
  return {
    marker,
    ...(weight ? { weight: Number(weight[1]) } : {}),
    text: cleanText(text!),
    ...(feedback.length > 0 ? { feedback: cleanText(feedback.join("#")) } : {}),
    offset,
  };
}

function weightOf(answer: GiftAnswer): number {
  return answer.weight ?? (answer.marker === "=" ? 100 : 0);
}
