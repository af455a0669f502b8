import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { sqliteFilePath } from "@/lib/database-url";
import { PrismaClient } from "@/prisma/generated/client";
import { BackupError, backupSqliteDatabase } from "@/scripts/sqlite-backup";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { valueOf } from "@/tests/support/outcome";

/**
 * `npm run db:backup` copies the database while the app writes answers: the real script in another
 * process, against the app's own answer path (recordAnswer, what POST /api/attempts calls) in this one.
 */
const databaseUrl = await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const { recordAnswer } = await import("@/lib/practice/answer");

const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
const numeric = decks.flatMap((deck) => deck.questions).find((question) => question.type === "numeric")!;
const rightValue = numeric.type === "numeric" ? numeric.answer : 0;

const backupsDir = mkdtempSync(path.join(tmpdir(), "mlprep-backups-"));
afterAll(() => rmSync(backupsDir, { recursive: true, force: true }));

/** Spawning npm, then tsx compiling the script: a few seconds idle, several times that on a busy machine. */
const SCRIPT_TIMEOUT_MS = 90_000;

const backupCommand = (destination?: string) => [
  "run",
  "--silent",
  "db:backup",
  ...(destination ? ["--", destination] : []),
];

function runBackup(destination: string, env: Record<string, string> = {}) {
  return spawnSync("npm", backupCommand(destination), {
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    encoding: "utf8",
    timeout: SCRIPT_TIMEOUT_MS,
  });
}

