import "server-only";
import { TOPICS, TOPIC_LABELS } from "@/lib/content/topics";
import type { Actor } from "@/lib/auth/roles";
import {
  buildClassProgress,
  buildMyAssignments,
  type AttemptTotals,
  type MemberCard,
} from "@/lib/domain/class-progress";
import type { ClassProgress, MyAssignments } from "@/lib/http/contracts";
import { ok, refuse, type Outcome } from "@/lib/outcome";
import { Prisma, type PrismaClient } from "@/prisma/generated/client";
import { checkClassManage } from "./classes";
import { loadDeckStatistics, type DeckStatisticsView } from "./deck-statistics";
import { LIVE_QUESTION } from "./questions";
import { readCardMemories } from "./review-cards";

/**
 * What a class's owner sees of its members, and what a member sees of their assignments. Only the members'
 * attempts and cards on the class's assigned decks are read, never the rest of their history, and the
 * attempts only as counts grouped by the database (a class of 300 members and 200,000 attempts comes back
 * as at most 300 rows per deck). Cards come back as one text per member, for FSRS's recall probability.
 */

type Facts = { questions: Map<string, number>; totals: AttemptTotals[]; cards: MemberCard[] };

type TotalsRow = { userId: string; deckId: string; answered: bigint | number; correct: bigint | number; seen: bigint | number };

/**
 * The users' attempts on these live questions, counted per user and deck by the database: SQLite answers
 * numbers, PostgreSQL bigints, hence Number(). The IN lists stay far below either database's parameter
 * limit: at most CLASS_LIMITS.members users, and the questions of CLASS_LIMITS.assignments decks.
 */
async function attemptTotals(client: PrismaClient, userIds: string[], questionIds: string[]): Promise<AttemptTotals[]> {
  if (userIds.length === 0 || questionIds.length === 0) return [];
  const rows = await client.$queryRaw<TotalsRow[]>`
    SELECT a."userId" AS "userId", q."deckId" AS "deckId", COUNT(*) AS "answered",
      SUM(CASE WHEN a."correct" THEN 1 ELSE 0 END) AS "correct", COUNT(DISTINCT a."questionId") AS "seen"
    FROM "Attempt" a JOIN "Question" q ON q."id" = a."questionId"
    WHERE a."userId" IN (${Prisma.join(userIds)}) AND a."questionId" IN (${Prisma.join(questionIds)})
    GROUP BY a."userId", q."deckId"`;
  return rows.map((row) => ({
    userId: row.userId,
    deckId: row.deckId,
    answered: Number(row.answered),
    correct: Number(row.correct),
    seen: Number(row.seen),
  }));
}

/** The members' cards on these questions, each with its deck. */
async function memberCards(client: PrismaClient, userIds: string[], questionIds: string[], deckOf: Map<string, string>): Promise<MemberCard[]> {
  const cards = await readCardMemories(client, userIds, questionIds);
  return cards.map((card) => ({ ...card, deckId: deckOf.get(card.questionId)! }));
}

/** The decks' live question counts, and the users' grouped attempts and cards on those questions. */
async function loadFacts(client: PrismaClient, userIds: string[], deckIds: string[]): Promise<Facts> {
  const live = await client.question.findMany({ where: { deckId: { in: deckIds }, ...LIVE_QUESTION }, select: { id: true, deckId: true } });
  const deckOf = new Map(live.map((question) => [question.id, question.deckId]));
  const questions = new Map<string, number>();
  for (const question of live) questions.set(question.deckId, (questions.get(question.deckId) ?? 0) + 1);
  const ids = [...deckOf.keys()];
  const [totals, cards] = await Promise.all([attemptTotals(client, userIds, ids), memberCards(client, userIds, ids, deckOf)]);
  return { questions, totals, cards };
}

/** The class's dashboard, for its owner and admins: members × assigned decks, who is behind, weakest topics. */
export async function loadClassProgress(client: PrismaClient, actor: Actor, classId: string, now: Date): Promise<Outcome<ClassProgress>> {
  const access = await checkClassManage(client, actor, classId);
  if (!access.ok) return access;
  const [assignments, members] = await Promise.all([
    client.classAssignment.findMany({
      where: { classId },
      orderBy: [{ createdAt: "asc" }, { deckId: "asc" }],
      select: { deckId: true, dueDate: true, deck: { select: { title: true, topic: true } } },
    }),
    client.classMember.findMany({
      where: { classId },
      orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      select: { user: { select: { id: true, email: true, name: true } } },
    }),
  ]);
  const userIds = members.map((member) => member.user.id);
  const facts = await loadFacts(client, userIds, assignments.map((assignment) => assignment.deckId));
  const table = buildClassProgress({
    members: members.map(({ user }) => ({ userId: user.id, email: user.email, name: user.name })),
    decks: assignments.map((assignment) => ({
      deckId: assignment.deckId,
      title: assignment.deck.title,
      topic: assignment.deck.topic,
      dueDate: assignment.dueDate,
      questions: facts.questions.get(assignment.deckId) ?? 0,
    })),
    totals: facts.totals,
    cards: facts.cards,
    topics: TOPICS.map((slug) => ({ slug, name: TOPIC_LABELS[slug] })),
    now,
  });
  return ok({ class: access.value, ...table });
}

/** The decks assigned in the user's classes, with how much of each they have done. */
export async function loadMyAssignments(client: PrismaClient, userId: string, now: Date): Promise<MyAssignments> {
  const rows = await client.classAssignment.findMany({
    where: { class: { members: { some: { userId } } }, deck: { status: "published" } },
    select: { classId: true, deckId: true, dueDate: true, class: { select: { name: true } }, deck: { select: { title: true } } },
  });
  // Most users are in no class: /decks and /progress ask on every view, so skip the counts then.
  if (rows.length === 0) return { assignments: [] };
  const facts = await loadFacts(client, [userId], [...new Set(rows.map((row) => row.deckId))]);
  const assignments = buildMyAssignments({
    userId,
    assignments: rows.map((row) => ({
      classId: row.classId,
      className: row.class.name,
      deckId: row.deckId,
      deckTitle: row.deck.title,
      dueDate: row.dueDate,
      questions: facts.questions.get(row.deckId) ?? 0,
    })),
    totals: facts.totals,
    cards: facts.cards,
    now,
  });
  return { assignments };
}

/** The item statistics of an assigned deck from the class's members' answers only. */
export async function loadClassDeckStatistics(
  client: PrismaClient,
  actor: Actor,
  classId: string,
  deckId: string,
): Promise<Outcome<DeckStatisticsView>> {
  const access = await checkClassManage(client, actor, classId);
  if (!access.ok) return access;
  const assignment = await client.classAssignment.findUnique({ where: { classId_deckId: { classId, deckId } }, select: { deckId: true } });
  if (!assignment) return refuse("not-found", "Assignment not found");
  const members = await client.classMember.findMany({ where: { classId }, select: { userId: true } });
  return ok(await loadDeckStatistics(client, deckId, members.map((member) => member.userId)));
}
