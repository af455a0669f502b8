import { toleranceValue, type Choice, type Question, type Tolerance } from "@/lib/domain/question";
import {
  importedFields,
  reachedImportCap,
  rubricLines,
  runImport,
  type DistributiveOmit,
  toFixedQuestion,
  type ExportableQuestion,
  type FixedQuestion,
  type ImportedQuestion,
  type ImportProblem,
  type ImportResult,
} from "./imported-question";

/**
 * Moodle's GIFT text format, read and written. Where GIFT and the domain differ:
 * - `$CATEGORY: a/b` gives the questions after it the tags ["a", "b"] (`//` is a literal slash; a leading
 *   Moodle context such as `$course$/top` is dropped); Moodle's `// [tag:x]` comments add tags too.
 *   toGift writes each change of tags as a `$CATEGORY:` line, and `$CATEGORY: $course$/top` for none.
 * - An essay's general feedback is the model answer; a `### Rubric` bullet list and an `### Explanation`
 *   section after it become the rubric and the explanation, which is how toGift writes open questions.
 * - The domain has no partial credit: in a multiple-answer question (no `=`) every positive weight marks
 *   a right choice and the positive weights must add up to 100%; in single-choice and short-answer
 *   questions only 100% answers count as right. toGift gives right choices equal shares and wrong ones
 *   -100%, which is as close as Moodle gets to all-or-nothing grading.
 * - GIFT tolerances are absolute and it has no units: toGift writes the absolute equivalent and keeps a
 *   relative tolerance or a unit in `// [tolerance:2%]` / `// [unit:GiB]` comments, which Moodle ignores.
 * - True/false, numeric and short answers have nowhere to keep per-answer feedback: without general
 *   feedback, it becomes the explanation.
 * Escapes follow Moodle: `\~ \= \# \{ \} \:` are the characters, `\n` a line break and `\\` a backslash.
 */

/** The type-specific part of a question: what an answer block decides. */
type AnswerFields = DistributiveOmit<Question, "id" | "difficulty" | "terms" | "tags" | "prompt" | "explanation">;
type SourceLine = { text: string; line: number };
type Block = { lines: SourceLine[]; comments: SourceLine[] };
type GiftAnswer = { marker: "=" | "~"; weight?: number; text: string; feedback?: string; offset: number };
type Locate = (offset: number) => number;

const ESCAPABLE = "~=#{}:\\n";
const FORMAT_MARKER = /^\[(?:html|markdown|plain|moodle)\]/;
const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
const CATEGORY_LINE = /^\s*\$CATEGORY:(.*)$/;
const SETTING_START = /\[(tag|tolerance|unit):/;
/** A `]` that ends a comment setting: one not escaped as `\]`. */
const CLOSING_BRACKET = /(?<!\\)\]/;
const TRUE_FALSE = new Map([
  ["T", true],
  ["TRUE", true],
  ["F", false],
  ["FALSE", false],
]);
/** Positive weights summing to within this of 100% count as 100% (thirds are written 33.33333). */
const WEIGHT_SUM_SLACK = 1;
/** The category that holds questions without tags: Moodle's top category of the course. */
const NO_CATEGORY = "$course$/top";

class GiftProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseGift(text: string): ImportResult {
  return runImport(text, (source) => {
    const questions: ImportedQuestion[] = [];
    const problems: ImportProblem[] = [];
    let categoryTags: string[] = [];
    for (const block of splitBlocks(source)) {
      const category = CATEGORY_LINE.exec(block.lines[0]?.text ?? "");
      if (category) categoryTags = tagsFromCategory(category[1]!);
      const lines = category ? block.lines.slice(1) : block.lines;
      if (lines.length === 0) continue;
      try {
        questions.push(readQuestion(lines, block.comments, categoryTags));
      } catch (error) {
        if (!(error instanceof GiftProblem)) throw error;
        problems.push({ line: error.line, message: error.message });
      }
      if (reachedImportCap({ questions, problems })) break;
    }
    return { questions, problems };
  });
}

