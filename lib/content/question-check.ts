import type { Question } from "@/lib/domain/question";
import { toDeckMarkdown } from "@/lib/interchange/deck-markdown";
import { checkDecks } from "./deck-check";

/**
 * Checks questions written in the browser or imported from another format with the content checker
 * itself: each question is written in the deck format and read back by checkDecks, so an authored
 * question passes exactly the rules (zod schemas, term links, math, formulas) a shipped deck passes.
 */

export type QuestionProblems = Map<string, string[]>;

const CHECK_DECK = { title: "Authored", topic: "fundamentals", description: "Questions being checked.", level: "intermediate" } as const;
/** Lines the deck format reads as structure: in a prompt or explanation they would split the question. */
const RESERVED_HEADING = /^#{2,3} /m;

export function checkQuestions(questions: Question[], glossarySlugs: ReadonlySet<string>): { valid: Question[]; problems: QuestionProblems } {
  const problems: QuestionProblems = new Map();
  const add = (id: string, message: string) => problems.set(id, [...(problems.get(id) ?? []), message]);
  const writable = questions.filter((question) => {
    const texts = [question.prompt, question.explanation, ...(question.type === "open" ? [question.modelAnswer] : [])];
    if (texts.some((text) => RESERVED_HEADING.test(text))) {
      add(question.id, "lines starting with ## or ### are reserved by the deck format: use #### for a heading");
      return false;
    }
    return true;
  });
  const { decks, problems: found } = checkDecks([{ path: "authored.md", source: toDeckMarkdown(CHECK_DECK, writable) }], glossarySlugs);
  const ids = new Set(writable.map((question) => question.id));
  for (const problem of found) {
    const [id, ...rest] = problem.message.split(": ");
    if (id && ids.has(id)) add(id, rest.join(": "));
    // Anything else would be about the wrapper deck, which is fixed and valid.
  }
  const valid = (decks[0]?.questions ?? []).filter((question) => !problems.has(question.id)).map(({ line: _line, ...question }) => question as Question);
  return { valid, problems };
}

const FIELD_KEYS = ["type", "difficulty", "terms", "tags", "answer", "tolerance", "unit", "accept", "params", "formula", "correct"] as const;

/** Which editor field a checker message is about, to show it next to that field. */
export function problemField(message: string): string {
  const key = FIELD_KEYS.find((field) => message.startsWith(`${field}:`) || message.startsWith(`${field} `));
  if (key) return key === "correct" ? "choices" : key;
  if (/explanation/i.test(message)) return "explanation";
  if (/model answer/i.test(message)) return "modelAnswer";
  if (/rubric/i.test(message)) return "rubric";
  if (/choice|\[x\]/i.test(message)) return "choices";
  return "prompt";
}
