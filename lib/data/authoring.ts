import "server-only";
import { contentHash } from "@/lib/content/content-hash";
import { canAuthor, canEditDeck, type Role } from "@/lib/auth/roles";
import type { Question } from "@/lib/domain/question";
import type { DeckFrontMatter } from "@/lib/schemas/deck";
import type { Prisma, PrismaClient } from "@/prisma/generated/client";
import { forgetQuestion } from "./questions";

/**
 * Writes of the authoring UI. Every function takes the acting user with their current role and checks,
 * against the row it is about to touch, that this user may touch it (canEditDeck): the route in front is
 * not trusted to have done so. Multi-row writes run in one transaction.
 *
 * Lifecycle: an authored deck starts as a draft. A draft question's single revision is edited in place
 * (nobody can have answered it: drafts are invisible and unanswerable). Publishing freezes it; every
 * later edit of a published question adds a revision, so attempts keep pointing at what was answered. A
 * question with attempts is archived instead of deleted.
 */

export type Actor = { id: string; role: Role };
export type Refusal = { ok: false; status: 403 | 404 | 409; error: string };
export type Outcome<T> = { ok: true; value: T } | Refusal;

const refuse = (status: Refusal["status"], error: string): Refusal => ({ ok: false, status, error });
const NOT_YOURS = "Only the deck's owner or an admin may change it; built-in decks are read-only (duplicate one to edit it)";

type Tx = Prisma.TransactionClient;
type DeckRow = { id: string; title: string; source: string; ownerId: string | null; status: string };

async function editableDeck(client: Tx | PrismaClient, actor: Actor, deckId: string): Promise<Outcome<DeckRow>> {
  const deck = await client.deck.findUnique({ where: { id: deckId }, select: { id: true, title: true, source: true, ownerId: true, status: true } });
  if (!deck) return refuse(404, "Deck not found");
  if (!canEditDeck(actor, deck)) return canSeeDeck(actor, deck) ? refuse(403, NOT_YOURS) : refuse(404, "Deck not found");
  return { ok: true, value: deck };
}

type QuestionRow = { id: string; deckId: string; position: number; revision: number; status: string; archived: boolean; deck: DeckRow };

async function editableQuestion(client: Tx | PrismaClient, actor: Actor, questionId: string): Promise<Outcome<QuestionRow>> {
  const question = await client.question.findUnique({
    where: { id: questionId },
    select: { id: true, deckId: true, position: true, revision: true, status: true, archived: true, deck: { select: { id: true, title: true, source: true, ownerId: true, status: true } } },
  });
  if (!question) return refuse(404, "Question not found");
  if (!canEditDeck(actor, question.deck)) return canSeeDeck(actor, question.deck) ? refuse(403, NOT_YOURS) : refuse(404, "Question not found");
  return { ok: true, value: question };
}

/**
 * Decks an author may look at in the bank: built-in and published ones, and the ones they may edit.
 * Another author's draft is answered as not found, so its existence does not leak.
 */
export function canSeeDeck(actor: Actor, deck: DeckRow): boolean {
  return canAuthor(actor.role) && (deck.source === "content" || deck.status === "published" || canEditDeck(actor, deck));
}

export type DeckAccess = { deck: DeckRow; canEdit: boolean; canSee: boolean } | undefined;

/** What the actor may do with a deck in the bank; undefined when it does not exist. */
export async function deckAccess(client: PrismaClient, actor: Actor, deckId: string): Promise<DeckAccess> {
  const deck = await client.deck.findUnique({ where: { id: deckId }, select: { id: true, title: true, source: true, ownerId: true, status: true } });
  return deck ? { deck, canEdit: canEditDeck(actor, deck), canSee: canSeeDeck(actor, deck) } : undefined;
}

export type EditorQuestion = { id: string; position: number; revision: number; status: string; archived: boolean; attempts: number; question: Question };
export type EditorDeck = DeckFrontMatter & { id: string; status: string; ownerId: string | null; questions: EditorQuestion[] };