/** Questions are separated by blank lines; `//` comment lines belong to the question they sit in. */
function* splitBlocks(source: string): Generator<Block> {
  let block: Block = { lines: [], comments: [] };
  for (const [index, text] of source.split("\n").entries()) {
    const trimmed = text.trim();
    if (trimmed !== "") {
      (trimmed.startsWith("//") ? block.comments : block.lines).push({ text, line: index + 1 });
    } else if (block.lines.length + block.comments.length > 0) {
      yield block;
      block = { lines: [], comments: [] };
    }
  }
  yield block;
}

function readQuestion(lines: SourceLine[], comments: SourceLine[], categoryTags: string[]): ImportedQuestion {
  const source = lines.map((line) => line.text).join("\n");
  const locate: Locate = (offset) => {
    let end = 0;
    for (const line of lines) {
      end += line.text.length + 1;
      if (offset < end) return line.line;
    }
    return lines[lines.length - 1]!.line;
  };
  const firstLine = lines[0]!.line;

  let textStart = leadingSpace(source);
  let title: string | undefined;
  if (source.startsWith("::", textStart)) {
    const titleEnd = indexOfUnescaped(source, "::", textStart + 2);
    if (titleEnd < 0)
      throw new GiftProblem(firstLine, "the title is not closed: write it as ::Title:: before the question text");
    title = cleanText(source.slice(textStart + 2, titleEnd));
    textStart = titleEnd + 2;
  }

  const open = indexOfUnescaped(source, "{", textStart);
  const close = indexOfUnescaped(source, "}", textStart);
  if (close >= 0 && (open < 0 || close < open)) throw strayClosingBrace(locate(close));
  if (open < 0)
    throw new GiftProblem(firstLine, "no answer block: a GIFT question needs its answers in {…} ({} for an essay)");
  if (close < 0) throw new GiftProblem(locate(open), "unclosed {: the answer block has no closing }");
  const nestedOpen = indexOfUnescaped(source, "{", open + 1);
  if (nestedOpen >= 0 && nestedOpen < close) {
    throw new GiftProblem(locate(open), "unclosed {: another { starts before this answer block is closed");
  }
  const secondOpen = indexOfUnescaped(source, "{", close + 1);
  if (secondOpen >= 0) {
    throw new GiftProblem(
      locate(secondOpen),
      "a second answer block: a question has one {…}; separate questions with a blank line",
    );
  }
  const secondClose = indexOfUnescaped(source, "}", close + 1);
  if (secondClose >= 0) throw strayClosingBrace(locate(secondClose));

  // Text on both sides of the answers is Moodle's missing-word format: the answers fill the blank.
  const before = source.slice(textStart, open).trimStart().replace(FORMAT_MARKER, "");
  const after = source.slice(close + 1);
  const prompt = unescapeGift(after.trim() === "" ? before : `${before}___${after}`).trim();
  if (prompt === "")
    throw new GiftProblem(firstLine, "empty question text: write the question before its answer block");

  const body = source.slice(open + 1, close);
  const generalFeedbackAt = indexOfUnescaped(body, "####");
  const answerText = (generalFeedbackAt < 0 ? body : body.slice(0, generalFeedbackAt)).trim();
  const generalFeedback = generalFeedbackAt < 0 ? "" : cleanText(body.slice(generalFeedbackAt + 4));
  const answersStart = open + 1 + leadingSpace(body);
  const settings = readCommentSettings(comments);
  const { fields, explanation } = readAnswers(answerText, generalFeedback, settings, (offset) =>
    locate(answersStart + offset),
  );
  return {
    ...importedFields({
      line: firstLine,
      prompt,
      title,
      tags: [...new Set([...categoryTags, ...settings.tags])],
      explanation,
    }),
    ...fields,
  };
}

function strayClosingBrace(line: number) {
  return new GiftProblem(line, "a } with no { before it: write \\} for a literal brace");
}

type CommentSettings = { tags: string[]; tolerance?: Tolerance; unit?: string };

