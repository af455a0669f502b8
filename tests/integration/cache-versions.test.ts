/**
 * Per-process caches on two servers sharing one PostgreSQL database (issue 12, lib/data/cache-versions.ts).
 * The two servers are two instances of the app's modules (vi.resetModules), each with its own caches:
 * a change made through one must be seen by the other within about a second, never more than two.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Question } from "@/lib/domain/question";
import { freshDatabaseForFile } from "@/tests/support/fresh-database";
import { postgresForTests, postgresTitle } from "@/tests/support/test-database";

const availability = await postgresForTests();
const url = availability.available ? await freshDatabaseForFile("postgresql") : undefined;

const loadServer = async () => {
  vi.resetModules();
  return {
    data: await import("@/lib/data/db"),
    questions: await import("@/lib/data/questions"),
    writes: await import("@/lib/data/authoring/question-writes"),
    users: await import("@/lib/data/users"),
    sessions: await import("@/lib/auth/session-version"),
  };
};
const serverA = url ? await loadServer() : undefined;
const serverB = url ? await loadServer() : undefined;

/** The bound: another server's change is seen within a couple of seconds. */
const WITHIN_MS = 2_000;

/** Polls `seen` until it holds, returning how long that took; fails after the bound (and some slack). */
async function timeUntil(seen: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await seen())) {
    if (Date.now() - start > WITHIN_MS + 1_000) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - start;
}

const body = (prompt: string): Question => ({
  id: "cache-q",
  type: "single",
  prompt,
  explanation: "",
  difficulty: 1,
  terms: [],
  tags: [],
  choices: [
    { text: "a", correct: true },
    { text: "b", correct: false },
  ],
});

describe.skipIf(!availability.available)(postgresTitle("Caches on two servers", availability), () => {
  let admin = "";
  const publish = async (stem: string) => {
    const { db } = serverA!.data;
    await db.question.create({
      data: {
        id: "cache-q",
        deckId: "cache-deck",
        position: 0,
        type: "single",
        difficulty: 1,
        revisions: { create: { revision: 1, contentHash: stem, body: JSON.stringify(body(stem)) } },
      },
    });
  };

  beforeAll(async () => {
    const { db } = serverA!.data;
    admin = (await db.user.create({ data: { email: "admin@example.com", role: "admin" } })).id;
    await db.deck.create({
      data: {
        id: "cache-deck",
        title: "Caches",
        topic: "t",
        description: "d",
        level: "intro",
        source: "authored",
        ownerId: admin,
        contentHash: "h",
      },
    });
  });
  afterAll(async () => {
    await serverA?.data.db.$disconnect();
    await serverB?.data.db.$disconnect();
  });

  it("a question deleted and written again through one server is read anew by the other", async () => {
    await publish("first");
    const { db } = serverA!.data;
    const stemOn = async (server: typeof serverA) =>
      (await server!.questions.getQuestionRevision(db, "cache-q", 1))?.prompt;
    expect(await stemOn(serverA)).toBe("first");
    expect(await stemOn(serverB)).toBe("first");

    const removed = await serverA!.writes.removeQuestion(db, { id: admin, role: "admin" }, "cache-q");
    expect(removed).toMatchObject({ ok: true, value: { outcome: "deleted" } });
    await publish("second");
    expect(await stemOn(serverA)).toBe("second");
    expect(await timeUntil(async () => (await stemOn(serverB)) === "second")).toBeLessThanOrEqual(WITHIN_MS);
  });

  it("signing out everywhere through one server ends the session on the other", async () => {
    const { db } = serverA!.data;
    const user = (await db.user.create({ data: { email: "candidate@example.com" } })).id;
    expect(await serverA!.sessions.isSessionCurrent(user, 0)).toBe(true);
    expect(await serverB!.sessions.isSessionCurrent(user, 0)).toBe(true);

    serverA!.sessions.noteSessionVersion(user, await serverA!.users.raiseSessionVersion(db, user));
    expect(await serverA!.sessions.isSessionCurrent(user, 0)).toBe(false);
    // Server B remembers version 0 for 30 s; the "sessions" counter makes it drop that within a second.
    expect(await timeUntil(async () => !(await serverB!.sessions.isSessionCurrent(user, 0)))).toBeLessThanOrEqual(
      WITHIN_MS,
    );
  });
});