/** A deck with every question (drafts and archived included) and its current body, for its editors. */
export async function loadEditableDeck(client: PrismaClient, actor: Actor, deckId: string): Promise<Outcome<EditorDeck>> {
  const allowed = await editableDeck(client, actor, deckId);
  if (!allowed.ok) return allowed;
  const deck = await client.deck.findUniqueOrThrow({
    where: { id: deckId },
    include: {
      questions: {
        orderBy: { position: "asc" },
        include: { revisions: { orderBy: { revision: "desc" }, take: 1 }, _count: { select: { attempts: true } } },
      },
    },
  });
  const { id, title, topic, description, level, status, ownerId } = deck;
  return {
    ok: true,
    value: {
      id,
      title,
      topic: topic as DeckFrontMatter["topic"],
      description,
      level: level as DeckFrontMatter["level"],
      status,
      ownerId,
      questions: deck.questions.map((row) => ({
        id: row.id,
        position: row.position,
        revision: row.revision,
        status: row.status,
        archived: row.archived,
        attempts: row._count.attempts,
        question: JSON.parse(row.revisions[0]!.body) as Question,
      })),
    },
  };
}

export type AuthoredDeckSummary = { id: string; title: string; topic: string; status: string; ownerEmail: string | null; questions: number; drafts: number };

/** The authored decks an actor may edit: their own, or every one for an admin. */
export async function listEditableDecks(client: PrismaClient, actor: Actor): Promise<AuthoredDeckSummary[]> {
  if (!canAuthor(actor.role)) return [];
  const decks = await client.deck.findMany({
    where: { source: "authored", ...(actor.role === "admin" ? {} : { ownerId: actor.id }) },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, topic: true, status: true, owner: { select: { email: true } }, questions: { where: { archived: false }, select: { status: true } } },
  });
  return decks.map((deck) => ({
    id: deck.id,
    title: deck.title,
    topic: deck.topic,
    status: deck.status,
    ownerEmail: deck.owner?.email ?? null,
    questions: deck.questions.length,
    drafts: deck.questions.filter((question) => question.status === "draft").length,
  }));
}

export async function createDeck(client: PrismaClient, actor: Actor, meta: DeckFrontMatter, deckId: string): Promise<Outcome<{ id: string }>> {
  if (!canAuthor(actor.role)) return refuse(403, "Only instructors and admins write decks");
  await client.deck.create({ data: { id: deckId, ...meta, source: "authored", ownerId: actor.id, status: "draft", contentHash: contentHash(meta) } });
  return { ok: true, value: { id: deckId } };
}

export async function updateDeck(client: PrismaClient, actor: Actor, deckId: string, meta: DeckFrontMatter): Promise<Outcome<{ id: string }>> {
  const allowed = await editableDeck(client, actor, deckId);
  if (!allowed.ok) return allowed;
  await client.deck.update({ where: { id: deckId }, data: { ...meta, contentHash: contentHash(meta) } });
  return { ok: true, value: { id: deckId } };
}

/** Publishes the deck and every draft question in it, at once: candidates never see half a deck. */
export async function publishDeck(client: PrismaClient, actor: Actor, deckId: string): Promise<Outcome<{ published: number }>> {
  return client.$transaction(async (tx) => {
    const allowed = await editableDeck(tx, actor, deckId);
    if (!allowed.ok) return allowed;
    const live = await tx.question.count({ where: { deckId, archived: false } });
    if (live === 0) return refuse(409, "Add a question before publishing the deck");
    await tx.deck.update({ where: { id: deckId }, data: { status: "published" } });
    const { count } = await tx.question.updateMany({ where: { deckId, status: "draft", archived: false }, data: { status: "published" } });
    return { ok: true as const, value: { published: count } };
  });
}

function questionData(question: Question) {
  return { type: question.type, difficulty: question.difficulty };
}

const termRows = (question: Question) => question.terms.map((termSlug) => ({ termSlug }));

