import type { Question } from "@/lib/domain/question";
import type { DistributiveOmit, ImportedQuestion } from "@/lib/interchange/imported-question";

/** Helpers the interchange format tests share for writing expected questions and comparing round trips. */

const defaults = { difficulty: 2 as const, terms: [] as string[], tags: [] as string[], explanation: "" };
type Fields = DistributiveOmit<ImportedQuestion, keyof typeof defaults> &
  Partial<Pick<ImportedQuestion, "tags" | "explanation">>;

/** An imported question with the fields every format fills the same way (importedFields) defaulted. */
export const imported = (fields: Fields): ImportedQuestion => ({ ...defaults, ...fields });

/**
 * What GIFT and Moodle XML keep of a question: everything but the id (written as the title; ids are given
 * on import), the glossary terms (mlprep's own; an import infers them) and the difficulty (neither format
 * has one; imports are medium). The line is where a question was read. toEqual skips undefined keys.
 */
export const portable = (question: ImportedQuestion | Question) => ({
  ...question,
  id: undefined,
  line: undefined,
  difficulty: undefined,
  terms: undefined,
});
