import { defuseFormula } from "@/lib/domain/csv";
import { toleranceValue } from "@/lib/domain/question";
import {
  importedFields,
  letteredChoices,
  rubricLines,
  reachedImportCap,
  runImport,
  toFixedQuestion,
  type ExportableQuestion,
  type FixedQuestion,
  type ImportedQuestion,
  type ImportProblem,
  type ImportResult,
} from "./imported-question";

/**
 * Flashcards as Anki and Quizlet export them: one card a row, `front,back[,tags]` (tags space-separated),
 * comma- or tab-separated with RFC 4180 quoting. Anki's `#key:value` header lines are honoured:
 * `#separator`, `#html:true` (line breaks and entities decoded), `#tags column:N`, `#tags:` (tags for every
 * card), and other `#… column:N` (guid, notetype, deck) columns are left out of the card.
 *
 * A card has no type, so its back decides: a short one-line back becomes a short-answer question, any other
 * an open question. In an HTML back, text after the first `<hr>` is the explanation; toAnkiTsv writes it so.
 */

export type FlashcardOptions = { delimiter?: "," | "\t" | "auto" };

/** A row as read, or the reason it could not be read. */
type Row = { fields: string[]; line: number; problem?: string };
type AnkiHeader = {
  separator?: string;
  html: boolean;
  tagsColumn?: number;
  skippedColumns: Set<number>;
  tags: string[];
  bodyStart: number;
  bodyLine: number;
};

const ANKI_SEPARATORS: Record<string, string> = {
  tab: "\t",
  comma: ",",
  semicolon: ";",
  pipe: "|",
  colon: ":",
  space: " ",
};
/** A back up to this long, on one line, reads as an answer to type rather than one to recall. */
const SHORT_ANSWER_MAX_LENGTH = 60;
const HEADER_ROWS = ["front,back", "front,back,tags"];
/** Far more columns than any card has (front, back, tags and the few Anki adds: guid, note type, deck). */
const MAX_ROW_FIELDS = 64;
const HTML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function parseFlashcards(text: string, options: FlashcardOptions = {}): ImportResult {
  return runImport(text, (source) => {
    const problems: ImportProblem[] = [];
    const header = readAnkiHeader(source, problems);
    const body = source.slice(header.bodyStart);
    // An explicit choice beats the file's own header, which beats a guess from the first row.
    const delimiter =
      options.delimiter && options.delimiter !== "auto"
        ? options.delimiter
        : (header.separator ?? (body.split("\n", 1)[0]!.includes("\t") ? "\t" : ","));
    const questions: ImportedQuestion[] = [];
    let firstRow = true;
    for (const row of readRows(body, header.bodyLine, delimiter)) {
      if (row.problem) problems.push({ line: row.line, message: row.problem });
      if (row.problem || row.fields.every((field) => field.trim() === "")) continue;
      const headerRow =
        firstRow && HEADER_ROWS.includes(row.fields.map((field) => field.trim().toLowerCase()).join(","));
      firstRow = false;
      const question = headerRow ? undefined : readCard(row, header, delimiter, problems);
      if (question) questions.push(question);
      if (reachedImportCap({ questions, problems })) break;
    }
    return { questions, problems };
  });
}

function readAnkiHeader(source: string, problems: ImportProblem[]): AnkiHeader {
  const header: AnkiHeader = { html: false, skippedColumns: new Set(), tags: [], bodyStart: 0, bodyLine: 1 };
  for (const line of source.split("\n")) {
    const setting = /^#([a-z ]+):(.*)$/i.exec(line);
    if (!setting) break;
    const report = (message: string) => problems.push({ line: header.bodyLine, message });
    const key = setting[1]!.trim().toLowerCase();
    const value = setting[2]!.trim();
    const column = /^(.+) column$/.exec(key);
    if (key === "separator") {
      // Anki writes the separator by name, or as the character itself.
      const separator = setting[2]!.length === 1 ? setting[2] : ANKI_SEPARATORS[value.toLowerCase()];
      if (separator) header.separator = separator;
      else
        report(`unknown separator "${value}": use ${Object.keys(ANKI_SEPARATORS).join(", ")} or the character itself`);
    } else if (key === "html") {
      header.html = value.toLowerCase() === "true";
    } else if (key === "tags") {
      header.tags = value.split(/\s+/).filter(Boolean);
    } else if (column) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1)
        report(`#${key} needs a column number (1 is the first column), not "${value}"`);
      else if (column[1] === "tags") header.tagsColumn = number - 1;
      else header.skippedColumns.add(number - 1);
    }
    header.bodyStart += line.length + 1;
    header.bodyLine++;
  }
  return header;
}

