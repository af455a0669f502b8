/**
 * Two servers sharing one PostgreSQL database record answers for the same users and questions at once
 * (issue 12, docs/decisions/016-postgresql.md). Each server is its own Prisma client with its own pool and
 * its own group-commit writer. Every acknowledged answer must be stored once and counted once in its
 * review card: without the writer's per-user lock (lib/data/dialect.ts), both servers read the same old
 * card and the later upsert drops the other's review.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/prisma/generated/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/prisma/postgresql/generated/client";
import { freshDatabaseForFile } from "@/tests/support/fresh-database";
import { postgresForTests, postgresTitle } from "@/tests/support/test-database";

const availability = await postgresForTests();
const url = availability.available ? await freshDatabaseForFile("postgresql") : undefined;
const writer = url ? await import("@/lib/data/answer-writer") : undefined;

const server = (databaseUrl: string) =>
  new PostgresqlPrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, options: "-c TimeZone=UTC" }),
  }) as unknown as PrismaClient;

const ROUNDS = 40;
const USERS = 3;
const QUESTIONS = 2;
const now = new Date("2026-12-07T10:00:00Z");

describe.skipIf(!availability.available)(postgresTitle("The answer writer on two servers", availability), () => {
  let servers: PrismaClient[] = [];
  const users: string[] = [];
  const questions = Array.from({ length: QUESTIONS }, (_, index) => `servers-q${index}`);

  beforeAll(async () => {
    servers = [server(url!), server(url!)];
    const [first] = servers;
    await first!.deck.create({
      data: { id: "servers", title: "Servers", topic: "t", description: "d", level: "intro", contentHash: "h" },
    });
    for (const [position, id] of questions.entries()) {
      await first!.question.create({ data: { id, deckId: "servers", position, type: "single", difficulty: 1 } });
    }
    for (let index = 0; index < USERS; index += 1) {
      users.push((await first!.user.create({ data: { email: `servers${index}@example.com` } })).id);
    }
  });
  afterAll(async () => {
    for (const client of servers) await client.$disconnect();
  });

  it("counts every acknowledged answer exactly once, whichever server took it", async () => {
    const acknowledged = new Map<string, number>(); // attempt id → times reported as recorded
    const sent = new Map<string, { userId: string; questionId: string }>();
    const write = (client: PrismaClient, userId: string, questionId: string, attemptId: string) =>
      writer!
        .writeAnswer(client, {
          userId,
          input: {
            questionId,
            revision: 1,
            attemptId,
            elapsedMs: 1_000,
            response: { type: "single", choice: 0 },
          },
          result: { correct: true, feedback: [] },
          rating: 3,
          // One time for all: an answer older than the card's last review is kept but does not move the
          // card (lib/domain/guest-merge.ts), which would make the count depend on arrival order.
          now,
        })
        .then((outcome) => {
          expect(outcome.ok).toBe(true);
          if (outcome.ok && outcome.value.recorded) acknowledged.set(attemptId, (acknowledged.get(attemptId) ?? 0) + 1);
        });

    for (let round = 0; round < ROUNDS; round += 1) {
      const writes: Promise<void>[] = [];
      for (const [serverIndex, client] of servers.entries()) {
        // Each server takes several answers per round, for every user, in a different user order, so
        // batches overlap in users both ways.
        const order = serverIndex === 0 ? users : [...users].reverse();
        for (const userId of order) {
          for (const questionId of questions) {
            const attemptId = randomUUID();
            sent.set(attemptId, { userId, questionId });
            writes.push(write(client, userId, questionId, attemptId));
          }
        }
      }
      // Now and then a retried answer reaching both servers: recorded by one of them only. (Not every
      // round: the second insert of the same attempt id waits for the first transaction to end, which
      // would serialise the two batches even without the lock.)
      if (round % 8 === 7) {
        const retried = randomUUID();
        sent.set(retried, { userId: users[0]!, questionId: questions[0]! });
        writes.push(...servers.map((client) => write(client, users[0]!, questions[0]!, retried)));
      }
      await Promise.all(writes);
    }

    expect(acknowledged.size).toBe(sent.size);
    expect([...acknowledged.values()].every((times) => times === 1)).toBe(true);
    const [first] = servers;
    const attempts = await first!.attempt.findMany({ select: { attemptId: true, userId: true, questionId: true } });
    expect(attempts).toHaveLength(sent.size);
    expect(new Set(attempts.map((attempt) => attempt.attemptId)).size).toBe(sent.size);
    for (const userId of users) {
      for (const questionId of questions) {
        const expected = [...sent.values()].filter(
          (key) => key.userId === userId && key.questionId === questionId,
        ).length;
        const card = await first!.reviewCard.findUniqueOrThrow({
          where: { userId_questionId: { userId, questionId } },
        });
        expect({ userId, questionId, reps: card.reps }).toEqual({ userId, questionId, reps: expected });
      }
    }
  }, 120_000);
});
