import "server-only";
import { contentHash } from "@/lib/content/content-hash";
import { canAuthor, canCopyQuestion, deckCopyRefusal, type Actor } from "@/lib/auth/roles";
import type { Question } from "@/lib/domain/question";
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

/** Publishes the deck and every draft question in it, at once: candidates never see half a deck. */
export async function publishDeck(client: PrismaClient, actor: Actor, deckId: string): Promise<Outcome<{ published: number }>> {
  return client.$transaction(async (tx) => {
    const allowed = await checkDeckAccess(tx, actor, deckId);
    if (!allowed.ok) return allowed;
    const live = await tx.question.count({ where: { deckId, archived: false } });
    if (live === 0) return refuse("conflict", "Add a question before publishing the deck");
    await tx.deck.update({ where: { id: deckId }, data: { status: "published" } });
    const { count } = await tx.question.updateMany({ where: { deckId, status: "draft", archived: false }, data: { status: "published" } });
    return ok({ published: count });
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
