import { describeProblem, type ContentProblem, type QuestionProblem } from "@/lib/content/content-problem";
import { checkDecks } from "@/lib/content/deck-check";
import { nameKey } from "@/lib/content/glossary-check";
import { checkDrafts } from "@/lib/content/question-check";
import type { Question } from "@/lib/domain/question";
import type { MissingPart } from "@/lib/domain/teaching-parts";
import type { ImportFormat } from "@/lib/schemas/authoring";
import { parseAiken } from "./aiken";
import { parseFlashcards } from "./flashcards";
import { parseGift } from "./gift";
import { parseMoodleXml } from "./moodle-xml";
import { MAX_IMPORT_BYTES, type ImportedQuestion, type ImportProblem } from "./imported-question";

/**
 * The import pipeline an instructor's file goes through before anything is saved: the format's parser,
 * glossary terms for questions that name none, fresh ids, then the content checker on every question.
 * Pure: the glossary and the id generator are passed in. The result sorts the questions read into
 * ready to publish, needing work (valid but for a missing explanation or rubric: imported as drafts to
 * finish, since files from other tools often carry none) and refused, with every problem at its line.
 */

export type ImportGlossary = {
  slugs: ReadonlySet<string>;
  terms: readonly { slug: string; term: string; aliases: readonly string[] }[];
};
export type PreparedQuestion = Question & { line: number };
export type NeedsWorkQuestion = PreparedQuestion & { missing: MissingPart[] };
export type PreparedImport = {
  questions: PreparedQuestion[];
  needsWork: NeedsWorkQuestion[];
  problems: ImportProblem[];
  read: number;
  /** Questions (or parts of the file) the format's parser could not read, each one of the problems. */
  unread: number;
};

/** At most this many terms are inferred for a question: the ones named first. */
const MAX_INFERRED_TERMS = 3;
/** Names up to this many words are looked up, longest first ("mean average precision"). */
const MAX_NAME_WORDS = 5;

export function prepareImport(
  format: ImportFormat,
  text: string,
  glossary: ImportGlossary,
  options: { defaultTerms: readonly string[]; newId: () => string },
): PreparedImport {
  const parsed = format === "markdown" ? parseDeckImport(text, glossary.slugs) : parseOther(format, text);
  const names = nameIndex(glossary.terms);
  const candidates = parsed.questions.map((question) => {
    const id = options.newId();
    const { line, title: _title, ...fields } = question as ImportedQuestion & { id?: string };
    const terms =
      fields.terms.length > 0 ? fields.terms : inferTerms(searchableText(question), names, options.defaultTerms);
    // A flashcard's back is all it says: without an explanation after <hr>, the back is what teaches.
    const explanation =
      format === "csv" && fields.explanation.trim() === "" ? flashcardBack(fields) : fields.explanation;
    return { ...fields, id, terms, explanation, line } as PreparedQuestion;
  });
  const { ready, needsWork, problems } = checkDrafts(candidates, glossary.slugs);
  const byId = new Map(candidates.map((question) => [question.id, question]));
  const lineOf = (question: Question) => byId.get(question.id)!.line;
  const checkerProblems = problems.map((problem) => {
    const question = byId.get(problem.questionId)!;
    return { line: question.line, message: explain(problem, question) };
  });
  return {
    questions: ready.map((question) => ({ ...question, line: lineOf(question) })),
    needsWork: needsWork.map(({ question, missing }) => ({ ...question, line: lineOf(question), missing })),
    problems: [...parsed.problems, ...checkerProblems].sort((a, b) => a.line - b.line),
    read: parsed.questions.length,
    unread: parsed.problems.length,
  };
}

/**
 * A checker problem as an import preview lists it, without the fresh id. Missing terms are worded for an
 * import, where the fix is in the import form or in the question's text.
 */
function explain({ field, message }: QuestionProblem, question: PreparedQuestion): string {
  if (field === "terms" && question.terms.length === 0) {
    return "no glossary term found in the question: pick default terms for this import, or name the term in the question";
  }
  return describeProblem({ field, message });
}

