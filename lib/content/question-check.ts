import type { Question } from "@/lib/domain/question";
import { missingParts, withoutPlaceholders, withPlaceholders, type MissingPart } from "@/lib/domain/teaching-parts";
import { toDeckMarkdown } from "@/lib/interchange/deck-markdown";
import type { QuestionProblem } from "./content-problem";
import { checkDecks } from "./deck-check";

/**
 * Checks questions written in the browser or imported from another format with the content checker
 * itself: each question is written in the deck format and read back by checkDecks, so an authored
 * question passes exactly the rules (zod schemas, term links, math, formulas) a shipped deck passes.
 */

const CHECK_DECK = { title: "Authored", topic: "fundamentals", description: "Questions being checked.", level: "intermediate" } as const;
/** Lines the deck format reads as structure: in a prompt or explanation they would split the question. */
const RESERVED_HEADING = /^#{2,3} /m;

/** The valid questions, and every problem of the others; a problem's line in the deck written here would mean nothing, so it has none. */
export function checkQuestions(questions: Question[], glossarySlugs: ReadonlySet<string>): { valid: Question[]; problems: QuestionProblem[] } {
  const problems: QuestionProblem[] = [];
  const writable = questions.filter((question) => {
    const texts = { prompt: question.prompt, explanation: question.explanation, ...(question.type === "open" ? { modelAnswer: question.modelAnswer } : {}) };
    const reserved = Object.entries(texts).filter(([, text]) => RESERVED_HEADING.test(text));
    for (const [field] of reserved) {
      problems.push({ questionId: question.id, field, message: "lines starting with ## or ### are reserved by the deck format: use #### for a heading" });
    }
    return reserved.length === 0;
  });
  const { decks, problems: found } = checkDecks([{ path: "authored.md", source: toDeckMarkdown(CHECK_DECK, writable) }], glossarySlugs);
  const ids = new Set(writable.map((question) => question.id));
  for (const { questionId, field, message } of found) {
    // Anything else would be about the wrapper deck, which is fixed and valid.
    if (questionId !== undefined && field !== undefined && ids.has(questionId)) problems.push({ questionId, field, message });
  }
  const refused = new Set(problems.map((problem) => problem.questionId));
  const valid = (decks[0]?.questions ?? []).filter((question) => !refused.has(question.id)).map(({ line: _line, ...question }) => question as Question);
  return { valid, problems };
}

export type CheckedDrafts = {
  /** Questions that pass every rule: they may be published. */
  ready: Question[];
  /** Questions that pass every rule but lack what makes them teach: kept as drafts until written. */
  needsWork: { question: Question; missing: MissingPart[] }[];
  /** Problems of the questions in neither group. */
  problems: QuestionProblem[];
};

/**
 * checkQuestions for questions that may still lack their explanation or rubric (imports, drafts): the
 * missing parts are stood in for while everything else is checked, then stored empty again.
 */
export function checkDrafts(questions: Question[], glossarySlugs: ReadonlySet<string>): CheckedDrafts {
  const missingById = new Map(questions.map((question) => [question.id, missingParts(question)]));
  const filled = questions.map((question) => withPlaceholders(question, missingById.get(question.id)!));
  const { valid, problems } = checkQuestions(filled, glossarySlugs);
  const ready: Question[] = [];
  const needsWork: CheckedDrafts["needsWork"] = [];
  for (const question of valid) {
    const missing = missingById.get(question.id)!;
    if (missing.length === 0) ready.push(question);
    else needsWork.push({ question: withoutPlaceholders(question, missing), missing });
  }
  return { ready, needsWork, problems };
}
