/**
 * Another process writing the SQLite file while the server runs (an operator's `npm run user:role`, a
 * backup) must make the server's transactions wait for the write lock, not fail. The driver adapter begins
 * transactions deferred; a transaction that had read before meeting the other writer's lock got SQLITE_BUSY
 * at once, without busy_timeout's wait, and a candidate's answer failed (a browser test saw it in CI).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/database-url";
import { freshDatabaseForFile } from "@/tests/support/fresh-database";

const databaseUrl = await freshDatabaseForFile("sqlite");
const { db } = await import("@/lib/data/db");
const { writeAnswer } = await import("@/lib/data/answer-writer");

/**
 * A second process that takes the write lock (BEGIN IMMEDIATE), prints "locked", and commits after
 * `holdMs`, or when it reads a line on stdin when `holdMs` is undefined. Its own timer releases the lock,
 * because while this process waits for the lock, better-sqlite3 blocks its event loop.
 */
function holdWriteLock(holdMs?: number): Promise<ChildProcessWithoutNullStreams> {
  const script = `
    const Database = require("better-sqlite3");
    const database = new Database(${JSON.stringify(sqliteFilePath(databaseUrl))});
    database.exec("BEGIN IMMEDIATE");
    const release = () => { database.exec("COMMIT"); database.close(); process.exit(0); };
    process.stdout.write("locked\\n");
    ${holdMs === undefined ? 'process.stdin.once("data", release);' : `setTimeout(release, ${holdMs});`}`;
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd() });
  holders.push(child);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
    child.stdout.once("data", () => resolve(child));
  });
}

const holders: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) holder.kill();
});

let userId = "";
const questionId = "other-writer-q";

beforeAll(async () => {
  await db.deck.create({
    data: { id: "other-writer", title: "Other writer", topic: "t", description: "d", level: "intro", contentHash: "h" },
  });
  await db.question.create({
    data: { id: questionId, deckId: "other-writer", position: 0, type: "single", difficulty: 1 },
  });
  userId = (await db.user.create({ data: { email: "other-writer@example.com" } })).id;
});

const answer = (attemptId: string) => ({
  userId,
  input: { questionId, revision: 1, attemptId, elapsedMs: 1_000, response: { type: "single" as const, choice: 0 } },
  result: { correct: true, feedback: [] },
  rating: 3 as const,
  now: new Date(),
});

describe("SQLite while another process holds the write lock", () => {
  it("records an answer once the other process commits (the writer reads before it writes)", async () => {
    await holdWriteLock(500);
    const attemptId = randomUUID();
    const outcome = await writeAnswer(db, answer(attemptId));
    expect(outcome).toMatchObject({ ok: true, value: { recorded: true } });
    expect(await db.attempt.count({ where: { userId, attemptId } })).toBe(1);
  });

  it("runs an interactive transaction that reads, then writes", async () => {
    await holdWriteLock(500);
    await db.$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      await tx.user.update({ where: { id: user.id }, data: { desiredRetention: 0.85 } });
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).desiredRetention).toBe(0.85);
  });

  it("fails a transaction that waited past busy_timeout, and the next one runs once the lock is free", async () => {
    const holder = await holdWriteLock();
    await expect(db.$transaction(async (tx) => tx.user.count())).rejects.toThrow();
    holder.stdin.write("release\n");
    await once(holder, "exit");
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { desiredRetention: 0.9 } });
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).desiredRetention).toBe(0.9);
  });
});