/** RFC 4180 rows, each with the line it starts on. */
function* readRows(body: string, firstLine: number, delimiter: string): Generator<Row> {
  let line = firstLine;
  for (let start = 0; start < body.length;) {
    const { fields, next, lineBreaks, problem } = readRow(body, start, delimiter);
    yield { fields, line, ...(problem ? { problem } : {}) };
    line += lineBreaks + 1;
    start = next;
  }
}

/**
 * The row that starts at `start`: its fields, where the next row starts, and the line breaks inside its
 * quotes. Fields are cut out as slices, never grown a character at a time, so a row costs its length.
 */
function readRow(
  body: string,
  start: number,
  delimiter: string,
): { fields: string[]; next: number; lineBreaks: number; problem?: string } {
  const fields: string[] = [];
  let lineBreaks = 0;
  let index = start;
  let fieldStart = start;
  /** The field so far is only spaces, so a quote there opens a quoted field. */
  let blank = true;
  let quoted: string | undefined;
  let overflow = false;
  while (index < body.length && body[index] !== "\n") {
    const character = body[index]!;
    if (character === '"' && blank) {
      // A quoted field runs to the next lone quote, across delimiters and line breaks; "" is a quote.
      const pieces: string[] = [];
      let pieceStart = index + 1;
      for (index++; body[index] !== '"' || body[index + 1] === '"'; index++) {
        if (index >= body.length) {
          return {
            fields,
            next: body.length,
            lineBreaks,
            problem:
              "unbalanced quotes: a quoted field on this row is never closed, so the rest of the file could not be read",
          };
        }
        if (body[index] === '"') {
          pieces.push(body.slice(pieceStart, ++index));
          pieceStart = index + 1;
        } else if (body[index] === "\n") {
          lineBreaks++;
        }
      }
      pieces.push(body.slice(pieceStart, index));
      quoted = pieces.join("");
      blank = false;
      index++;
      while (body[index] === " " && delimiter !== " ") index++;
      if (index < body.length && body[index] !== delimiter && body[index] !== "\n") {
        const end = body.indexOf("\n", index);
        return {
          fields,
          next: end < 0 ? body.length : end + 1,
          lineBreaks,
          problem: 'text after a closing quote: inside a quoted field, write a quote as ""',
        };
      }
    } else if (character === delimiter) {
      // Past the cap the row is only scanned: a row of a million empty fields would cost a million strings.
      if (fields.length < MAX_ROW_FIELDS - 1) fields.push(quoted ?? body.slice(fieldStart, index));
      else overflow = true;
      quoted = undefined;
      blank = true;
      fieldStart = ++index;
    } else {
      blank &&= character.trim() === "";
      index++;
    }
  }
  if (overflow)
    return {
      fields,
      next: index + 1,
      lineBreaks,
      problem: `more than ${MAX_ROW_FIELDS} fields: a card is a front, a back and tags, with a few columns Anki adds`,
    };
  return { fields: [...fields, quoted ?? body.slice(fieldStart, index)], next: index + 1, lineBreaks };
}

