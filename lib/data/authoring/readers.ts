import "server-only";
import { canAuthor, canEditEveryAuthoredDeck, type Actor } from "@/lib/auth/roles";
import type { Question } from "@/lib/domain/question";
import { ok, type Outcome } from "@/lib/outcome";
import type { DeckFrontMatter } from "@/lib/schemas/deck";
import type { PrismaClient } from "@/prisma/generated/client";
import { checkDeckAccess, checkQuestionAccess, type DeckRow } from "./access";

/** What the authoring pages read: decks and questions as their editors see them, drafts and archived included. */

export type EditorQuestion = { id: string; position: number; revision: number; status: string; archived: boolean; attempts: number; question: Question };
export type EditorDeck = DeckFrontMatter & { id: string; status: string; ownerId: string | null; questions: EditorQuestion[] };

/** A deck with every question (drafts and archived included) and its current body, for its editors. */
export async function loadEditableDeck(client: PrismaClient, actor: Actor, deckId: string): Promise<Outcome<EditorDeck>> {
  const allowed = await checkDeckAccess(client, actor, deckId);
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
  return ok({
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
  });
}

export type AuthoredDeckSummary = { id: string; title: string; topic: string; status: string; ownerEmail: string | null; questions: number; drafts: number };

/** The authored decks an actor may edit: their own, or every one for an admin. */
export async function listEditableDecks(client: PrismaClient, actor: Actor): Promise<AuthoredDeckSummary[]> {
  if (!canAuthor(actor.role)) return [];
  const decks = await client.deck.findMany({
    where: { source: "authored", ...(canEditEveryAuthoredDeck(actor.role) ? {} : { ownerId: actor.id }) },
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

/** One question with its current body, for its editors. */
export async function loadEditableQuestion(
  client: PrismaClient,
  actor: Actor,
  questionId: string,
): Promise<Outcome<{ deck: DeckRow; status: string; revision: number; question: Question }>> {
  const allowed = await checkQuestionAccess(client, actor, questionId);
  if (!allowed.ok) return allowed;
  const { deck, status, revision } = allowed.value;
  const stored = await client.questionRevision.findUniqueOrThrow({ where: { questionId_revision: { questionId, revision } }, select: { body: true } });
  return ok({ deck, status, revision, question: JSON.parse(stored.body) as Question });
}
