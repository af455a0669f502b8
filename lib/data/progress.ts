import "server-only";
import { TOPICS, TOPIC_LABELS } from "@/lib/content/topics";
import {
  ACTIVITY_SPAN_MS,
  computeDeckProgress,
  computeProgress,
  type ActivityCount,
  type DeckProgress,
  type ProgressReport,
  type StandingInput,
} from "@/lib/domain/progress";
import { Prisma, type PrismaClient } from "@/prisma/generated/client";
import { dialect } from "./dialect";
import { LIVE_QUESTION } from "./questions";
import { readCardMemories } from "./review-cards";

type Client = Pick<PrismaClient, "deck" | "$queryRaw">;

/*
 * Progress is read as counts, never as the user's attempts (docs/decisions/018-progress-aggregates.md), and
 * the counts are kept as answers are written: AnswerTally per question and AnswerSpan per UTC quarter hour,
 * maintained by triggers on Attempt (docs/decisions/021-answer-counts-kept-by-triggers.md), so a long
 * history costs a row per question and per active quarter hour, not a count over every answer. Every query
 * is filtered by `userId`, so no caller can read another's. Prisma costs tens of microseconds per row
 * returned, so what grows with a history comes back in few rows: the counts per question ride on the rows
 * of the live questions, which every user reads anyway, and the quarter hours come back as one text.
 */

const number = (value: unknown) => Number(value ?? 0);

/** The live questions with the user's counts on each, the user's cards, and the published decks. */
async function loadStanding(client: Client, userId: string, now: Date): Promise<StandingInput> {
  const [questions, cards, decks] = await Promise.all([
    client.$queryRaw<{ id: string; deckId: string; topic: string; answered: unknown; correct: unknown }[]>`
      SELECT q."id", q."deckId", d."topic", t."answered", t."correct"
      FROM "Question" AS q
      JOIN "Deck" AS d ON d."id" = q."deckId"
      LEFT JOIN "AnswerTally" AS t ON t."userId" = ${userId} AND t."questionId" = q."id"
      WHERE q."archived" = ${LIVE_QUESTION.archived} AND q."status" = ${LIVE_QUESTION.status}
      ORDER BY q."id"`,
    readCardMemories(client, [userId]),
    client.deck.findMany({
      where: { status: "published" },
      orderBy: { title: "asc" },
      select: { id: true, title: true, topic: true },
    }),
  ]);
  return {
    questions: questions.map(({ id, deckId, topic }) => ({ id, deckId, topic })),
    tallies: questions.flatMap((row) =>
      row.answered === null ? [] : [{ questionId: row.id, answered: number(row.answered), correct: number(row.correct) }],
    ),
    cards,
    decks,
    now,
  };
}

/**
 * The user's answers per UTC quarter hour (ACTIVITY_SPAN_MS), as one text of "span:answered:correct"
 * entries; the domain folds them into days of whichever zone the request asks for.
 */
async function loadActivity(client: Client, userId: string): Promise<ActivityCount[]> {
  const entry = Prisma.sql`CAST("span" AS TEXT) || ':' || CAST("answered" AS TEXT) || ':' || CAST("correct" AS TEXT)`;
  const [row] = await client.$queryRaw<{ spans: string | null }[]>`
    SELECT ${dialect.joinTexts(entry)} AS "spans" FROM "AnswerSpan" WHERE "userId" = ${userId}`;
  if (!row?.spans) return [];
  return row.spans.split(",").map((text) => {
    const [span, answered, correct] = text.split(":").map(Number) as [number, number, number];
    return { start: new Date(span * ACTIVITY_SPAN_MS), answered, correct };
  });
}

/** Everything the progress dashboard shows, for one user. */
export async function loadProgress(
  client: Client,
  userId: string,
  now: Date,
  timeZone: string,
): Promise<ProgressReport> {
  const [standing, activity] = await Promise.all([loadStanding(client, userId, now), loadActivity(client, userId)]);
  const topics = TOPICS.map((slug) => ({ slug, name: TOPIC_LABELS[slug] }));
  return computeProgress({ ...standing, activity, topics, timeZone });
}

/** Each deck's "seen" and mastery for the deck list, without the days the dashboard needs. */
export async function loadDeckProgress(client: Client, userId: string, now: Date): Promise<DeckProgress[]> {
  return computeDeckProgress(await loadStanding(client, userId, now));
}
