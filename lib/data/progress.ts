import "server-only";
import { TOPICS, TOPIC_LABELS } from "@/lib/content/topics";
import { computeProgress, type ProgressReport } from "@/lib/domain/progress";
import type { PrismaClient } from "@/prisma/generated/client";
import { LIVE_QUESTION } from "./questions";

/**
 * Everything the progress dashboard shows, for one user: their attempts and cards, read in full and
 * reduced by the pure computeProgress. Always filtered by `userId`, so no caller can read another's.
 */
export async function loadProgress(client: PrismaClient, userId: string, now: Date, timeZone: string): Promise<ProgressReport> {
  const [attempts, cards, questions, decks] = await Promise.all([
    client.attempt.findMany({ where: { userId }, select: { questionId: true, correct: true, createdAt: true } }),
    client.reviewCard.findMany({ where: { userId } }),
    client.question.findMany({ where: LIVE_QUESTION, select: { id: true, deckId: true, deck: { select: { topic: true } } } }),
    client.deck.findMany({ where: { status: "published" }, orderBy: { title: "asc" }, select: { id: true, title: true, topic: true } }),
  ]);
  return computeProgress({
    attempts,
    cards,
    questions: questions.map((question) => ({ id: question.id, deckId: question.deckId, topic: question.deck.topic })),
    decks,
    topics: TOPICS.map((slug) => ({ slug, name: TOPIC_LABELS[slug] })),
    now,
    timeZone,
  });
}