/** The same, without blocking this process, so its answers keep being written meanwhile. */
function runBackupAlongside(destination: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", backupCommand(destination), {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: SCRIPT_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

type Answered = { userId: string; attemptId: string };

/**
 * Answers one question again and again as `userId` until `stop()`, through the app's answer path, each on
 * a later (made-up) clock so every one moves the user's FSRS card. `acknowledged` gets an answer once
 * recordAnswer has returned it as saved, what the candidate would be told.
 */
function answerContinuously(userId: string, started: Answered[], acknowledged: Answered[]) {
  let stopped = false;
  const done = (async () => {
    for (let minute = 0; !stopped; minute += 1) {
      const answer = { userId, attemptId: randomUUID() };
      started.push(answer);
      const submission = {
        questionId: numeric.id,
        revision: 1,
        response: { type: "numeric" as const, value: rightValue },
        attemptId: answer.attemptId,
        elapsedMs: 20_000,
      };
      valueOf(await recordAnswer(db, userId, submission, new Date(Date.UTC(2026, 11, 1) + minute * 60_000)));
      acknowledged.push(answer);
    }
  })();
  return {
    /** Settles only when stopped, or when an answer fails. */
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}

/** Failed with exit code 1 and `message`, without a stack trace (npm may add warnings of its own). */
function expectRefusal(run: ReturnType<typeof runBackup>, message: string) {
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

const users: string[] = [];

beforeAll(async () => {
  await syncContentDecks(db, decks);
  for (const email of ["ada@example.com", "bo@example.com"]) {
    users.push((await db.user.create({ data: { email } })).id);
  }
});

describe("npm run db:backup on SQLite", () => {
  // Two processes on a database holding every shipped deck, hundreds of answers written meanwhile (5 s
  // here idle): generous for a busy machine.
  it(
    "copies the database while answers are being written, and the copy alone restores every answer acknowledged before",
    { timeout: 180_000 },
    async () => {
      const started: Answered[] = [];
      const acknowledged: Answered[] = [];
      // Answers stay in the -wal file while this runs (the app's connection stops checkpointing them into
      // the database file): a backup that copied the .db file alone would miss them, SQLite's has them.
      await db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
      const writers = users.map((userId) => answerContinuously(userId, started, acknowledged));
      let result: Awaited<ReturnType<typeof runBackupAlongside>>;
      let acknowledgedBefore: Answered[];
      let acknowledgedDuring: number;
      let startedBeforeEnd: Set<string>;
      const backupFile = path.join(backupsDir, "live", "mlprep.db");
      try {
        // A writer that fails rejects here, rather than leaving this to wait for the time limit.
        await Promise.race([until(() => acknowledged.length >= 20), ...writers.map((writer) => writer.done)]);
        acknowledgedBefore = [...acknowledged];
        result = await runBackupAlongside(backupFile);
        acknowledgedDuring = acknowledged.length - acknowledgedBefore.length;
        startedBeforeEnd = new Set(started.map((answer) => answer.attemptId));
      } finally {
        await Promise.all(writers.map((writer) => writer.stop()));
        await db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000");
      }
      expect(result.status, result.stderr).toBe(0);
      // The app went on answering while the script ran: it took no lock the app waits for.
      expect(acknowledgedDuring).toBeGreaterThan(0);

      // Restoring is copying the one file: nothing beside it is needed.
      for (const suffix of ["-wal", "-shm", "-journal"]) expect(existsSync(`${backupFile}${suffix}`)).toBe(false);
      const restoredDir = mkdtempSync(path.join(tmpdir(), "mlprep-restored-"));
      const restoredFile = path.join(restoredDir, "mlprep.db");
      copyFileSync(backupFile, restoredFile);

      const raw = new Database(restoredFile, { readonly: true, fileMustExist: true });
      expect(raw.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      raw.close();

      const restored = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${restoredFile}` }) });
      try {
        const attempts = await restored.attempt.findMany({ select: { userId: true, attemptId: true } });
        const copies = new Map<string, number>();
        for (const { userId, attemptId } of attempts) {
          const key = `${userId}/${attemptId}`;
          copies.set(key, (copies.get(key) ?? 0) + 1);
        }
        // Every answer acknowledged before the backup began is there, once.
        const missing = acknowledgedBefore.filter(
          ({ userId, attemptId }) => copies.get(`${userId}/${attemptId}`) !== 1,
        );
        expect(missing).toEqual([]);
        // Nothing submitted after the script had finished.
        expect(attempts.filter(({ attemptId }) => !startedBeforeEnd.has(attemptId))).toEqual([]);
        // One snapshot: each answer and the card move it made are in one transaction, so each user's card
        // has exactly as many reviews as the copy has answers of theirs.
        for (const userId of users) {
          const card = await restored.reviewCard.findUniqueOrThrow({
            where: { userId_questionId: { userId, questionId: numeric.id } },
          });
          expect(card.reps).toBe(attempts.filter((attempt) => attempt.userId === userId).length);
        }
        expect(await restored.user.count()).toBe(users.length);
        expect(result.stdout).toContain(`to ${backupFile}`);
        expect(result.stdout).toContain(`size: ${statSync(backupFile).size} bytes`);
        expect(result.stdout).toContain(`rows: ${users.length} User, ${attempts.length} Attempt`);
      } finally {
        await restored.$disconnect();
        rmSync(restoredDir, { recursive: true, force: true });
      }
    },
  );

  it("is a function the script calls, reporting what the copy holds", async () => {
    const destination = path.join(backupsDir, "in-process.db");
    const report = await backupSqliteDatabase(sqliteFilePath(databaseUrl), destination);
    expect(report).toEqual({
      file: destination,
      bytes: statSync(destination).size,
      users: await db.user.count(),
      attempts: await db.attempt.count(),
    });
    await expect(backupSqliteDatabase(sqliteFilePath(databaseUrl), destination)).rejects.toThrow(BackupError);
  });

  it("refuses a destination that exists, failing and leaving the file as it was", () => {
    const destination = path.join(backupsDir, "taken.db");
    writeFileSync(destination, "an earlier backup\n");
    const before = statSync(destination);
    const run = runBackup(destination);
    expectRefusal(
      run,
      `Backup failed: ${destination} already exists: a backup is never overwritten, name another file`,
    );
    expect(readFileSync(destination, "utf8")).toBe("an earlier backup\n");
    expect(statSync(destination).mtimeMs).toBe(before.mtimeMs);
  });

  it("refuses a missing database in one line, without creating it", () => {
    const missing = path.join(backupsDir, "no-such.db");
    const destination = path.join(backupsDir, "of-nothing.db");
    const run = runBackup(destination, { DATABASE_URL: `file:${missing}` });
    expectRefusal(run, `Backup failed: no SQLite database at ${missing}: check DATABASE_URL\n`);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(destination)).toBe(false);
  });

  it("refuses PostgreSQL in one line pointing at pg_dump, without showing the password", () => {
    const destination = path.join(backupsDir, "postgresql.db");
    const run = runBackup(destination, { DATABASE_URL: "postgresql://mlprep:s3cret@127.0.0.1:5432/mlprep" });
    expectRefusal(
      run,
      'DATABASE_URL is PostgreSQL: back it up with pg_dump --format=custom --file=mlprep.dump "$DATABASE_URL" (README.md, "Backups").\n',
    );
    expect(run.stderr).not.toContain("s3cret");
    expect(existsSync(destination)).toBe(false);
  });
});