/** Adds a question at the end of the deck, as a draft until its author publishes it (or the deck). */
export async function createQuestion(client: PrismaClient, actor: Actor, deckId: string, question: Question): Promise<Outcome<{ id: string; status: string }>> {
  return client.$transaction(async (tx) => {
    const allowed = await editableDeck(tx, actor, deckId);
    if (!allowed.ok) return allowed;
    const last = await tx.question.aggregate({ where: { deckId }, _max: { position: true } });
    await tx.question.create({
      data: {
        id: question.id,
        deckId,
        position: (last._max.position ?? -1) + 1,
        ...questionData(question),
        status: "draft",
        revision: 1,
        revisions: { create: { revision: 1, contentHash: contentHash(question), body: JSON.stringify(question) } },
        terms: { create: termRows(question) },
      },
    });
    return { ok: true as const, value: { id: question.id, status: "draft" } };
  });
}

/**
 * Saves an edit. A draft is rewritten in place; a published question gets a new revision (unless nothing
 * changed), and its old revisions stay for the attempts that point at them.
 */
export async function updateQuestion(client: PrismaClient, actor: Actor, question: Question): Promise<Outcome<{ id: string; revision: number; status: string }>> {
  return client.$transaction(async (tx) => {
    const allowed = await editableQuestion(tx, actor, question.id);
    if (!allowed.ok) return allowed;
    const current = allowed.value;
    const hash = contentHash(question);
    const body = JSON.stringify(question);
    let revision = current.revision;
    if (current.status === "draft") {
      await tx.questionRevision.update({ where: { questionId_revision: { questionId: question.id, revision } }, data: { contentHash: hash, body } });
    } else {
      const latest = await tx.questionRevision.findUniqueOrThrow({ where: { questionId_revision: { questionId: question.id, revision } }, select: { contentHash: true } });
      if (latest.contentHash === hash) return { ok: true as const, value: { id: question.id, revision, status: current.status } };
      revision += 1;
      await tx.questionRevision.create({ data: { questionId: question.id, revision, contentHash: hash, body } });
    }
    await tx.questionTerm.deleteMany({ where: { questionId: question.id } });
    await tx.question.update({ where: { id: question.id }, data: { ...questionData(question), revision, terms: { create: termRows(question) } } });
    return { ok: true as const, value: { id: question.id, revision, status: current.status } };
  });
}

/** Publishes one draft question; its deck goes live with it if it was still a draft. */
export async function publishQuestion(client: PrismaClient, actor: Actor, questionId: string): Promise<Outcome<{ id: string }>> {
  return client.$transaction(async (tx) => {
    const allowed = await editableQuestion(tx, actor, questionId);
    if (!allowed.ok) return allowed;
    if (allowed.value.archived) return refuse(409, "Restore the question before publishing it");
    await tx.question.update({ where: { id: questionId }, data: { status: "published" } });
    if (allowed.value.deck.status !== "published") await tx.deck.update({ where: { id: allowed.value.deckId }, data: { status: "published" } });
    return { ok: true as const, value: { id: questionId } };
  });
}

