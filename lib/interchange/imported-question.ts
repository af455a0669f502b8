import { calculatedAnswer, fillPlaceholders } from "@/lib/domain/calculated";
import type { Choice, Question } from "@/lib/domain/question";

/**
 * What every interchange format (GIFT, Moodle XML, Aiken, flashcards) shares: the shape of an imported question,
 * the problems a parser reports, and the limits and defaults every parser applies the same way.
 */

/** Omit applied to each member of a union, so the result stays discriminated by `type`. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A question read from an import file: the domain question without an id yet (ids are assigned on import), with where it came from. */
export type ImportedQuestion = DistributiveOmit<Question, "id"> & { title?: string; line: number };
export type ImportProblem = { line: number; message: string };
export type ImportResult = { questions: ImportedQuestion[]; problems: ImportProblem[] };

/** Exporters take questions from the decks as well as questions just imported. */
export type ExportableQuestion = Question | ImportedQuestion;

/** What GIFT and Anki can hold: every type but calculated, which neither format has. */
export type FixedQuestion = Exclude<ExportableQuestion, { type: "calculated" }>;

/**
 * A calculated question as the numeric question of one draw (seed 0), for formats without parameters:
 * the card shows fixed numbers, and the Markdown export keeps the formula.
 */
export function toFixedQuestion(question: ExportableQuestion): FixedQuestion {
  if (question.type !== "calculated") return question;
  const { params, formula, ...rest } = question;
  const { variables, answer } = calculatedAnswer(formula, params, 0);
  return {
    ...rest,
    type: "numeric",
    answer: Number(answer.toPrecision(6)),
    prompt: fillPlaceholders(question.prompt, variables),
    explanation: fillPlaceholders(question.explanation, variables, answer),
  };
}

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_QUESTIONS = 5_000;
/** Past this many, a file is not worth checking further: it is probably not in the format at all. */
export const MAX_IMPORT_PROBLEMS = 1_000;

/**
 * Runs a parser under the shared rules: the size cap, BOM and line-ending clean-up before it, the
 * question and problem caps (see reachedImportCap) and problems in file order after it. Parsers only see
 * `\n` line ends.
 */
export function runImport(text: string, parse: (source: string) => ImportResult): ImportResult {
  // A UTF-16 code unit never encodes to fewer than one UTF-8 byte, so the length alone can rule a file out cheaply.
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    return {
      questions: [],
      problems: [{ line: 1, message: "the file is larger than 2 MB; split it into smaller files" }],
    };
  }
  const { questions, problems } = parse(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;
  const kept = problems.sort(byLine).slice(0, MAX_IMPORT_PROBLEMS);
  const firstDroppedProblem = problems[MAX_IMPORT_PROBLEMS];
  if (firstDroppedProblem) {
    kept.push({
      line: firstDroppedProblem.line,
      message: `more than ${MAX_IMPORT_PROBLEMS.toLocaleString("en")} problems; reading stopped here, fix these first`,
    });
  }
  const firstDroppedQuestion = questions[MAX_IMPORT_QUESTIONS];
  if (firstDroppedQuestion) {
    kept.push({
      line: firstDroppedQuestion.line,
      message: `the file has more than ${MAX_IMPORT_QUESTIONS.toLocaleString("en")} questions; only those are kept, split it into smaller files`,
    });
  }
  return { questions: questions.slice(0, MAX_IMPORT_QUESTIONS), problems: kept.sort(byLine) };
}

/** Parsers stop reading at one over either cap: enough to say so, without holding a huge file's worth. */
export function reachedImportCap({ questions, problems }: ImportResult): boolean {
  return questions.length > MAX_IMPORT_QUESTIONS || problems.length > MAX_IMPORT_PROBLEMS;
}

/** The fields every format fills the same way: no glossary terms and medium difficulty unless the format says otherwise. */
export function importedFields(fields: {
  line: number;
  prompt: string;
  tags?: string[];
  explanation?: string;
  title?: string;
}) {
  const { line, prompt, tags = [], explanation = "", title } = fields;
  return {
    ...(title ? { title } : {}),
    difficulty: 2 as const,
    terms: [] as string[],
    tags,
    prompt,
    explanation,
    line,
  };
}

/** A, B, C… as Aiken and flashcards label choices. */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** `A. text` lines, as Aiken writes options and flashcards list choices. */
export function letteredChoices(choices: Pick<Choice, "text">[]): string[] {
  return choices.map((choice, index) => `${choiceLetter(index)}. ${choice.text}`);
}

/**
 * A rubric as the `- point` lines every format writes, one line a point. The authoring schema keeps line
 * breaks out of points; one that still holds some is joined into one line here, so that it cannot be read
 * back as further points or as a new section.
 */
export function rubricLines(rubric: readonly string[]): string {
  return rubric
    .map(
      (point) =>
        `- ${point
          .split(/[\r\n]+/)
          .map((line) => line.trim())
          .filter(Boolean)
          .join(" ")}`,
    )
    .join("\n");
}

/** Drops floating-point noise such as 0.30000000000000004 from computed numbers. */
export function roundNumber(value: number): number {
  return Number(value.toPrecision(12));
}
