import { markdownSummary, PROMPT_SUMMARY_CHARS } from "@/lib/content/markdown-text";
import type { ImportFormat } from "@/lib/schemas/authoring";
import { prepareImport, type ImportGlossary, type PreparedImport } from "./prepare-import";

/**
 * One import as the worker thread runs it (import-worker.mjs): everything a job needs travels in the
 * message, and the result goes back the same way. Ids are provisional (`q-import-1`, ...): the server
 * gives saved questions real ids.
 */
export type ImportJob = {
  id: number;
  format: ImportFormat;
  text: string;
  glossary: ImportGlossary;
  defaultTerms: string[];
};
/**
 * One-line summaries for the import preview's lists: `summaries[i]` of `prepared.questions[i]`,
 * `needsWorkSummaries[i]` of `prepared.needsWork[i]`.
 */
export type CheckedImport = { prepared: PreparedImport; summaries: string[]; needsWorkSummaries: string[] };
export type ImportJobResult = ({ id: number } & CheckedImport) | { id: number; error: string };

export function runImportJob(job: ImportJob): ImportJobResult {
  let count = 0;
  try {
    const prepared = prepareImport(job.format, job.text, job.glossary, {
      defaultTerms: job.defaultTerms,
      newId: () => `q-import-${++count}`,
    });
    // Summaries take a Markdown parse each: thousands of them are seconds of CPU, so they are made here too.
    const names = new Map(job.glossary.terms.map((term) => [term.slug, term.term]));
    const summarise = (question: { prompt: string }) =>
      markdownSummary(question.prompt, (slug) => names.get(slug), PROMPT_SUMMARY_CHARS);
    return {
      id: job.id,
      prepared,
      summaries: prepared.questions.map(summarise),
      needsWorkSummaries: prepared.needsWork.map(summarise),
    };
  } catch (error) {
    // The pipeline reports problems rather than throwing; anything thrown is a bug to surface, not hide.
    return { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
