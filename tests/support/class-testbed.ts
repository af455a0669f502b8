import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, beforeEach } from "vitest";
import { review } from "@/lib/domain/scheduling";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { valueOf } from "@/tests/support/outcome";
import { routeRequest, sessionCookie, TEST_AUTH_SECRET } from "@/tests/support/route-request";

/**
 * What the classes test files share (tests/integration/classes-*.test.ts): a fresh database of the
 * project's kind with a candidate, a member, the owner (an instructor), another instructor and an admin;
 * every classes route called with real requests and session cookies; and fixtures. Call it at the top of
 * the file: it points the process at the database before importing the app.
 */
export type Who = "anonymous" | "candidate" | "member" | "owner" | "other" | "admin";
export const CALLERS: Who[] = ["anonymous", "candidate", "member", "owner", "other", "admin"];

export async function classTestbed() {
  await createFreshDatabase();
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  const { db } = await import("@/lib/data/db");
  const { createDeck, publishDeck } = await import("@/lib/data/authoring/deck-writes");
  const { createQuestion } = await import("@/lib/data/authoring/question-writes");
  const { createClass, assignDeck } = await import("@/lib/data/classes");
  const routes = {
    classes: await import("@/app/api/classes/route"),
    join: await import("@/app/api/classes/join/route"),
    one: await import("@/app/api/classes/[classId]/route"),
    assignments: await import("@/app/api/classes/[classId]/assignments/route"),
    assignment: await import("@/app/api/classes/[classId]/assignments/[deckId]/route"),
    statistics: await import("@/app/api/classes/[classId]/assignments/[deckId]/statistics/route"),
    progress: await import("@/app/api/classes/[classId]/progress/route"),
    csv: await import("@/app/api/classes/[classId]/progress/export/route"),
    leave: await import("@/app/api/classes/[classId]/leave/route"),
    member: await import("@/app/api/classes/[classId]/members/[userId]/route"),
    mine: await import("@/app/api/me/assignments/route"),
  };

  const users = new Map<string, { id: string; cookie: string }>();
  const id = (who: string) => users.get(who)!.id;

  async function createUser(who: string, role: string) {
    const email = `${who}@example.com`;
    const user = await db.user.create({ data: { email, role, name: who } });
    users.set(who, { id: user.id, cookie: await sessionCookie(user.id, email) });
    return user.id;
  }

  const call = (who: string, method: string, url: string, body?: unknown) =>
    routeRequest(users.get(who)?.cookie, method, url, body);
  const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
  const json = async <T>(reply: Response) => (await reply.json()) as T;

  const api = {
    create: (who: string, body: unknown = { name: "Cohort" }) =>
      routes.classes.POST(call(who, "POST", "/api/classes", body)),
    join: (who: string, code: string) => routes.join.POST(call(who, "POST", "/api/classes/join", { code })),
    patch: (who: string, classId: string, body: unknown) =>
      routes.one.PATCH(call(who, "PATCH", `/api/classes/${classId}`, body), params({ classId })),
    remove: (who: string, classId: string) =>
      routes.one.DELETE(call(who, "DELETE", `/api/classes/${classId}`), params({ classId })),
    assign: (who: string, classId: string, body: unknown) =>
      routes.assignments.POST(call(who, "POST", `/api/classes/${classId}/assignments`, body), params({ classId })),
    unassign: (who: string, classId: string, deckId: string) =>
      routes.assignment.DELETE(
        call(who, "DELETE", `/api/classes/${classId}/assignments/${deckId}`),
        params({ classId, deckId }),
      ),
    statistics: (who: string, classId: string, deckId: string) =>
      routes.statistics.GET(
        call(who, "GET", `/api/classes/${classId}/assignments/${deckId}/statistics`),
        params({ classId, deckId }),
      ),
    progress: (who: string, classId: string) =>
      routes.progress.GET(call(who, "GET", `/api/classes/${classId}/progress`), params({ classId })),
    csv: (who: string, classId: string) =>
      routes.csv.GET(call(who, "GET", `/api/classes/${classId}/progress/export`), params({ classId })),
    leave: (who: string, classId: string) =>
      routes.leave.POST(call(who, "POST", `/api/classes/${classId}/leave`), params({ classId })),
    kick: (who: string, classId: string, userId: string) =>
      routes.member.DELETE(
        call(who, "DELETE", `/api/classes/${classId}/members/${userId}`),
        params({ classId, userId }),
      ),
    mine: (who: string) => routes.mine.GET(call(who, "GET", "/api/me/assignments")),
    list: (who: string) => routes.classes.GET(call(who, "GET", "/api/classes")),
  };

  const question = (questionId: string) => ({
    id: questionId,
    type: "single" as const,
    difficulty: 1 as const,
    terms: ["precision"],
    tags: [],
    prompt: `Which metric is ${questionId}?`,
    explanation: "Precision is $\\frac{TP}{TP + FP}$.",
    choices: [
      { text: "Precision", correct: true },
      { text: "Recall", correct: false },
    ],
  });

  /** A deck of `who`'s with two questions, published unless asked not to. */
  async function deck(who: string, { publish = true } = {}) {
    const actor = { id: id(who), role: "instructor" as const };
    const deckId = `deck-${randomUUID().slice(0, 8)}`;
    const meta = {
      title: `Deck ${deckId}`,
      topic: "metrics" as const,
      description: "Drill.",
      level: "beginner" as const,
    };
    valueOf(await createDeck(db, actor, meta, deckId));
    const questionIds = [`q-${randomUUID().slice(0, 8)}`, `q-${randomUUID().slice(0, 8)}`];
    for (const questionId of questionIds) valueOf(await createQuestion(db, actor, deckId, question(questionId)));
    if (publish) valueOf(await publishDeck(db, actor, deckId));
    return { deckId, questionIds };
  }

  let shared: { deckId: string; questionIds: string[] };
  const owner = () => ({ id: id("owner"), role: "instructor" as const });

  /** A class of the owner's with the member in it and the shared deck assigned. */
  async function classroom() {
    const created = valueOf(await createClass(db, owner(), { name: `Class ${randomUUID().slice(0, 6)}` }, randomBytes));
    await db.classMember.create({ data: { classId: created.id, userId: id("member") } });
    valueOf(await assignDeck(db, owner(), created.id, { deckId: shared.deckId, dueDate: null }));
    return { classId: created.id, joinCode: created.joinCode };
  }

  /** One answer of `who`'s, with the card it leaves, as the answer writer would store them. */
  async function answer(who: string, questionId: string, correct: boolean, at = new Date()) {
    const userId = id(who);
    const response = JSON.stringify({ type: "single", choice: correct ? 0 : 1 });
    await db.attempt.create({
      data: {
        userId,
        attemptId: randomUUID(),
        questionId,
        revision: 1,
        response,
        correct,
        elapsedMs: 900,
        createdAt: at,
      },
    });
    const card = review(undefined, correct ? 3 : 1, at);
    await db.reviewCard.upsert({
      where: { userId_questionId: { userId, questionId } },
      create: { ...card, userId, questionId },
      update: card,
    });
  }

  const classRows = async () => ({
    classes: await db.class.findMany({ orderBy: { id: "asc" } }),
    members: await db.classMember.findMany({ orderBy: [{ classId: "asc" }, { userId: "asc" }] }),
    assignments: await db.classAssignment.findMany({ orderBy: [{ classId: "asc" }, { deckId: "asc" }] }),
  });

  beforeAll(async () => {
    await createUser("candidate", "candidate");
    await createUser("member", "candidate");
    await createUser("owner", "instructor");
    await createUser("other", "instructor");
    await createUser("admin", "admin");
    shared = await deck("owner");
  });
  // Every join counts against the user's limit, and an instructor may own 100 classes: only the tests of
  // those limits should meet them. Each test counts the answers it gives.
  beforeEach(async () => {
    await db.rateLimit.deleteMany();
    await db.class.deleteMany();
    await db.attempt.deleteMany();
    await db.reviewCard.deleteMany();
  });

  return { db, api, id, createUser, json, deck, classroom, answer, classRows, shared: () => shared };
}
