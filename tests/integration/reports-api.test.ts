import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { QuestionReportView, ReportQueue } from "@/lib/http/contracts";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";
import { valueOf } from "@/tests/support/outcome";
import { routeRequest, sessionCookie, TEST_AUTH_SECRET } from "@/tests/support/route-request";

/**
 * Reports from candidates end to end: the three routes called with real requests and session cookies on a
 * fresh database of the project's kind, every route by every kind of caller, then the rules one by one.
 */
await createFreshDatabase();
process.env.AUTH_SECRET = TEST_AUTH_SECRET;
const { db } = await import("@/lib/data/db");
const { createDeck, publishDeck } = await import("@/lib/data/authoring/deck-writes");
const { createQuestion, removeQuestion, updateQuestion } = await import("@/lib/data/authoring/question-writes");
const { deleteUser } = await import("@/lib/data/accounts");
const { findOwnReports } = await import("@/lib/data/question-reports");
const routes = {
  file: await import("@/app/api/questions/[questionId]/reports/route"),
  queue: await import("@/app/api/author/reports/route"),
  resolve: await import("@/app/api/author/reports/[reportId]/route"),
};

type Who = "anonymous" | "candidate" | "owner" | "other" | "admin";
const users = new Map<string, { id: string; cookie: string }>();

async function createUser(who: string, role: string) {
  const email = `${who}@example.com`;
  const user = await db.user.create({ data: { email, role } });
  users.set(who, { id: user.id, cookie: await sessionCookie(user.id, email) });
  return user.id;
}

const request = (who: string, method: string, url: string, body?: unknown) =>
  routeRequest(users.get(who)?.cookie, method, url, body);

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
const owner = () => ({ id: users.get("owner")!.id, role: "instructor" as const });
const question = (prompt: string, id: string) => ({
  id,
  type: "single" as const,
  difficulty: 1 as const,
  terms: ["precision"],
  tags: [],
  prompt,
  explanation: "Precision is $\\frac{TP}{TP + FP}$.",
  choices: [
    { text: "Precision", correct: true },
    { text: "Recall", correct: false },
    { text: "Accuracy", correct: false },
  ],
});

/** A deck of the owner's with two questions, published unless asked not to. */
async function fixture({ publish = true } = {}) {
  const deckId = `deck-${randomUUID().slice(0, 8)}`;
  valueOf(
    await createDeck(
      db,
      owner(),
      { title: `Deck ${deckId}`, topic: "metrics", description: "Drill.", level: "beginner" },
      deckId,
    ),
  );
  const ids = [`q-${randomUUID().slice(0, 8)}`, `q-${randomUUID().slice(0, 8)}`];
  for (const id of ids) valueOf(await createQuestion(db, owner(), deckId, question(`Which metric is ${id}?`, id)));
  if (publish) valueOf(await publishDeck(db, owner(), deckId));
  return { deckId, questionId: ids[0]!, otherQuestionId: ids[1]! };
}

const file = (who: string, questionId: string, body: unknown = { reason: "wrong-key", note: "B is right." }) =>
  routes.file.POST(request(who, "POST", `/api/questions/${questionId}/reports`, body), params({ questionId }));
const queue = (who: string, deckId?: string) =>
  routes.queue.GET(request(who, "GET", `/api/author/reports${deckId ? `?deckId=${deckId}` : ""}`));
const resolve = (who: string, reportId: string, body: unknown) =>
  routes.resolve.PATCH(request(who, "PATCH", `/api/author/reports/${reportId}`, body), params({ reportId }));

/** A fresh fixture with one open report by the candidate. */
async function reported() {
  const ids = await fixture();
  const report = (await (await file("candidate", ids.questionId)).json()) as QuestionReportView;
  return { ...ids, reportId: report.id };
}

const CALLERS: Who[] = ["anonymous", "candidate", "owner", "other", "admin"];
const MATRIX: Record<string, { call: (who: Who) => Promise<Response>; expected: number[] }> = {
  "POST /api/questions/:id/reports (published)": {
    call: async (who) => file(who, (await fixture()).questionId),
    expected: [401, 201, 201, 201, 201],
  },
  // A draft is nobody's to report, its own author's included, and to others it does not exist.
  "POST /api/questions/:id/reports (draft deck)": {
    call: async (who) => file(who, (await fixture({ publish: false })).questionId),
    expected: [401, 404, 404, 404, 404],
  },
  "GET /api/author/reports": { call: (who) => queue(who), expected: [401, 403, 200, 200, 200] },
  "GET /api/author/reports?deckId=": {
    call: async (who) => queue(who, (await reported()).deckId),
    expected: [401, 403, 200, 403, 200],
  },
  "GET /api/author/reports?deckId= (draft deck)": {
    call: async (who) => queue(who, (await fixture({ publish: false })).deckId),
    expected: [401, 403, 200, 404, 200],
  },
  "PATCH /api/author/reports/:id": {
    call: async (who) => resolve(who, (await reported()).reportId, { outcome: "dismissed", reply: "It is right." }),
    expected: [401, 403, 200, 403, 200],
  },
};

