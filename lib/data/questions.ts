import "server-only";
import { cache } from "react";
import type { Question } from "@/lib/domain/question";
import type { Prisma, PrismaClient } from "@/prisma/generated/client";

type Client = Pick<PrismaClient, "questionRevision" | "question" | "deck">;

/**
 * Revisions of published questions are immutable, so each is read from the database once per process. A
 * draft's only revision is edited in place (lib/data/authoring.ts): drafts are neither cached nor
 * answerable, so this treats them as unknown.
 */
const revisions = new Map<string, Question>();

export async function getQuestionRevision(client: Client, questionId: string, revision: number): Promise<Question | undefined> {
  const cacheKey = `${questionId}@${revision}`;
  const cached = revisions.get(cacheKey);
  if (cached) return cached;
  const stored = await client.questionRevision.findUnique({
    where: { questionId_revision: { questionId, revision } },
    include: { question: { select: { status: true } } },
  });
  if (!stored || stored.question.status !== "published") return undefined;
  const question = JSON.parse(stored.body) as Question;
  revisions.set(cacheKey, question);
  return question;
}

export type PracticeQuestion = { question: Question; revision: number; deckId: string; deckTitle: string; topic: string };

/** What candidates may practise: published and not archived (a published question's deck is published). */
export const LIVE_QUESTION = { archived: false, status: "published" } as const;

/** The current revision of every live question matching `where`, in deck order. */
export async function findPracticeQuestions(client: Client, where: Prisma.QuestionWhereInput): Promise<PracticeQuestion[]> {
  const rows = await client.question.findMany({
    where: { ...where, ...LIVE_QUESTION },
    select: { id: true, revision: true, deckId: true, deck: { select: { title: true, topic: true } } },
    orderBy: [{ deckId: "asc" }, { position: "asc" }],
  });
  const questions = await Promise.all(rows.map((row) => getQuestionRevision(client, row.id, row.revision)));
  return rows.flatMap((row, index) => {
    const question = questions[index];
    return question ? [{ question, revision: row.revision, deckId: row.deckId, deckTitle: row.deck.title, topic: row.deck.topic }] : [];
  });
}

export type DeckSummary = { id: string; title: string; topic: string; description: string; level: string; source: string; ownerId: string | null; questionCount: number };

const deckSummary = {
  include: { _count: { select: { questions: { where: LIVE_QUESTION } } } },
} as const;

type DeckRow = { id: string; title: string; topic: string; description: string; level: string; source: string; ownerId: string | null; _count: { questions: number } };

function toSummary(deck: DeckRow): DeckSummary {
  const { id, title, topic, description, level, source, ownerId, _count } = deck;
  return { id, title, topic, description, level, source, ownerId, questionCount: _count.questions };
}

/** Decks with at least one live question, by title. */
export async function listDecks(client: Client): Promise<DeckSummary[]> {
  const decks = await client.deck.findMany({ orderBy: { title: "asc" }, ...deckSummary });
  return decks.filter((deck) => deck._count.questions > 0).map(toSummary);
}

export const findDeck = cache(async (client: Client, deckId: string): Promise<DeckSummary | undefined> => {
  const deck = await client.deck.findUnique({ where: { id: deckId }, ...deckSummary });
  return deck && deck._count.questions > 0 ? toSummary(deck) : undefined;
});
