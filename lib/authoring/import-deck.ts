import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { commitImport } from "@/lib/data/authoring/deck-writes";
import type { Question } from "@/lib/domain/question";
import { describeMissing } from "@/lib/domain/teaching-parts";
import type { ImportCommitted, ImportPreview } from "@/lib/http/contracts";
import type { PreparedQuestion } from "@/lib/interchange/prepare-import";
import { fail, invalid, ok, type Outcome } from "@/lib/outcome";
import type { importSchema } from "@/lib/schemas/authoring";
import type { PrismaClient } from "@/prisma/generated/client";
import { authoringGlossary } from "./check-question";
import { newQuestionId } from "./ids";
import { ImportTimeout, prepareImportOffThread } from "./import-runner";

/**
 * An import into a deck. Without commit: the preview, in three groups: ready, needing work (valid but
 * for a missing explanation or rubric, with what is missing) and refused (every problem with its line).
 * With commit: the first two groups are saved as drafts in one transaction (those needing work cannot be
 * published until written, lib/domain/teaching-parts.ts), answering `{imported, needsWork, skipped,
 * problems}`; while refused questions remain, only if the author chose to skip them (onlyValid), otherwise
 * `invalid` with the preview and nothing saved. A file the worker cannot check in time is `unprocessable`.
 */
export async function importIntoDeck(
  client: PrismaClient,
  actor: Actor,
  deckId: string,
  input: z.output<typeof importSchema>,
): Promise<Outcome<ImportPreview | ImportCommitted>> {
  const { format, text, defaultTerms, commit, onlyValid } = input;
  const glossary = authoringGlossary();
  const unknown = defaultTerms.find((slug) => !glossary.slugs.has(slug));
  if (unknown) return invalid("defaultTerms", `no glossary term "${unknown}" exists`);

  let checked;
  try {
    checked = await prepareImportOffThread({ format, text, glossary, defaultTerms });
  } catch (error) {
    if (!(error instanceof ImportTimeout)) throw error;
    return fail({ code: "unprocessable", message: `${error.message}: split it into smaller files`, field: "text" });
  }
  const { prepared, summaries, needsWorkSummaries } = checked;
  const listed = (question: PreparedQuestion, summary: string) => ({
    line: question.line,
    type: question.type,
    difficulty: question.difficulty,
    terms: question.terms,
    summary,
  });
  const summary = {
    read: prepared.read,
    problems: prepared.problems,
    questions: prepared.questions.map((question, index) => listed(question, summaries[index]!)),
    needsWork: prepared.needsWork.map((question, index) => ({
      ...listed(question, needsWorkSummaries[index]!),
      missing: question.missing,
      reason: describeMissing(question.missing),
    })),
  };
  if (!commit) return ok(summary);
  if (prepared.problems.length > 0 && !onlyValid) {
    const count = prepared.problems.length;
    return invalid(
      "text",
      `${count} problem${count === 1 ? "" : "s"} in the file: fix ${count === 1 ? "it" : "them"}, or import only the questions that can be read`,
      { details: summary },
    );
  }
  // In the file's order, whichever group each question is in.
  const saved = [...prepared.questions, ...prepared.needsWork].sort((a, b) => a.line - b.line);
  if (saved.length === 0) return invalid("text", "no question to import");
  // The worker checked with provisional ids; saved questions get real ones. Those needing work keep
  // their missing parts empty: the editor and the deck page say what is missing.
  const questions = saved.map(({ line: _line, ...question }) => {
    const { missing: _missing, ...stored } = question as typeof question & { missing?: unknown };
    return { ...(stored as Question), id: newQuestionId() };
  });
  const committed = await commitImport(client, actor, deckId, questions);
  if (!committed.ok) return committed;
  return ok({
    imported: committed.value.imported,
    needsWork: prepared.needsWork.length,
    // Read but refused, and what the parser could not read at all.
    skipped: prepared.read - saved.length + prepared.unread,
    problems: prepared.problems,
  });
}
