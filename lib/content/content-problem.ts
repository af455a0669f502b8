/**
 * What the content checker reports. A problem in a question names the question and the field it is about,
 * by the field's path in the question (`prompt`, `choices.2.text`, `rubric.0`, `tolerance`, `terms`…;
 * "" for the question as a whole), with a message about that field alone: the editor puts it next to the
 * field without reading the words. describeProblem writes any problem for people, in one place.
 */

/** `line` only where it means something to the reader: not for a question checked outside its file (question-check.ts). */
export type QuestionProblem = { questionId: string; field: string; message: string; line?: number };

/** A problem at a line of a file (content/, an import, the deck the authoring checks write), with its question's id and field when it is about one. */
export type ContentProblem = { path: string; line: number; message: string } & Partial<Pick<QuestionProblem, "questionId" | "field">>;

/** Paths into the question's Markdown parts as an author names them: choices and rubric points counted from 1. */
const FIELD_LABELS: [RegExp, (index: number) => string][] = [
  [/^choices\.(\d+)\.text$/, (index) => `choice ${index + 1}`],
  [/^choices\.(\d+)\.feedback$/, (index) => `feedback of choice ${index + 1}`],
  [/^rubric\.(\d+)$/, (index) => `rubric point ${index + 1}`],
];

/** A field path as people read it; metadata keys stay as written in the deck file (`tolerance`, `params.x`). */
export function fieldLabel(field: string): string {
  if (field === "modelAnswer") return "model answer";
  for (const [pattern, label] of FIELD_LABELS) {
    const index = pattern.exec(field)?.[1];
    if (index !== undefined) return label(Number(index));
  }
  return field;
}

/** `id: field: message`, leaving out whatever is not given (an import's fresh ids mean nothing to its author). */
export function describeProblem(problem: { questionId?: string; field?: string; message: string }): string {
  const field = problem.field ? fieldLabel(problem.field) : undefined;
  return [problem.questionId, field, problem.message].filter(Boolean).join(": ");
}

/** `file:line: …`, the format editors and CI annotate. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.path}:${problem.line}: ${describeProblem(problem)}`;
}