beforeAll(async () => {
  await createUser("candidate", "candidate");
  await createUser("owner", "instructor");
  await createUser("other", "instructor");
  await createUser("admin", "admin");
});
// Every call counts against the reporter's hourly limit; only the test of that limit should meet it.
beforeEach(async () => {
  await db.rateLimit.deleteMany();
});

describe(`reports: authorization matrix against ${testDatabaseKind()}`, () => {
  for (const [action, { call, expected }] of Object.entries(MATRIX)) {
    it(`${action}: ${expected.join(" / ")}`, async () => {
      const statuses: number[] = [];
      for (const who of CALLERS) {
        const before = await db.questionReport.findMany({ orderBy: { id: "asc" } });
        const reply = await call(who);
        statuses.push(reply.status);
        if (reply.status >= 400) {
          expect(await reply.json()).toHaveProperty("error");
          const after = await db.questionReport.findMany({
            where: { id: { in: before.map((row) => row.id) } },
            orderBy: { id: "asc" },
          });
          expect(after, `${who} was refused but a report changed`).toEqual(before);
        }
      }
      expect(statuses).toEqual(expected);
    });
  }

  it("answers 404 for an unknown question or report and 400 naming the field", async () => {
    expect((await file("candidate", "no-such-question")).status).toBe(404);
    expect((await resolve("admin", "no-such-report", { outcome: "fixed" })).status).toBe(404);
    expect((await queue("admin", "no-such-deck")).status).toBe(404);
    const { questionId, reportId } = await reported();
    for (const [body, field] of [
      [{ reason: "rude" }, "reason"],
      [{ reason: "other", note: "x".repeat(1001) }, "note"],
      [{ reason: "other", extra: 1 }, "body"],
    ] as const) {
      const refused = await file("candidate", questionId, body);
      expect(refused.status).toBe(400);
      expect((await refused.json()).field).toBe(field);
    }
    const noReply = await resolve("owner", reportId, { outcome: "dismissed", reply: "" });
    expect(noReply.status).toBe(400);
    expect((await noReply.json()).field).toBe("reply");
  });
});

