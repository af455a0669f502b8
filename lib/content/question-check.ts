import type { Question } from "@/lib/domain/question";
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
