import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { review } from "@/lib/domain/scheduling";
import type { ClassCreated, ClassProgress, ClassSettings, MyAssignments } from "@/lib/http/contracts";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";
import { valueOf } from "@/tests/support/outcome";
import { routeRequest, sessionCookie, TEST_AUTH_SECRET } from "@/tests/support/route-request";

/**
 * Classes end to end (issue 15): every route called with real requests and session cookies on a fresh
 * database of the project's kind, by every kind of caller, then the rules one by one.
 */
await createFreshDatabase();
process.env.AUTH_SECRET = TEST_AUTH_SECRET;
const { db } = await import("@/lib/data/db");
const { createDeck, publishDeck } = await import("@/lib/data/authoring/deck-writes");
const { createQuestion } = await import("@/lib/data/authoring/question-writes");
const { createClass, assignDeck, listClasses, previewJoin, joinLimitKey } = await import("@/lib/data/classes");
const { deleteUser } = await import("@/lib/data/accounts");
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

type Who = "anonymous" | "candidate" | "member" | "owner" | "other" | "admin";
const CALLERS: Who[] = ["anonymous", "candidate", "member", "owner", "other", "admin"];
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
    routes.member.DELETE(call(who, "DELETE", `/api/classes/${classId}/members/${userId}`), params({ classId, userId })),
  mine: (who: string) => routes.mine.GET(call(who, "GET", "/api/me/assignments")),
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