describe(`reports: the rules against ${testDatabaseKind()}`, () => {
  it("keeps one open report per user and question, against the question's current revision", async () => {
    const { questionId, deckId } = await fixture();
    const first = (await (await file("candidate", questionId)).json()) as QuestionReportView;
    expect(first).toMatchObject({ revision: 1, reason: "wrong-key", status: "open" });
    valueOf(await updateQuestion(db, owner(), { ...question("Which metric is it, really?", questionId) }));
    const again = await file("candidate", questionId, { reason: "unclear", note: "Still unsure." });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ id: first.id, revision: 2, reason: "unclear", note: "Still unsure." });
    const both = await Promise.all([file("owner", questionId), file("owner", questionId)]);
    expect(both.map((reply) => reply.status)).toEqual([201, 201]);
    expect(await db.questionReport.count({ where: { questionId, status: "open" } })).toBe(2);
    const { decks } = (await (await queue("owner", deckId)).json()) as ReportQueue;
    expect(decks[0]).toMatchObject({ openReports: 2, questions: [{ questionId, revision: 2 }] });
    expect(decks[0]!.questions[0]!.reports.map((report) => report.revision)).toEqual([2, 2]);
  });

  it("limits each user to 20 reports an hour (429 with Retry-After), updates included", async () => {
    const { questionId } = await fixture();
    await createUser("eager", "candidate");
    for (let index = 0; index < 20; index += 1) expect((await file("eager", questionId)).status).toBe(201);
    const refused = await file("eager", questionId);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("lets a reporter report an archived question they answered, and nobody else", async () => {
    const { questionId } = await fixture();
    const revision = 1;
    await db.attempt.create({
      data: {
        userId: users.get("candidate")!.id,
        attemptId: randomUUID(),
        questionId,
        revision,
        response: '{"type":"single","choice":0}',
        correct: true,
        elapsedMs: 900,
      },
    });
    expect(valueOf(await removeQuestion(db, owner(), questionId))).toEqual({ outcome: "archived" });
    expect((await file("other", questionId)).status).toBe(404);
    expect((await file("candidate", questionId)).status).toBe(201);
  });

  it("closes a report as dismissed or fixed, and the reporter sees the outcome", async () => {
    const { questionId, otherQuestionId, reportId, deckId } = await reported();
    const dismissed = await resolve("owner", reportId, {
      outcome: "dismissed",
      reply: "The key is right: see the definition.",
    });
    expect(dismissed.status).toBe(200);
    expect(await dismissed.json()).toMatchObject({
      status: "dismissed",
      reply: "The key is right: see the definition.",
    });
    expect((await resolve("admin", reportId, { outcome: "fixed" })).status).toBe(409);
    // Closed, it no longer blocks a new report on the question.
    const second = (await (await file("candidate", questionId, { reason: "typo" })).json()) as QuestionReportView;
    expect(second.id).not.toBe(reportId);
    const fixedOther = (await (
      await file("candidate", otherQuestionId, { reason: "typo" })
    ).json()) as QuestionReportView;
    const fixed = await resolve("admin", fixedOther.id, {
      outcome: "fixed",
      reply: "Thanks, fixed.",
      fixedInRevision: 2,
    });
    expect(await fixed.json()).toMatchObject({ status: "resolved", fixedInRevision: 2, reply: "Thanks, fixed." });
    const candidate = users.get("candidate")!.id;
    expect(await findOwnReports(db, candidate, questionId)).toMatchObject([
      { status: "open" },
      { status: "dismissed", reply: "The key is right: see the definition." },
    ]);
    const { decks } = (await (await queue("owner", deckId)).json()) as ReportQueue;
    expect(decks[0]!.questions.map((entry) => [entry.questionId, entry.reports.length])).toEqual([[questionId, 1]]);
  });

  it("puts suspect questions in the queue from their statistics, with no report needed", async () => {
    const { deckId, questionId, otherQuestionId } = await fixture();
    for (let learner = 0; learner < 6; learner += 1) {
      const userId = await createUser(`learner${learner}-${deckId}`, "candidate");
      const right = learner % 2 === 0;
      await db.attempt.createMany({
        data: [
          // Everyone picks "Recall" over the key on the first question: a distractor above the key.
          {
            userId,
            attemptId: randomUUID(),
            questionId,
            revision: 1,
            response: '{"type":"single","choice":1}',
            correct: false,
            elapsedMs: 800,
          },
          {
            userId,
            attemptId: randomUUID(),
            questionId: otherQuestionId,
            revision: 1,
            response: `{"type":"single","choice":${right ? 0 : 2}}`,
            correct: right,
            elapsedMs: 800,
          },
        ],
      });
    }
    const { decks } = (await (await queue("owner", deckId)).json()) as ReportQueue;
    expect(decks).toMatchObject([{ deckId, openReports: 0, suspectQuestions: 1 }]);
    expect(decks[0]!.questions).toMatchObject([
      { questionId, suspect: ["distractor-over-key"], reports: [], statistics: { candidates: 6, facility: 0 } },
    ]);
    // The full queue of the owner holds the deck too; another instructor's holds none of the owner's decks.
    expect(((await (await queue("owner")).json()) as ReportQueue).decks.map((deck) => deck.deckId)).toContain(deckId);
    expect(((await (await queue("other")).json()) as ReportQueue).decks).toEqual([]);
  });

  it("deletes a user's reports with the user, and keeps the ones they closed", async () => {
    const { reportId } = await reported();
    const resolverId = await createUser("second-admin", "admin");
    expect(
      (await resolve("second-admin", reportId, { outcome: "dismissed", reply: "Works as intended." })).status,
    ).toBe(200);
    const reporterId = await createUser("leaver", "candidate");
    const { questionId } = await fixture();
    expect((await file("leaver", questionId)).status).toBe(201);
    expect(await db.rateLimit.count({ where: { key: `report:user:${reporterId}` } })).toBe(1);
    valueOf(await deleteUser(db, reporterId));
    expect(await db.questionReport.count({ where: { userId: reporterId } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: `report:user:${reporterId}` } })).toBe(0);
    valueOf(await deleteUser(db, resolverId));
    expect(await db.questionReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "dismissed",
      resolvedById: null,
    });
  });
});