/** Moodle's `[tag:x]` comments, and this module's `[tolerance:…]` and `[unit:…]` for what GIFT cannot say. */
function readCommentSettings(comments: SourceLine[]): CommentSettings {
  const settings: CommentSettings = { tags: [] };
  for (const comment of comments) {
    for (const [key, raw] of settingsIn(comment.text)) {
      const value = raw.replaceAll("\\]", "]").trim();
      if (key === "tag" && value !== "") settings.tags.push(value);
      if (key === "unit" && value !== "") settings.unit = value;
      if (key === "tolerance") {
        const tolerance = /^(\d+(?:\.\d+)?)(%?)$/.exec(value);
        if (!tolerance)
          throw new GiftProblem(comment.line, `[tolerance:${value}] needs a number or a percentage such as 2%`);
        const amount = Number(tolerance[1]);
        settings.tolerance = tolerance[2]
          ? { kind: "relative", value: amount / 100 }
          : { kind: "absolute", value: amount };
      }
    }
  }
  return settings;
}

/**
 * The `[key:value]` settings of a comment line. The line is split at its closing brackets first, each
 * piece holding at most one setting: a regex would scan the rest of the line again from every `[tag:`
 * that is never closed, quadratic in the line's length.
 */
function settingsIn(comment: string): [key: string, raw: string][] {
  const pieces = comment.split(CLOSING_BRACKET);
  pieces.pop(); // after the last closing bracket, nothing is closed
  return pieces.flatMap((piece) => {
    const start = SETTING_START.exec(piece);
    return start ? [[start[1]!, piece.slice(start.index + start[0].length)] as [string, string]] : [];
  });
}

/** Decides the type from the answer block the way Moodle does, then reads it. */
function readAnswers(answerText: string, generalFeedback: string, settings: CommentSettings, locate: Locate) {
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

/**
 * The first offset from `from` on that is not inside an escape sequence (`\~`, `\n`, `\\`… count as one
 * character) and passes `test`, or -1. A plain loop: these scans run over whole files.
 */
function findUnescaped(text: string, from: number, test: (index: number) => boolean): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === "\\" && index + 1 < text.length && ESCAPABLE.includes(text[index + 1]!)) index++;
    else if (test(index)) return index;
  }
  return -1;
}

function unescapedIndexes(text: string, characters: string): number[] {
  const found: number[] = [];
  findUnescaped(text, 0, (index) => {
    if (characters.includes(text[index]!)) found.push(index);
    return false;
  });
  return found;
}

function indexOfUnescaped(text: string, target: string, from = 0): number {
  return findUnescaped(text, from, (index) => text.startsWith(target, index));
}

function splitUnescaped(text: string, character: string): string[] {
  const cuts = unescapedIndexes(text, character);
  return [-1, ...cuts].map((cut, index) => text.slice(cut + 1, cuts[index] ?? text.length));
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

/** A text field as written in the file: without its format marker, unescaped, trimmed. */
function cleanText(raw: string): string {
  return unescapeGift(raw.trim().replace(FORMAT_MARKER, "")).trim();
}

function unescapeGift(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_, character: string) => (character === "n" ? "\n" : character));
}

/** `a/b` → ["a", "b"]; `//` is a slash inside a name; a Moodle context such as `$course$/top` is not a tag. */
function tagsFromCategory(path: string): string[] {
  const segments = path
    .replaceAll("//", "\u0000")
    .split("/")
    .map((segment) => segment.replaceAll("\u0000", "/").trim())
    .filter((segment) => segment !== "");
  if (/^\$\w+\$$/.test(segments[0] ?? "")) segments.splice(0, segments[1] === "top" ? 2 : 1);
  return segments;
}

export function toGift(questions: ExportableQuestion[]): string {
  const blocks: string[] = [];
  let categoryTags: string[] = [];
  for (const question of questions.map(toFixedQuestion)) {
    if (question.tags.join("\u0000") !== categoryTags.join("\u0000")) {
      const path = question.tags.map((tag) => tag.replaceAll("/", "//")).join("/");
      blocks.push(`$CATEGORY: ${path || NO_CATEGORY}`);
      categoryTags = question.tags;
    }
    blocks.push(writeQuestion(question));
  }
  return blocks.map((block) => `${block}\n`).join("\n");
}

