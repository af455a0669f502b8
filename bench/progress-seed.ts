/**
 * The users bench/progress-bench.ts serves: a history of answers and review cards written through Prisma's
 * own client for the database (so DateTime is stored exactly as the app stores it), on the questions the
 * server synced at start-up.
 */
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind } from "@/lib/database-url";
import { mulberry32 } from "@/lib/seeded-random";
import { PrismaClient } from "@/prisma/generated/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/prisma/postgresql/generated/client";

const DAY_MS = 86_400_000;

type Question = { id: string; revision: number };
type AttemptRow = { questionId: string; revision: number; correct: boolean; createdAt: Date };

/**
 * `count` answers over the year before `now` the way a learner gives them: on about four days in five,
 * one or two sittings at some hour of the day, an answer every 20 to 60 s, questions picked at random
 * from all of them; about 70% right.
 */
export function history(questions: Question[], count: number, now: Date, seed = 1): AttemptRow[] {
  // Seeded, so every run seeds the same history.
  const next = mulberry32(seed);
  const days = Array.from({ length: 365 }, (_, index) => index).filter(() => next() < 0.8);
  const perSitting = Math.ceil(count / (days.length * 1.5));
  const rows: AttemptRow[] = [];
  while (rows.length < count) {
    const daysAgo = days[Math.floor(next() * days.length)]!;
    let at = now.getTime() - daysAgo * DAY_MS - Math.floor(next() * DAY_MS);
    for (let index = 0; index < perSitting && rows.length < count && at < now.getTime(); index++) {
      const question = questions[Math.floor(next() * questions.length)]!;
      rows.push({
        questionId: question.id,
        revision: question.revision,
        correct: next() < 0.7,
        createdAt: new Date(at),
      });
      at += 20_000 + Math.floor(next() * 40_000);
    }
  }
  return rows;
}

/** A review card per answered question, last reviewed at its last answer, as after real reviews. */
function cardsOf(rows: AttemptRow[], userId: string) {
  const last = new Map<string, AttemptRow>();
  for (const row of rows) if ((last.get(row.questionId)?.createdAt ?? 0) < row.createdAt) last.set(row.questionId, row);
  return [...last.values()].map((row, index) => {
    const scheduledDays = 1 + (index % 40);
    return {
      userId,
      questionId: row.questionId,
      due: new Date(row.createdAt.getTime() + scheduledDays * DAY_MS),
      stability: scheduledDays,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays,
      learningSteps: 0,
      reps: 3,
      lapses: row.correct ? 0 : 1,
      state: 2,
      lastReview: row.createdAt,
    };
  });
}

export type Seeder = {
  liveQuestions: () => Promise<Question[]>;
  /** A user who signs in with `passwordHash`; resolves to their id. */
  createUser: (email: string, passwordHash: string) => Promise<string>;
  /** `rows` as the user's answers, and review cards to match. */
  addHistory: (userId: string, rows: AttemptRow[]) => Promise<void>;
  close: () => Promise<void>;
};

/** Prisma's client for `url`, of the database's own provider. */
export function seeder(url: string): Seeder {
  const client =
    databaseKind(url) === "postgresql"
      ? (new PostgresqlPrismaClient({
          adapter: new PrismaPg({ connectionString: url, options: "-c TimeZone=UTC" }),
        }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  return {
    liveQuestions: () =>
      client.question.findMany({
        where: { archived: false, status: "published" },
        select: { id: true, revision: true },
      }),
    async createUser(email, passwordHash) {
      const user = await client.user.create({ data: { email, password: { create: { hash: passwordHash } } } });
      return user.id;
    },
    async addHistory(userId, rows) {
      await client.attempt.createMany({
        data: rows.map((row) => ({
          userId,
          attemptId: randomUUID(),
          questionId: row.questionId,
          revision: row.revision,
          response: JSON.stringify({ type: "open", text: "A benchmark answer.", selfGrade: "good" }),
          correct: row.correct,
          selfGrade: "good",
          elapsedMs: 20_000,
          createdAt: row.createdAt,
        })),
      });
      await client.reviewCard.createMany({ data: cardsOf(rows, userId) });
    },
    close: () => client.$disconnect(),
  };
}
