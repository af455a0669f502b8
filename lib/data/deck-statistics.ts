import "server-only";
import type { AnswerResponse } from "@/lib/domain/grading";
import { computeItemStatistics, type DeckStatistics, type ItemInfo } from "@/lib/domain/item-statistics";
import type { PrismaClient } from "@/prisma/generated/client";
import { getQuestionRevisions } from "./questions";

export type DeckStatisticsView = DeckStatistics & { questions: { id: string; revision: number; prompt: string; type: string }[] };

function picked(response: string): number[] | undefined {
  const parsed = JSON.parse(response) as AnswerResponse;
  if (parsed.type === "single") return [parsed.choice];
  if (parsed.type === "multiple") return parsed.choices;
  return undefined;
}

/**
 * Item statistics of one deck from every learner's real attempts, or only from `learners`' (a class's
 * members, lib/data/class-progress.ts). Choice picks count only from attempts on the current revision: an
 * edit may have reordered or rewritten the choices, so an older pick of "choice 2" may mean another answer
 * now. Facility and discrimination use all attempts.
 */
export async function loadDeckStatistics(client: PrismaClient, deckId: string, learners?: string[]): Promise<DeckStatisticsView> {
  const rows = await client.question.findMany({ where: { deckId, archived: false }, orderBy: { position: "asc" }, select: { id: true, revision: true } });
  const ids = rows.map((row) => row.id);
  const whose = learners ? { userId: { in: learners } } : {};
  const [questions, attempts, cards] = await Promise.all([
    getQuestionRevisions(client, rows.map((row) => ({ questionId: row.id, revision: row.revision }))),
    client.attempt.findMany({
      where: { questionId: { in: ids }, ...whose },
      select: { userId: true, questionId: true, revision: true, correct: true, elapsedMs: true, response: true, createdAt: true },
    }),
    client.reviewCard.findMany({ where: { questionId: { in: ids }, ...whose }, select: { questionId: true, difficulty: true } }),
  ]);
  const current = new Map(rows.map((row) => [row.id, row.revision]));
  const items: ItemInfo[] = rows.map((row, index) => {
    const question = questions[index];
    if (question && (question.type === "single" || question.type === "multiple")) {
      return { id: row.id, type: question.type, choiceCount: question.choices.length, correctChoices: question.choices.flatMap((choice, choiceIndex) => (choice.correct ? [choiceIndex] : [])) };
    }
    return { id: row.id, type: question?.type ?? "unknown" };
  });
  const statistics = computeItemStatistics({
    items,
    attempts: attempts.map((attempt) => ({
      userId: attempt.userId,
      questionId: attempt.questionId,
      correct: attempt.correct,
      elapsedMs: attempt.elapsedMs,
      createdAt: attempt.createdAt,
      ...(attempt.revision === current.get(attempt.questionId) ? { picked: picked(attempt.response) } : {}),
    })),
    cardDifficulties: cards,
  });
  return {
    ...statistics,
    questions: rows.map((row, index) => ({ id: row.id, revision: row.revision, prompt: questions[index]?.prompt ?? "", type: questions[index]?.type ?? "unknown" })),
  };
}
