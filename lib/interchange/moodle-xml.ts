import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import { tagsFromCategory } from "./gift";
import {
  importedFields,
  reachedImportCap,
  runImport,
  type ImportedQuestion,
  type ImportProblem,
  type ImportResult,
} from "./imported-question";
import { child, children, markdownField, MoodleProblem, value, attribute, type XmlNode } from "./moodle-xml-nodes";
import {
  readCalculated,
  readEssay,
  readMultichoice,
  readNumerical,
  readShortAnswer,
  readTrueFalse,
  type TypeRead,
} from "./moodle-xml-types";

/**
 * Moodle XML, Moodle's default export format: read here (types in moodle-xml-types.ts, text formats in
 * moodle-xml-html.ts), written by exportMoodleXml in moodle-xml-export.ts. Around the types:
 * - A `<question type="category">` gives the questions after it its path as tags, as GIFT's $CATEGORY
 *   does (`$course$/top` dropped); `<tags><tag>` add tags. `<name>` (else `<idnumber>`) is the title.
 * - `<hidden>1</hidden>`: every import is saved as drafts (lib/authoring/import-deck.ts), which no
 *   candidate sees until the author publishes them, so a hidden question needs nothing more.
 * - Other types (matching, cloze, drag and drop, random…) are each a problem on their line, never
 *   dropped unsaid.
 * Safety and cost: a DOCTYPE or ENTITY declaration anywhere refuses the file before any parsing, so no
 * entity is ever defined, expanded or fetched; the parser decodes only the five XML entities and
 * numeric character references, in one pass. Elements nested deeper than fast-xml-parser's default of
 * 100 are refused by it (deep nesting is where a recursive reader's cost and stack grow), and the
 * well-formedness check, the parse and the line scan are each one pass over the file.
 */

const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;
const MAX_MESSAGE = 200;
const LISTS = new Set(["question", "answer", "tag", "dataset_definition", "unit", "dataset_item"]);
const READERS: Record<string, (question: XmlNode) => TypeRead> = {
  multichoice: readMultichoice,
  truefalse: readTrueFalse,
  shortanswer: readShortAnswer,
  numerical: readNumerical,
  essay: readEssay,
  calculated: readCalculated,
  calculatedsimple: readCalculated,
};
const UNSUPPORTED: Record<string, string> = {
  matching: "mlprep has no matching type",
  randomsamatch: "mlprep has no matching type",
  multianswer: "cloze questions embed several answers in the text, which mlprep has no type for",
  ddwtos: "mlprep has no drag-and-drop type",
  ddimageortext: "mlprep has no drag-and-drop type",
  ddmarker: "mlprep has no drag-and-drop type",
  gapselect: "mlprep has no gap-selection type",
  calculatedmulti: "mlprep has no multiple-choice type with formulas",
  description: "it is text without a question",
  ordering: "mlprep has no ordering type",
  random: "mlprep has no random-question type",
};

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;

/** The five XML entities and numeric references, decoded in one pass (so `&amp;lt;` stays `&lt;`). */
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text) =>
    text.replace(REFERENCE, (whole, name?: string, decimal?: string, hex?: string) => {
      if (name) return XML_ENTITIES[name] ?? whole;
      const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }),
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  entityDecoder,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => LISTS.has(name),
});

export function parseMoodleXml(text: string): ImportResult {
  return runImport(text, (source) => {
    const lines = source.split("\n").length;
    // The parser's messages may quote the file (a whole stack of open tags): a problem stays one line long.
    const fileProblem = (line: number, message: string) => ({
      questions: [],
      problems: [{ line: Math.min(Math.max(1, line), lines), message: shorten(message) }],
    });
    if (DECLARATION.test(source)) return fileProblem(1, "DOCTYPE and entity declarations are not accepted");
    const valid = XMLValidator.validate(source);
    if (valid !== true) return fileProblem(valid.err.line, `the file is not well-formed XML: ${valid.err.msg}`);
    let quiz: XmlNode | undefined;
    try {
      quiz = child(parser.parse(source) as XmlNode, "quiz");
    } catch (error) {
      return fileProblem(1, `the file cannot be read as XML: ${(error as Error).message}`);
    }
    if (!quiz) return fileProblem(1, "no <quiz> element: this is not a Moodle XML file");
    return readQuestions(children(quiz, "question"), questionLines(source));
  });
}

function readQuestions(nodes: XmlNode[], lines: number[]): ImportResult {
  const questions: ImportedQuestion[] = [];
  const problems: ImportProblem[] = [];
  let categoryTags: string[] = [];
  for (const [index, node] of nodes.entries()) {
    const line = lines[index] ?? lines[lines.length - 1] ?? 1;
    const type = attribute(node, "type") ?? "";
    if (type === "category") {
      categoryTags = tagsFromCategory(value(node, "category"));
      continue;
    }
    try {
      questions.push(readQuestion(node, type, line, categoryTags));
    } catch (error) {
      if (!(error instanceof MoodleProblem)) throw error;
      problems.push({ line, message: error.message });
    }
    if (reachedImportCap({ questions, problems })) break;
  }
  return { questions, problems };
}

function readQuestion(node: XmlNode, type: string, line: number, categoryTags: string[]): ImportedQuestion {
  const reader = READERS[type];
  if (!reader) {
    const why = UNSUPPORTED[type] ?? "mlprep has no such type";
    throw new MoodleProblem(`Moodle '${type.slice(0, 40)}' questions cannot be imported (${why})`);
  }
  const prompt = markdownField(node, "questiontext");
  if (prompt === "") throw new MoodleProblem("empty question text");
  const { fields, feedback } = reader(node);
  const tags = children(child(node, "tags"), "tag").map((tag) => value({ tag }, "tag"));
  const explanation = [...new Set([markdownField(node, "generalfeedback"), ...feedback])].filter(Boolean);
  return {
    ...importedFields({
      line,
      prompt,
      title: value(node, "name") || value(node, "idnumber") || undefined,
      tags: [...new Set([...categoryTags, ...tags].filter(Boolean))],
      explanation: explanation.join("\n\n"),
    }),
    ...fields,
  };
}

/**
 * The line of each `<question` start, in file order: fast-xml-parser gives no positions, so the file is
 * scanned once with indexOf, stepping over CDATA sections and comments (whose text may hold anything).
 */
function questionLines(source: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let nextBreak = source.indexOf("\n");
  const lineAt = (offset: number) => {
    for (; nextBreak >= 0 && nextBreak < offset; nextBreak = source.indexOf("\n", nextBreak + 1)) line++;
    return line;
  };
  for (let at = source.indexOf("<"); at >= 0; at = source.indexOf("<", at + 1)) {
    const skipTo = source.startsWith("<![CDATA[", at) ? "]]>" : source.startsWith("<!--", at) ? "-->" : "";
    if (skipTo) {
      const end = source.indexOf(skipTo, at);
      if (end < 0) break;
      at = end;
    } else if (source.startsWith("<question", at) && /[\s>/]/.test(source[at + 9] ?? "")) {
      lines.push(lineAt(at));
    }
  }
  return lines;
}

function shorten(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}
