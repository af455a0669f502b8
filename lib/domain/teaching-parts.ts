import type { Question } from "@/lib/domain/question";

/**
 * What makes a question teach, which every published question has and an imported or drafted one may
 * still lack: the explanation shown after answering, and an open question's model answer and rubric. Files from other
 * tools often carry neither (Aiken cannot), so such questions are kept as drafts that "need work" rather
 * than refused, and cannot be published until the author writes them (issue 14).
 */
export type MissingPart = "explanation" | "modelAnswer" | "rubric";

const DESCRIPTIONS: Record<MissingPart, string> = {
  explanation: "an explanation",
  modelAnswer: "a model answer",
  rubric: "a rubric",
};

/** Stand-ins that let the rest of a question be checked while its missing parts are still to be written. */
const PLACEHOLDER = "To be written by the author.";

export function missingParts(question: Question): MissingPart[] {
  const missing: MissingPart[] = [];
  if (question.explanation.trim() === "") missing.push("explanation");
  if (question.type === "open" && question.modelAnswer.trim() === "") missing.push("modelAnswer");
  if (question.type === "open" && question.rubric.every((point) => point.trim() === "")) missing.push("rubric");
  return missing;
}

/** "needs an explanation", "needs an explanation, a model answer and a rubric". */
export function describeMissing(missing: readonly MissingPart[]): string {
  const parts = missing.map((part) => DESCRIPTIONS[part]);
  return `needs ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]}`;
}

/** What a question still needs before it can be published, or undefined when it is whole. */
export function describeNeeds(question: Question): string | undefined {
  const missing = missingParts(question);
  return missing.length > 0 ? describeMissing(missing) : undefined;
}

/** The question with its missing parts stood in for, so the checker judges everything else. */
export function withPlaceholders(question: Question, missing: readonly MissingPart[]): Question {
  const filled = { ...question };
  if (missing.includes("explanation")) filled.explanation = PLACEHOLDER;
  if (filled.type === "open") {
    if (missing.includes("modelAnswer")) filled.modelAnswer = PLACEHOLDER;
    if (missing.includes("rubric")) filled.rubric = [PLACEHOLDER];
  }
  return filled;
}

/** Undoes withPlaceholders on the checked question: the missing parts are stored empty. */
export function withoutPlaceholders(question: Question, missing: readonly MissingPart[]): Question {
  const emptied = { ...question };
  if (missing.includes("explanation")) emptied.explanation = "";
  if (emptied.type === "open") {
    if (missing.includes("modelAnswer")) emptied.modelAnswer = "";
    if (missing.includes("rubric")) emptied.rubric = [];
  }
  return emptied;
}
