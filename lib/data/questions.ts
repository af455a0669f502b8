import "server-only";
import { cache } from "react";
import type { Question } from "@/lib/domain/question";
import type { Prisma, PrismaClient } from "@/prisma/generated/client";
import { checkCacheVersions, onCacheStale } from "./cache-versions";

type Client = Pick<PrismaClient, "questionRevision" | "question" | "deck">;

/**
 * Revisions of published questions are immutable, so each is read from the database once per process. A
 * draft's only revision is edited in place (lib/data/authoring/question-writes.ts): drafts are neither
 * cached nor answerable, so this treats them as unknown. A deleted question's id may come back with
 * other content: deleting raises the "questions" counter, and every server drops this cache within about
 * a second (lib/data/cache-versions.ts).
 */
const revisions = new Map<string, Question>();
onCacheStale("questions", () => revisions.clear());

export async function getQuestionRevision(client: Client, questionId: string, revision: number): Promise<Question | undefined> {
  await checkCacheVersions();
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

/**
 * Drops a deleted question's revisions from this process's cache, so answering it is "unknown question"
 * (400) rather than a write that fails on the missing row (500). Deletion is rare; a scan is fine.
 */
export function forgetQuestion(questionId: string): void {
  for (const key of revisions.keys()) if (key.startsWith(`${questionId}@`)) revisions.delete(key);
}

/** Revisions read per query: two bound parameters each keeps a query far below SQLite's parameter limit. */
const REVISIONS_PER_QUERY = 250;

/**
 * Published revisions by key, in the keys' order (undefined for a draft or a missing one). What is not
 * cached yet is read a few hundred per query: one query per revision would be slow, one for all too big.
 */
export async function getQuestionRevisions(client: Client, keys: { questionId: string; revision: number }[]): Promise<(Question | undefined)[]> {
  await checkCacheVersions();
  const missing = keys.filter((key) => !revisions.has(`${key.questionId}@${key.revision}`));
  for (let start = 0; start < missing.length; start += REVISIONS_PER_QUERY) {
    const rows = await client.questionRevision.findMany({
      where: { OR: missing.slice(start, start + REVISIONS_PER_QUERY) },
      select: { questionId: true, revision: true, body: true, question: { select: { status: true } } },
    });
    for (const row of rows) {
      if (row.question.status === "published") revisions.set(`${row.questionId}@${row.revision}`, JSON.parse(row.body) as Question);
    }
  }
  return keys.map((key) => revisions.get(`${key.questionId}@${key.revision}`));
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
  const questions = await getQuestionRevisions(client, rows.map((row) => ({ questionId: row.id, revision: row.revision })));
  return rows.flatMap((row, index) => {
    const question = questions[index];
    return question ? [{ question, revision: row.revision, deckId: row.deckId, deckTitle: row.deck.title, topic: row.deck.topic }] : [];
  });
}

/** What a session is picked from, without reading any question's body: id, topic and difficulty of each live question. */
export async function findPracticePool(client: Client, where: Prisma.QuestionWhereInput): Promise<{ id: string; topic: string; difficulty: 1 | 2 | 3 }[]> {
  const rows = await client.question.findMany({ where: { ...where, ...LIVE_QUESTION }, select: { id: true, difficulty: true, deck: { select: { topic: true } } } });
  // The column holds what the deck checker accepted: 1, 2 or 3.
  return rows.map((row) => ({ id: row.id, topic: row.deck.topic, difficulty: row.difficulty as 1 | 2 | 3 }));
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