/** Swaps a question with its neighbour above or below. */
export async function moveQuestion(client: PrismaClient, actor: Actor, questionId: string, direction: "up" | "down"): Promise<Outcome<{ moved: boolean }>> {
  return client.$transaction(async (tx) => {
    const allowed = await editableQuestion(tx, actor, questionId);
    if (!allowed.ok) return allowed;
    const { deckId, position } = allowed.value;
    const neighbour = await tx.question.findFirst({
      where: { deckId, position: direction === "up" ? { lt: position } : { gt: position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return { ok: true as const, value: { moved: false } };
    await tx.question.update({ where: { id: questionId }, data: { position: neighbour.position } });
    await tx.question.update({ where: { id: neighbour.id }, data: { position } });
    return { ok: true as const, value: { moved: true } };
  });
}

/** Deletes a question nobody has answered; one with attempts is archived, so their history stays whole. */
export async function removeQuestion(client: PrismaClient, actor: Actor, questionId: string): Promise<Outcome<{ outcome: "deleted" | "archived" }>> {
  const removed = await client.$transaction(async (tx) => {
    const allowed = await editableQuestion(tx, actor, questionId);
    if (!allowed.ok) return allowed;
    const attempts = await tx.attempt.count({ where: { questionId } });
    if (attempts > 0) {
      await tx.question.update({ where: { id: questionId }, data: { archived: true } });
      return { ok: true as const, value: { outcome: "archived" as const } };
    }
    await tx.reviewCard.deleteMany({ where: { questionId } });
    await tx.questionTerm.deleteMany({ where: { questionId } });
    await tx.questionRevision.deleteMany({ where: { questionId } });
    await tx.question.delete({ where: { id: questionId } });
    return { ok: true as const, value: { outcome: "deleted" as const } };
  });
  if (removed.ok && removed.value.outcome === "deleted") forgetQuestion(questionId);
  return removed;
}

export async function restoreQuestion(client: PrismaClient, actor: Actor, questionId: string): Promise<Outcome<{ id: string }>> {
  const allowed = await editableQuestion(client, actor, questionId);
  if (!allowed.ok) return allowed;
  await client.question.update({ where: { id: questionId }, data: { archived: false } });
  return { ok: true, value: { id: questionId } };
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
  if (!source) return refuse(404, "Deck not found");
  if (!canSeeDeck(actor, source)) return canAuthor(actor.role) ? refuse(404, "Deck not found") : refuse(403, "Only instructors and admins duplicate decks");
  const meta = { title: `${source.title} (copy)`.slice(0, 120), topic: source.topic, description: source.description, level: source.level };
  const copies = source.questions
    // Someone else's drafts stay theirs.
    .filter((row) => row.status === "published" || canEditDeck(actor, source))
    .map((row) => ({ ...(JSON.parse(row.revisions[0]!.body) as Question), id: ids.questionId() }));
  await client.$transaction(async (tx) => {
    await tx.deck.create({ data: { id: ids.deckId, ...meta, source: "authored", ownerId: actor.id, status: "draft", contentHash: contentHash(meta) } });
    await insertDrafts(tx, ids.deckId, copies, 0);
  });
  return { ok: true, value: { id: ids.deckId, questions: copies.length } };
}

async function insertDrafts(tx: Tx, deckId: string, questions: Question[], firstPosition: number) {
  const revisions = questions.map((question) => ({ questionId: question.id, revision: 1, contentHash: contentHash(question), body: JSON.stringify(question) }));
  await tx.question.createMany({
    data: questions.map((question, index) => ({ id: question.id, deckId, position: firstPosition + index, ...questionData(question), status: "draft", revision: 1 })),
  });
  await tx.questionRevision.createMany({ data: revisions });
  await tx.questionTerm.createMany({ data: questions.flatMap((question) => termRows(question).map((row) => ({ questionId: question.id, ...row }))) });
}

/** Saves imported questions as drafts at the end of the deck, all or none: one transaction. */
export async function commitImport(client: PrismaClient, actor: Actor, deckId: string, questions: Question[]): Promise<Outcome<{ imported: number }>> {
  return client.$transaction(async (tx) => {
    const allowed = await editableDeck(tx, actor, deckId);
    if (!allowed.ok) return allowed;
    const last = await tx.question.aggregate({ where: { deckId }, _max: { position: true } });
    await insertDrafts(tx, deckId, questions, (last._max.position ?? -1) + 1);
    return { ok: true as const, value: { imported: questions.length } };
  });
}

/** One question with its current body, for its editors. */
export async function loadEditableQuestion(
  client: PrismaClient,
  actor: Actor,
  questionId: string,
): Promise<Outcome<{ deck: DeckRow; status: string; revision: number; question: Question }>> {
  const allowed = await editableQuestion(client, actor, questionId);
  if (!allowed.ok) return allowed;
  const { deck, status, revision } = allowed.value;
  const stored = await client.questionRevision.findUniqueOrThrow({ where: { questionId_revision: { questionId, revision } }, select: { body: true } });
  return { ok: true, value: { deck, status, revision, question: JSON.parse(stored.body) as Question } };
}

/** Whether the actor may edit the question's deck (routes check this before reading a body). */
export async function checkQuestionAccess(client: PrismaClient, actor: Actor, questionId: string): Promise<Outcome<QuestionRow>> {
  return editableQuestion(client, actor, questionId);
}

/** Whether the actor may edit the deck (routes before reading a body, pages before rendering an editor). */
export async function checkDeckAccess(client: PrismaClient, actor: Actor, deckId: string): Promise<Outcome<DeckRow>> {
  return editableDeck(client, actor, deckId);
}