function parseOther(format: Exclude<ImportFormat, "markdown">, text: string) {
  const parsers = { gift: parseGift, "moodle-xml": parseMoodleXml, aiken: parseAiken, csv: parseFlashcards };
  return parsers[format](text);
}

/** The project's own deck format; the front matter is optional (the questions go into the deck chosen). */
function parseDeckImport(
  text: string,
  slugs: ReadonlySet<string>,
): { questions: (Question & { line: number })[]; problems: ImportProblem[] } {
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    return {
      questions: [],
      problems: [{ line: 1, message: "the file is larger than 2 MB; split it into smaller files" }],
    };
  }
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const hasFrontMatter = source.startsWith("---\n");
  const wrapper =
    "---\ntitle: Import\ntopic: fundamentals\ndescription: Imported questions.\nlevel: intermediate\n---\n";
  const offset = hasFrontMatter ? 0 : wrapper.split("\n").length - 1;
  // The deck's own front matter is not used, but it must still be well-formed for the file to be read.
  const { decks, problems } = checkDecks(
    [{ path: "import.md", source: hasFrontMatter ? source : `${wrapper}${source}` }],
    slugs,
  );
  const questions = (decks[0]?.questions ?? []).map((question) => ({ ...question, line: question.line - offset }));
  // Problems of questions that were read are found again by checkQuestions, under fresh ids: only those
  // about the file's own ids (malformed, repeated) are seen here alone.
  const read = new Set(questions.map((question) => question.id));
  const foundAgain = (problem: ContentProblem) =>
    problem.questionId !== undefined && read.has(problem.questionId) && problem.field !== "id";
  return {
    questions,
    problems: problems
      .filter((problem) => !foundAgain(problem))
      .map((problem) => ({ line: Math.max(1, problem.line - offset), message: describeProblem(problem) })),
  };
}

function flashcardBack(question: { type: string; accept?: string[]; modelAnswer?: string }): string {
  return question.type === "short" ? (question.accept?.[0] ?? "") : (question.modelAnswer ?? "");
}

function searchableText(question: {
  prompt: string;
  explanation: string;
  type: string;
  choices?: { text: string }[];
}): string {
  return [question.prompt, question.explanation, ...(question.choices ?? []).map((choice) => choice.text)].join(" ");
}

/** Names matched case-insensitively, and acronyms ("AUC", "BLUE", "IS") matched only as written. */
export type NameIndex = { names: ReadonlyMap<string, string>; acronyms: ReadonlyMap<string, string> };

const ACRONYM = /^[A-Z][A-Z0-9]{1,7}$/;

export function nameIndex(terms: ImportGlossary["terms"]): NameIndex {
  const names = new Map<string, string>();
  const acronyms = new Map<string, string>();
  for (const term of terms) {
    for (const name of [term.term, ...term.aliases]) {
      // An acronym in lower case is often an everyday word ("blue", "is"): it counts only in capitals.
      if (ACRONYM.test(name)) {
        if (!acronyms.has(name)) acronyms.set(name, term.slug);
        continue;
      }
      const key = nameKey(name);
      if (key.length >= 3 && !names.has(key)) names.set(key, term.slug);
    }
  }
  return { names, acronyms };
}

/** The glossary terms a question names, in order of first mention (acronyms after names), then the import's default terms. */
export function inferTerms(text: string, { names, acronyms }: NameIndex, defaultTerms: readonly string[]): string[] {
  const words = nameKey(text).split(" ");
  const found: string[] = [];
  for (let start = 0; start < words.length && found.length < MAX_INFERRED_TERMS; start++) {
    for (let length = Math.min(MAX_NAME_WORDS, words.length - start); length >= 1; length--) {
      const slug = names.get(words.slice(start, start + length).join(" "));
      if (slug) {
        if (!found.includes(slug)) found.push(slug);
        start += length - 1;
        break;
      }
    }
  }
  for (const word of text.match(/[A-Za-z0-9]+/g) ?? []) {
    const slug = acronyms.get(word);
    if (slug && found.length < MAX_INFERRED_TERMS && !found.includes(slug)) found.push(slug);
  }
  return [...new Set([...found, ...defaultTerms])];
}