type Room = Awaited<ReturnType<typeof classroom>>;
/** Each call gets a classroom of its own, made before the rows are compared. */
const MATRIX: Record<string, { call: (who: Who, room: Room) => Promise<Response>; expected: number[] }> = {
  "POST /api/classes": { call: (who) => api.create(who), expected: [401, 403, 403, 201, 201, 201] },
  // The member is in already; the owner cannot join their own class.
  "POST /api/classes/join": {
    call: (who, room) => api.join(who, room.joinCode),
    expected: [401, 200, 200, 409, 200, 200],
  },
  "PATCH /api/classes/:id": {
    call: (who, room) => api.patch(who, room.classId, { joinOpen: false, rotateCode: true }),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "DELETE /api/classes/:id": {
    call: (who, room) => api.remove(who, room.classId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "POST /api/classes/:id/assignments": {
    call: (who, room) => api.assign(who, room.classId, { deckId: shared.deckId, dueDate: "2030-01-01T00:00:00Z" }),
    expected: [401, 404, 403, 201, 404, 201],
  },
  "DELETE /api/classes/:id/assignments/:deckId": {
    call: (who, room) => api.unassign(who, room.classId, shared.deckId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/classes/:id/assignments/:deckId/statistics": {
    call: (who, room) => api.statistics(who, room.classId, shared.deckId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/classes/:id/progress": {
    call: (who, room) => api.progress(who, room.classId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/classes/:id/progress/export": {
    call: (who, room) => api.csv(who, room.classId),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "POST /api/classes/:id/leave": {
    call: (who, room) => api.leave(who, room.classId),
    expected: [401, 404, 200, 404, 404, 404],
  },
  "DELETE /api/classes/:id/members/:userId": {
    call: (who, room) => api.kick(who, room.classId, id("member")),
    expected: [401, 404, 403, 200, 404, 200],
  },
  "GET /api/me/assignments": { call: (who) => api.mine(who), expected: [401, 200, 200, 200, 200, 200] },
};

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

describe(`classes: authorization matrix against ${testDatabaseKind()}`, () => {
  for (const [action, { call: run, expected }] of Object.entries(MATRIX)) {
    it(`${action}: ${expected.join(" / ")}`, async () => {
      const statuses: number[] = [];
      for (const who of CALLERS) {
        const room = await classroom();
        const before = await classRows();
        const reply = await run(who, room);
        statuses.push(reply.status);
        if (reply.status >= 400) {
          expect(await reply.json()).toHaveProperty("error");
          expect(await classRows(), `${who} was refused but a class changed`).toEqual(before);
        }
      }
      expect(statuses).toEqual(expected);
    });
  }
});

describe(`classes: the rules against ${testDatabaseKind()}`, () => {
  it("creates a class with a code members join by typing it or by its link; 400 names the field", async () => {
    const created = await api.create("owner", { name: "  Spring cohort  " });
    expect(created.status).toBe(201);
    const { id: classId, joinCode } = await json<ClassCreated>(created);
    expect(joinCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const typed = `${joinCode.slice(0, 5).toLowerCase()}-${joinCode.slice(5)}`;
    expect(await json(await api.join("candidate", typed))).toEqual({ id: classId, name: "Spring cohort" });
    expect((await api.join("other", `https://mlprep.example/join/${joinCode}`)).status).toBe(200);
    expect(await db.classMember.count({ where: { classId } })).toBe(2);
    for (const [reply, field] of [
      [await api.create("owner", { name: "" }), "name"],
      [await api.create("owner", { name: "x".repeat(101) }), "name"],
      [await api.join("candidate", "O0O0O0O0O0"), "code"],
      [await api.patch("owner", classId, {}), "body"],
      [await api.assign("owner", classId, { deckId: shared.deckId, dueDate: "tomorrow" }), "dueDate"],
    ] as const) {
      expect(reply.status).toBe(400);
      expect((await json<{ field: string }>(reply)).field).toBe(field);
    }
    expect((await api.join("candidate", "ABCDEFGH23")).status).toBe(404);
  });

  it("refuses new members while joining is closed, and a rotated code replaces the old one", async () => {
    const { classId, joinCode } = await classroom();
    const closed = await json<ClassSettings>(await api.patch("owner", classId, { joinOpen: false }));
    expect(closed).toMatchObject({ id: classId, joinCode, joinOpen: false });
    expect((await api.join("candidate", joinCode)).status).toBe(403);
    // Members already in stay in, and joining again tells them so.
    expect((await api.join("member", joinCode)).status).toBe(200);
    const rotated = await json<ClassSettings>(await api.patch("admin", classId, { joinOpen: true, rotateCode: true }));
    expect(rotated.joinCode).not.toBe(joinCode);
    expect((await api.join("candidate", joinCode)).status).toBe(404);
    expect((await api.join("candidate", rotated.joinCode)).status).toBe(200);
  });

  it("limits joining to 10 attempts per user in 15 minutes (429 with Retry-After), right code or not", async () => {
    const { joinCode } = await classroom();
    await createUser("guesser", "candidate");
    for (let index = 0; index < 10; index += 1) expect((await api.join("guesser", "ABCDEFGH23")).status).toBe(404);
    const refused = await api.join("guesser", joinCode);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api.join("candidate", joinCode)).status).toBe(200);
  });

  it("assigns decks the owner may see, and only published ones", async () => {
    const { classId } = await classroom();
    const othersDraft = await deck("other", { publish: false });
    const othersPublished = await deck("other");
    const ownDraft = await deck("owner", { publish: false });
    await db.deck.create({
      data: {
        id: `builtin-${classId}`,
        title: "Built in",
        topic: "metrics",
        description: "Shipped.",
        level: "beginner",
        contentHash: "x",
      },
    });
    expect((await api.assign("owner", classId, { deckId: othersDraft.deckId })).status).toBe(404);
    expect((await api.assign("owner", classId, { deckId: "no-such-deck" })).status).toBe(404);
    expect((await api.assign("owner", classId, { deckId: ownDraft.deckId })).status).toBe(409);
    expect((await api.assign("admin", classId, { deckId: othersDraft.deckId })).status).toBe(409);
    expect((await api.assign("owner", classId, { deckId: othersPublished.deckId })).status).toBe(201);
    expect((await api.assign("owner", classId, { deckId: `builtin-${classId}` })).status).toBe(201);
    // Assigning again sets the due date.
    const again = await api.assign("owner", classId, { deckId: shared.deckId, dueDate: "2030-06-30T23:59:59+02:00" });
    expect(await json(again)).toEqual({ classId, deckId: shared.deckId, dueDate: "2030-06-30T21:59:59.000Z" });
    expect(await db.classAssignment.count({ where: { classId } })).toBe(3);
    expect((await api.unassign("owner", classId, othersPublished.deckId)).status).toBe(200);
    expect((await api.unassign("owner", classId, othersPublished.deckId)).status).toBe(404);
  });

  it("shows members their assignments with how much is done, overdue marked, and nobody else's", async () => {
    const { classId } = await classroom();
    const past = new Date(Date.now() - 86_400_000).toISOString();
    await api.assign("owner", classId, { deckId: shared.deckId, dueDate: past });
    await answer("member", shared.questionIds[0]!, true);
    const { assignments } = await json<MyAssignments>(await api.mine("member"));
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      classId,
      deckId: shared.deckId,
      dueDate: past,
      answered: 1,
      total: 2,
      overdue: true,
    });
    expect(assignments[0]!.mastery).toBeGreaterThan(0.4);
    expect(assignments[0]!.mastery).toBeLessThanOrEqual(0.5);
    expect((await json<MyAssignments>(await api.mine("candidate"))).assignments).toEqual([]);
    expect((await api.leave("member", classId)).status).toBe(200);
    expect((await json<MyAssignments>(await api.mine("member"))).assignments).toEqual([]);
    expect((await api.leave("member", classId)).status).toBe(404);
  });

  it("reports members' results on assigned decks only, from members only", async () => {
    const { classId, joinCode } = await classroom();
    const unassigned = await deck("owner");
    await api.join("candidate", joinCode);
    await answer("member", shared.questionIds[0]!, true);
    await answer("member", shared.questionIds[0]!, false);
    await answer("member", shared.questionIds[1]!, true);
    await answer("member", unassigned.questionIds[0]!, true);
    await answer("other", shared.questionIds[0]!, false);
    const progress = await json<ClassProgress>(await api.progress("owner", classId));
    expect(progress.class).toMatchObject({ id: classId, joinCode, joinOpen: true });
    expect(progress.assignments.map((assignment) => assignment.deckId)).toEqual([shared.deckId]);
    expect(progress.members.map((member) => [member.email, member.decks.map((entry) => entry.deckId)])).toEqual([
      ["member@example.com", [shared.deckId]],
      ["candidate@example.com", [shared.deckId]],
    ]);
    expect(progress.members[0]!.decks[0]).toMatchObject({
      questions: 2,
      seen: 2,
      answered: 3,
      correct: 2,
      behind: false,
    });
    expect(progress.members[0]!.decks[0]!.mastery).toBeGreaterThan(0);
    expect(progress.members[1]!.decks[0]).toMatchObject({ answered: 0, mastery: 0 });
    expect(progress.weakestTopics).toMatchObject([{ slug: "metrics", attempts: 3 }]);
    const csv = await api.csv("admin", classId);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(3);
    // The other instructor's answer is no member's: the statistics count the member alone.
    const statistics = await json<{ items: { candidates: number; attempts: number }[] }>(
      await api.statistics("owner", classId, shared.deckId),
    );
    expect(statistics.items.map((item) => [item.candidates, item.attempts])).toEqual([
      [1, 2],
      [1, 1],
    ]);
    expect((await api.statistics("owner", classId, unassigned.deckId)).status).toBe(404);
    expect((await api.kick("owner", classId, id("member"))).status).toBe(200);
    expect((await json<ClassProgress>(await api.progress("owner", classId))).members).toHaveLength(1);
    expect((await api.kick("owner", classId, id("member"))).status).toBe(404);
  });

  it("deletes a class and keeps every member's answers and cards", async () => {
    const { classId } = await classroom();
    await answer("member", shared.questionIds[1]!, true);
    const before = {
      attempts: await db.attempt.count({ where: { userId: id("member") } }),
      cards: await db.reviewCard.count({ where: { userId: id("member") } }),
    };
    expect((await api.remove("owner", classId)).status).toBe(200);
    expect(await db.classMember.count({ where: { classId } })).toBe(0);
    expect(await db.classAssignment.count({ where: { classId } })).toBe(0);
    expect((await api.progress("owner", classId)).status).toBe(404);
    expect({
      attempts: await db.attempt.count({ where: { userId: id("member") } }),
      cards: await db.reviewCard.count({ where: { userId: id("member") } }),
    }).toEqual(before);
  });

  it("takes a demoted owner's class from them, and admins keep it", async () => {
    const { classId } = await classroom();
    await db.user.update({ where: { id: id("owner") }, data: { role: "candidate" } });
    try {
      expect((await api.progress("owner", classId)).status).toBe(404);
      expect((await api.progress("admin", classId)).status).toBe(200);
    } finally {
      await db.user.update({ where: { id: id("owner") }, data: { role: "instructor" } });
    }
  });

  it("lists a user's classes for the pages, and previews a code counted like joining", async () => {
    const { classId, joinCode } = await classroom();
    const { owned } = await listClasses(db, id("owner"));
    expect(owned).toEqual([
      expect.objectContaining({ id: classId, joinCode, joinOpen: true, members: 1, assignments: 1 }),
    ]);
    expect((await listClasses(db, id("member"))).joined).toEqual([
      { id: classId, name: expect.any(String) as string, ownerName: "owner" },
    ]);
    expect(valueOf(await previewJoin(db, id("candidate"), joinCode, new Date()))).toMatchObject({
      id: classId,
      member: false,
    });
    expect(await db.rateLimit.findUnique({ where: { key: joinLimitKey(id("candidate")) } })).toMatchObject({
      count: 1,
    });
  });

  it("caps the classes an instructor owns, and deletes a user's classes and join count with them", async () => {
    const ownerId = await createUser("busy", "instructor");
    await db.class.createMany({
      data: Array.from({ length: 100 }, (_, index) => ({ name: `C${index}`, ownerId, joinCode: `BUSY${index}` })),
    });
    expect((await api.create("busy")).status).toBe(409);
    const { joinCode } = await classroom();
    expect((await api.join("busy", joinCode)).status).toBe(200);
    valueOf(await deleteUser(db, ownerId));
    expect(await db.class.count({ where: { ownerId } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: joinLimitKey(ownerId) } })).toBe(0);
    expect(await db.classMember.count({ where: { userId: ownerId } })).toBe(0);
  });
});