function writeQuestion(question: FixedQuestion): string {
  const title = "id" in question ? question.id : question.title;
  // The prompt is Markdown, and the marker also keeps a prompt that starts with // or $ from being misread.
  const head = `${title ? `::${escapeGift(title)}::` : ""}[markdown]${escapeGift(question.prompt)}`;
  const comment = question.type === "numeric" ? numericComment(question) : "";
  return `${comment ? `${comment}\n` : ""}${head} ${answerBlock(question)}`;
}

function answerBlock(question: FixedQuestion): string {
  const block = (answers: string[], generalFeedback = question.explanation) => {
    const lines = [...answers, ...(generalFeedback ? [`####${escapeText(generalFeedback)}`] : [])];
    return lines.length === 0 ? "{}" : `{\n${lines.map((line) => `\t${line}`).join("\n")}\n}`;
  };
  switch (question.type) {
    case "single":
      return block(
        question.choices.map(
          (choice) => `${choice.correct ? "=" : "~"}${writeChoice(choice, choice.correct ? 100 : 0)}`,
        ),
      );
    case "multiple": {
      // Five decimals, as Moodle writes fractions such as 33.33333.
      const share = Number((100 / Math.max(1, question.choices.filter((choice) => choice.correct).length)).toFixed(5));
      return block(question.choices.map((choice) => `~%${choice.correct ? share : -100}%${writeChoice(choice)}`));
    }
    case "true-false":
      return block([question.answer ? "TRUE" : "FALSE"]);
    case "numeric": {
      const { answer, tolerance } = question;
      const margin = tolerance.kind === "absolute" ? tolerance.value : roundNumber(tolerance.value * Math.abs(answer));
      return block([`#${answer}:${margin}`]);
    }
    case "short":
      return block(question.accept.map((answer) => `=${writeChoice({ text: answer }, 100)}`));
    case "open":
      return block([], essayFeedback(question.modelAnswer, question.rubric, question.explanation));
  }
}

/**
 * An answer's text and feedback. `impliedWeight` is the weight its marker already gives: a text that
 * itself starts like `%50%` then needs that weight spelled out to be read back as text.
 */
function writeChoice(choice: { text: string; feedback?: string }, impliedWeight?: number): string {
  const weight = impliedWeight !== undefined && WEIGHT.test(choice.text) ? `%${impliedWeight}%` : "";
  return `${weight}${escapeText(choice.text)}${choice.feedback ? `#${escapeText(choice.feedback)}` : ""}`;
}

function numericComment(question: Extract<FixedQuestion, { type: "numeric" }>): string {
  const settings = [
    ...(question.tolerance.kind === "relative" ? [`[tolerance:${toleranceValue(question.tolerance)}]`] : []),
    ...(question.unit ? [`[unit:${question.unit.replaceAll("]", "\\]")}]`] : []),
  ];
  return settings.length > 0 ? `// ${settings.join(" ")}` : "";
}

function essayFeedback(modelAnswer: string, rubric: string[], explanation: string): string {
  return [
    modelAnswer,
    rubric.length > 0 ? `### Rubric\n${rubricLines(rubric)}` : "",
    explanation ? `### Explanation\n${explanation}` : "",
  ]
    .filter((part) => part !== "")
    .join("\n\n");
}

/** escapeGift, plus a leading format marker doubled so the text's own `[html]` is read back as text. */
function escapeText(text: string): string {
  return `${FORMAT_MARKER.test(text) ? "[markdown]" : ""}${escapeGift(text)}`;
}

/**
 * The inverse of unescapeGift. A backslash is doubled only where it would otherwise start an escape
 * (before a special character, `n`, a backslash, a line break or the end), so LaTeX such as `\frac`
 * stays readable.
 */
function escapeGift(text: string): string {
  return text
    .replace(/\\(?=[~=#{}:\\n\n]|$)/g, "\\\\")
    .replace(/[~=#{}:]/g, "\\$&")
    .replace(/\n/g, "\\n");
}

/** Drops floating-point noise such as 0.30000000000000004 from computed numbers. */
function roundNumber(value: number): number {
  return Number(value.toPrecision(12));
}
