import "server-only";
import { contentHash } from "@/lib/content/content-hash";
import type { ParsedDeck } from "@/lib/content/deck-check";
import { dialect } from "@/lib/data/dialect";
import type { Question } from "@/lib/domain/question";
import type { Prisma, PrismaClient } from "@/prisma/generated/client";

export type SyncStats = { decks: number; created: number; revised: number; unchanged: number; archived: number };

type Placed = { deckId: string; position: number; question: Question; body: string; hash: string };

/** The question as stored in a revision: everything but where it sits in the file. */
function storedBody(question: Question & { line?: number }): Question {
  const body = { ...question };
  delete body.line;
  return body;
}

const placementOf = ({ deckId, position, question }: Placed) => ({
  deckId,
  position,
  type: question.type,
  difficulty: question.difficulty,
  archived: false,
});

const termRows = (placed: Placed[]) =>
  placed.flatMap(({ question }) => question.terms.map((termSlug) => ({ questionId: question.id, termSlug })));

/**
 * Brings the database in line with the content decks, in one transaction. A question is matched by its
 * stable id and compared by content hash: new ones are created, changed ones get a new revision (old
 * attempts keep pointing at the revision they answered), and ones gone from content are archived, never
 * deleted, so no one's history is orphaned. Running it twice on the same content changes nothing.
 *
 * Writes are batched (createMany, one read of what exists): on PostgreSQL every statement is a network
 * round trip, and the first sync of 901 questions one by one took about 2,700 of them (12 s here). Only
 * questions that changed place or content cost a statement each. Servers starting together on one
 * database take turns (the dialect's sync lock). With a `fingerprint` of the inputs, it is recorded as the
 * database's last sync.
 */
export async function syncContentDecks(client: PrismaClient, decks: ParsedDeck[], fingerprint?: string): Promise<SyncStats> {
  const stats: SyncStats = { decks: decks.length, created: 0, revised: 0, unchanged: 0, archived: 0 };
  const placed: Placed[] = decks.flatMap((deck) =>
    deck.questions.map((question, position) => {
      const body = storedBody(question);
      return { deckId: deck.slug, position, question, body: JSON.stringify(body), hash: contentHash(body) };
    }),
  );
  const ids = placed.map(({ question }) => question.id);

  await client.$transaction(async (tx) => {
    await dialect.lockContentSync(tx);
    for (const deck of decks) {
      const meta = { title: deck.title, topic: deck.topic, description: deck.description, level: deck.level };
      const deckHash = contentHash({ ...meta, questions: deck.questions.map((question) => question.id) });
      await tx.deck.upsert({
        where: { id: deck.slug },
        create: { id: deck.slug, ...meta, source: "content", contentHash: deckHash },
        update: { ...meta, contentHash: deckHash },
      });
    }

    const existing = await tx.question.findMany({
      where: { id: { in: ids } },
      select: { id: true, deckId: true, position: true, difficulty: true, archived: true, revision: true },
    });
    // Every revision of these questions (a handful each), filtered here to the current one: one plain query.
    const revisions = await tx.questionRevision.findMany({
      where: { questionId: { in: existing.map(({ id }) => id) } },
      select: { questionId: true, revision: true, contentHash: true },
    });
    const byId = new Map(existing.map((question) => [question.id, question]));
    const hashById = new Map(
      revisions
        .filter((row) => byId.get(row.questionId)?.revision === row.revision)
        .map((row) => [row.questionId, row.contentHash]),
    );

    const created = placed.filter(({ question }) => !byId.has(question.id));
    const revised = placed.filter(({ question, hash }) => byId.has(question.id) && hashById.get(question.id) !== hash);
    const unchanged = placed.filter(({ question, hash }) => byId.has(question.id) && hashById.get(question.id) === hash);

    await createQuestions(tx, created);
    await reviseQuestions(tx, revised, byId);
    for (const entry of unchanged) {
      const current = byId.get(entry.question.id)!;
      const moved =
        current.deckId !== entry.deckId ||
        current.position !== entry.position ||
        current.archived ||
        current.difficulty !== entry.question.difficulty;
      if (moved) await tx.question.update({ where: { id: entry.question.id }, data: placementOf(entry) });
    }

    // Gone from its deck's file, or its deck's file is gone: archived (content decks only).
    const archived = await tx.question.updateMany({
      where: { deck: { source: "content" }, id: { notIn: ids }, archived: false },
      data: { archived: true },
    });
    // The one ContentSync row, written with the decks it describes: `npm start` skips the next sync of
    // the same inputs (scripts/content-sync-cache.ts), and a sync that fails leaves the old fingerprint.
    if (fingerprint) {
      const marker = { fingerprint, syncedAt: new Date() };
      await tx.contentSync.upsert({ where: { id: 1 }, create: { id: 1, ...marker }, update: marker });
    }
    Object.assign(stats, {
      created: created.length,
      revised: revised.length,
      unchanged: unchanged.length,
      archived: archived.count,
    });
  });
  return stats;
}

async function createQuestions(tx: Prisma.TransactionClient, created: Placed[]): Promise<void> {
  if (!created.length) return;
  await tx.question.createMany({
    data: created.map((entry) => ({ id: entry.question.id, ...placementOf(entry), revision: 1 })),
  });
  await tx.questionRevision.createMany({
    data: created.map(({ question, hash, body }) => ({ questionId: question.id, revision: 1, contentHash: hash, body })),
  });
  await tx.questionTerm.createMany({ data: termRows(created) });
}

async function reviseQuestions(
  tx: Prisma.TransactionClient,
  revised: Placed[],
  byId: Map<string, { revision: number }>,
): Promise<void> {
  if (!revised.length) return;
  const next = (entry: Placed) => byId.get(entry.question.id)!.revision + 1;
  await tx.questionRevision.createMany({
    data: revised.map((entry) => ({
      questionId: entry.question.id,
      revision: next(entry),
      contentHash: entry.hash,
      body: entry.body,
    })),
  });
  await tx.questionTerm.deleteMany({ where: { questionId: { in: revised.map(({ question }) => question.id) } } });
  await tx.questionTerm.createMany({ data: termRows(revised) });
  for (const entry of revised) {
    await tx.question.update({ where: { id: entry.question.id }, data: { ...placementOf(entry), revision: next(entry) } });
  }
}
