import "server-only";
import { contentHash } from "@/lib/content/content-hash";
import type { ParsedDeck } from "@/lib/content/deck-check";
import type { Question } from "@/lib/domain/question";
import type { PrismaClient } from "@/prisma/generated/client";

export type SyncStats = { decks: number; created: number; revised: number; unchanged: number; archived: number };

/** The question as stored in a revision: everything but where it sits in the file. */
function storedBody(question: Question & { line?: number }): Question {
  const body = { ...question };
  delete body.line;
  return body;
}

/**
 * Brings the database in line with the content decks, in one transaction. A question is matched by its
 * stable id and compared by content hash: new ones are created, changed ones get a new revision (old
 * attempts keep pointing at the revision they answered), and ones gone from content are archived, never
 * deleted, so no one's history is orphaned. Running it twice on the same content changes nothing.
 */
export async function syncContentDecks(client: PrismaClient, decks: ParsedDeck[]): Promise<SyncStats> {
  const stats: SyncStats = { decks: decks.length, created: 0, revised: 0, unchanged: 0, archived: 0 };
  await client.$transaction(async (tx) => {
    for (const deck of decks) {
      const meta = { title: deck.title, topic: deck.topic, description: deck.description, level: deck.level };
      const deckHash = contentHash({ ...meta, questions: deck.questions.map((question) => question.id) });
      await tx.deck.upsert({
        where: { id: deck.slug },
        create: { id: deck.slug, ...meta, source: "content", contentHash: deckHash },
        update: { ...meta, contentHash: deckHash },
      });

      const ids = deck.questions.map((question) => question.id);
      const existing = await tx.question.findMany({
        where: { id: { in: ids } },
        include: { revisions: { orderBy: { revision: "desc" }, take: 1 } },
      });
      const byId = new Map(existing.map((question) => [question.id, question]));

      for (const [position, question] of deck.questions.entries()) {
        const body = storedBody(question);
        const hash = contentHash(body);
        const placement = { deckId: deck.slug, position, type: question.type, difficulty: question.difficulty, archived: false };
        const current = byId.get(question.id);
        if (!current) {
          await tx.question.create({
            data: {
              id: question.id,
              ...placement,
              revision: 1,
              revisions: { create: { revision: 1, contentHash: hash, body: JSON.stringify(body) } },
              terms: { create: question.terms.map((termSlug) => ({ termSlug })) },
            },
          });
          stats.created++;
        } else if (current.revisions[0]?.contentHash !== hash) {
          const revision = current.revision + 1;
          await tx.questionRevision.create({
            data: { questionId: question.id, revision, contentHash: hash, body: JSON.stringify(body) },
          });
          await tx.questionTerm.deleteMany({ where: { questionId: question.id } });
          await tx.question.update({
            where: { id: question.id },
            data: { ...placement, revision, terms: { create: question.terms.map((termSlug) => ({ termSlug })) } },
          });
          stats.revised++;
        } else {
          const moved =
            current.deckId !== deck.slug || current.position !== position || current.archived || current.difficulty !== question.difficulty;
          if (moved) await tx.question.update({ where: { id: question.id }, data: placement });
          stats.unchanged++;
        }
      }

      const archived = await tx.question.updateMany({
        where: { deckId: deck.slug, id: { notIn: ids }, archived: false },
        data: { archived: true },
      });
      stats.archived += archived.count;
    }
    // A content deck whose file is gone: its questions are archived too.
    const orphaned = await tx.question.updateMany({
      where: { deck: { source: "content", id: { notIn: decks.map((deck) => deck.slug) } }, archived: false },
      data: { archived: true },
    });
    stats.archived += orphaned.count;
  });
  return stats;
}
