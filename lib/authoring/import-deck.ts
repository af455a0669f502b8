import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { commitImport } from "@/lib/data/authoring/deck-writes";
import { fail, invalid, ok, type Outcome } from "@/lib/outcome";
import type { importSchema } from "@/lib/schemas/authoring";
import type { PrismaClient } from "@/prisma/generated/client";
import { authoringGlossary } from "./check-question";
import { newQuestionId } from "./ids";
import { ImportTimeout, prepareImportOffThread } from "./import-runner";

/**
 * An import into a deck. Without commit: the preview (what would be imported, every problem with its
 * line). With commit: the questions are saved as drafts in one transaction, and only if no problem
 * remains or the author chose to skip the invalid ones; otherwise `invalid` with the preview, and
 * nothing is saved. A file the worker cannot check in time is `unprocessable`.
 */
export async function importIntoDeck(
  client: PrismaClient,
  actor: Actor,
  deckId: string,
  input: z.output<typeof importSchema>,
): Promise<Outcome<unknown>> {
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
  const { prepared, summaries } = checked;
  const summary = {
    read: prepared.read,
    problems: prepared.problems,
    questions: prepared.questions.map((question, index) => ({
      line: question.line,
      type: question.type,
      difficulty: question.difficulty,
      terms: question.terms,
      summary: summaries[index]!,
    })),
  };
  if (!commit) return ok(summary);
  if (prepared.problems.length > 0 && !onlyValid) {
    const count = prepared.problems.length;
    return invalid(
      "text",
      `${count} problem${count === 1 ? "" : "s"} in the file: fix ${count === 1 ? "it" : "them"}, or import only the valid questions`,
      { details: summary },
    );
  }
  if (prepared.questions.length === 0) return invalid("text", "no valid question to import");
  // The worker checked with provisional ids; saved questions get real ones.
  const questions = prepared.questions.map(({ line: _, ...question }) => ({ ...question, id: newQuestionId() }));
  return commitImport(client, actor, deckId, questions);
}