function readCard(
  { fields, line }: Row,
  header: AnkiHeader,
  delimiter: string,
  problems: ImportProblem[],
): ImportedQuestion | undefined {
  const report = (message: string) => void problems.push({ line, message });
  const content = fields.filter((_, index) => index !== header.tagsColumn && !header.skippedColumns.has(index));
  // Without a `#tags column:` header, tags are the third column, after front and back.
  const tagsField = header.tagsColumn === undefined ? content[2] : fields[header.tagsColumn];
  if (content.length < 2)
    return report(`a card needs a front and a back separated by ${delimiterName(delimiter)}; this row has one field`);
  const [answer, explanation = ""] = header.html ? splitOnce(content[1]!, /<hr\s*\/?>/i) : [content[1]!];
  const decode = (text: string) => (header.html ? decodeHtml(text) : text).trim();
  const prompt = decode(content[0]!);
  const back = decode(answer!);
  if (prompt === "") return report("the front is empty");
  if (back === "") return report("the back is empty");
  const tags = [...new Set([...header.tags, ...(tagsField ?? "").split(/\s+/).filter(Boolean)])];
  const fieldsOfCard = importedFields({ line, prompt, tags, explanation: decode(explanation) });
  return back.length <= SHORT_ANSWER_MAX_LENGTH && !back.includes("\n")
    ? { ...fieldsOfCard, type: "short", accept: [back] }
    : { ...fieldsOfCard, type: "open", modelAnswer: back, rubric: [] };
}

function splitOnce(text: string, separator: RegExp): [string, string?] {
  const match = separator.exec(text);
  return match ? [text.slice(0, match.index), text.slice(match.index + match[0].length)] : [text];
}

function delimiterName(delimiter: string): string {
  return delimiter === "\t" ? "a tab" : delimiter === "," ? "a comma" : `"${delimiter}"`;
}

/** Line breaks and character references; other markup stays, since rendering sanitizes it. One pass, so `&amp;lt;` stays `&lt;`. */
function decodeHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return HTML_ENTITIES[name.toLowerCase()] ?? entity;
      const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

function encodeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\n", "<br>");
}

/**
 * Anki's plain-text import with the note type's Front and Back fields and tags. Short and open questions
 * come back through parseFlashcards as they went in (a short one by its first accepted answer); the other
 * types become cards that show the choices on the front and the right answer on the back.
 */
export function toAnkiTsv(questions: ExportableQuestion[]): string {
  const rows = questions.map(toFixedQuestion).map((question) => {
    const choices = question.type === "single" || question.type === "multiple" ? question.choices : [];
    const front = [question.prompt, letteredChoices(choices).join("\n")];
    const explanation = [...backNotes(question), question.explanation];
    const back =
      encodeHtml(answerInWords(question)) +
      (explanation.some(Boolean) ? `<hr>${encodeHtml(explanation.filter(Boolean).join("\n\n"))}` : "");
    const tags = question.tags.map((tag) => tag.replace(/\s+/g, "_")).join(" ");
    // Spreadsheets open .tsv files too: no field may start like a formula (see defuseFormula).
    const fields = [
      defuseFormula(encodeHtml(front.filter(Boolean).join("\n\n")), characterReference),
      defuseFormula(back, characterReference),
      defuseFormula(tags),
    ];
    return fields.map(tsvField).join("\t");
  });
  return ["#separator:tab", "#html:true", "#tags column:3", ...rows].map((row) => `${row}\n`).join("");
}

function answerInWords(question: FixedQuestion): string {
  switch (question.type) {
    case "single":
    case "multiple":
      return letteredChoices(question.choices)
        .filter((_, index) => question.choices[index]!.correct)
        .join("\n");
    case "true-false":
      return question.answer ? "True" : "False";
    case "numeric": {
      const { answer, tolerance, unit } = question;
      return `${answer}${unit ? ` ${unit}` : ""} (± ${toleranceValue(tolerance)})`;
    }
    case "short":
      return question.accept[0] ?? "";
    case "open":
      return question.modelAnswer;
  }
}

/** What a card's back says besides the answer and the explanation. */
function backNotes(question: FixedQuestion): string[] {
  if (question.type === "short" && question.accept.length > 1)
    return [`Also accepted: ${question.accept.slice(1).join("; ")}`];
  if (question.type === "open" && question.rubric.length > 0) return [`Rubric:\n${rubricLines(question.rubric)}`];
  return [];
}

/** An HTML field's first character as a character reference: Anki shows the character, a spreadsheet reads text. */
function characterReference(html: string): string {
  return `&#${html.charCodeAt(0)};${html.slice(1)}`;
}

function tsvField(text: string): string {
  return /[\t"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
