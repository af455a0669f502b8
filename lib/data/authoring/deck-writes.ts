import "server-only";
import { contentHash } from "@/lib/content/content-hash";
import { canAuthor, canCopyQuestion, deckCopyRefusal, type Actor } from "@/lib/auth/roles";
import type { Question } from "@/lib/domain/question";
import { missingParts } from "@/lib/domain/teaching-parts";
import { ok, refuse, type Outcome } from "@/lib/outcome";
import type { DeckFrontMatter } from "@/lib/schemas/deck";
import type { PrismaClient } from "@/prisma/generated/client";
import { checkDeckAccess } from "./access";
import { insertDrafts } from "./question-writes";

/**
 * Writes of whole decks. An authored deck starts as a draft owned by its author; each write checks,
 * against the deck row and inside its transaction where there is one, that the actor may make it
 * (access.ts). Multi-row writes run in one transaction.
 */

export async function createDeck(client: PrismaClient, actor: Actor, meta: DeckFrontMatter, deckId: string): Promise<Outcome<{ id: string }>> {
  if (!canAuthor(actor.role)) return refuse("forbidden", "Only instructors and admins write decks");
  await client.deck.create({ data: { id: deckId, ...meta, source: "authored", ownerId: actor.id, status: "draft", contentHash: contentHash(meta) } });
  return ok({ id: deckId });
}

export async function updateDeck(client: PrismaClient, actor: Actor, deckId: string, meta: DeckFrontMatter): Promise<Outcome<{ id: string }>> {
  const allowed = await checkDeckAccess(client, actor, deckId);
  if (!allowed.ok) return allowed;
  await client.deck.update({ where: { id: deckId }, data: { ...meta, contentHash: contentHash(meta) } });
  return ok({ id: deckId });
}

/** Question ids per statement when publishing (see publishDeck). */
const PUBLISH_SLICE = 500;

/**
 * Publishes the deck and every draft question in it that is whole, at once: candidates never see half a
 * deck. Drafts still lacking an explanation, model answer or rubric stay drafts, counted in `needsWork`.
 */
export async function publishDeck(client: PrismaClient, actor: Actor, deckId: string): Promise<Outcome<{ published: number; needsWork: number }>> {
  return client.$transaction(async (tx) => {
    const allowed = await checkDeckAccess(tx, actor, deckId);
    if (!allowed.ok) return allowed;
    const live = await tx.question.count({ where: { deckId, archived: false } });
    if (live === 0) return refuse("conflict", "Add a question before publishing the deck");
    // Drafts still missing their explanation or rubric stay drafts; the deck page says what they need.
    // A draft has one revision, edited in place: one query reads them all.
    const drafts = await tx.questionRevision.findMany({
      where: { question: { deckId, status: "draft", archived: false } },
      select: { questionId: true, body: true },
    });
    const ready = drafts.filter((draft) => missingParts(JSON.parse(draft.body) as Question).length === 0).map((draft) => draft.questionId);
    await tx.deck.update({ where: { id: deckId }, data: { status: "published" } });
    let count = 0;
    // In slices: SQLite's driver takes at most 999 parameters a statement, and a deck may hold thousands.
    for (let start = 0; start < ready.length; start += PUBLISH_SLICE) {
      const ids = ready.slice(start, start + PUBLISH_SLICE);
      count += (await tx.question.updateMany({ where: { id: { in: ids } }, data: { status: "published" } })).count;
    }
    return ok({ published: count, needsWork: drafts.length - ready.length });
  });
}

/**
 * Copies a deck the actor may see (typically a built-in one) into a new draft deck they own: the current
 * revision of every live question, under new ids, since ids are unique across the whole bank.
 */
export async function duplicateDeck(
  client: PrismaClient,
  actor: Actor,
  deckId: string,
  ids: { deckId: string; questionId: () => string },
): Promise<Outcome<{ id: string; questions: number }>> {
  const source = await client.deck.findUnique({
    where: { id: deckId },
    include: { questions: { where: { archived: false }, orderBy: { position: "asc" }, include: { revisions: { orderBy: { revision: "desc" }, take: 1 } } } },
  });
  if (!source) return refuse("not-found", "Deck not found");
  const refused = deckCopyRefusal(actor, source);
  if (refused) return refused === "not-found" ? refuse("not-found", "Deck not found") : refuse("forbidden", "Only instructors and admins duplicate decks");
  const meta = { title: `${source.title} (copy)`.slice(0, 120), topic: source.topic, description: source.description, level: source.level };
  const copies = source.questions
    .filter((row) => canCopyQuestion(actor, source, row))
    .map((row) => ({ ...(JSON.parse(row.revisions[0]!.body) as Question), id: ids.questionId() }));
  await client.$transaction(async (tx) => {
    await tx.deck.create({ data: { id: ids.deckId, ...meta, source: "authored", ownerId: actor.id, status: "draft", contentHash: contentHash(meta) } });
    await insertDrafts(tx, ids.deckId, copies, 0);
  });
  return ok({ id: ids.deckId, questions: copies.length });
}

/** Saves imported questions as drafts at the end of the deck, all or none: one transaction. */
export async function commitImport(client: PrismaClient, actor: Actor, deckId: string, questions: Question[]): Promise<Outcome<{ imported: number }>> {
  return client.$transaction(async (tx) => {
    const allowed = await checkDeckAccess(tx, actor, deckId);
    if (!allowed.ok) return allowed;
    const last = await tx.question.aggregate({ where: { deckId }, _max: { position: true } });
    await insertDrafts(tx, deckId, questions, (last._max.position ?? -1) + 1);
    return ok({ imported: questions.length });
  });
}
