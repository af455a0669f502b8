import { type CommentSettings, GiftProblem, type Locate, readAnswers } from "./gift-answers";
import { cleanText, FORMAT_MARKER, indexOfUnescaped, unescapeGift } from "./gift-escapes";
import {
  importedFields,
  reachedImportCap,
  runImport,
  type ImportedQuestion,
  type ImportProblem,
  type ImportResult,
} from "./imported-question";

/**
 * Moodle's GIFT text format: read here (the answer block in gift-answers.ts), written by toGift in
 * gift-export.ts, with the escapes both share in gift-escapes.ts. Where GIFT and the domain differ:
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

type SourceLine = { text: string; line: number };
type Block = { lines: SourceLine[]; comments: SourceLine[] };

const CATEGORY_LINE = /^\s*\$CATEGORY:(.*)$/;
const SETTING_START = /\[(tag|tolerance|unit):/;
/** A `]` that ends a comment setting: one not escaped as `\]`. */
const CLOSING_BRACKET = /(?<!\\)\]/;

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

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

/** `a/b` → ["a", "b"]; `//` is a slash inside a name; a Moodle context such as `$course$/top` is not a tag. */
export function tagsFromCategory(path: string): string[] {
  const segments = path
    .replaceAll("//", "\u0000")
    .split("/")
    .map((segment) => segment.replaceAll("\u0000", "/").trim())
    .filter((segment) => segment !== "");
  if (/^\$\w+\$$/.test(segments[0] ?? "")) segments.splice(0, segments[1] === "top" ? 2 : 1);
  return segments;
}
