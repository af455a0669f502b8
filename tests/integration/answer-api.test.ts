import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { createFreshDatabase } from "@/tests/support/fresh-database";

/** The route handlers themselves, called with real requests and real session cookies, on a fresh database. */
await createFreshDatabase();
const secret = "integration-test-secret-at-least-32-characters";
process.env.AUTH_SECRET = secret;
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const attempts = await import("@/app/api/attempts/route");
const attempt = await import("@/app/api/attempts/[attemptId]/route");
const progress = await import("@/app/api/me/progress/route");
const exported = await import("@/app/api/me/export/route");

const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
const numeric = decks.flatMap((deck) => deck.questions).find((question) => question.type === "numeric")!;
const answer = numeric.type === "numeric" ? numeric.answer : 0;

const cookies = new Map<string, string>();
async function signedInAs(email: string): Promise<string> {
  const user = await db.user.create({ data: { email } });
  const token = await encode({ token: { sub: user.id, email }, secret, salt: "authjs.session-token" });
  cookies.set(email, `authjs.session-token=${token}`);
  return user.id;
}

function post(email: string | null, body: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (email) headers.cookie = cookies.get(email)!;
  return attempts.POST(
    new Request("http://localhost/api/attempts", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

function get(email: string, url: string) {
  return new Request(`http://localhost${url}`, { headers: { cookie: cookies.get(email)! } });
}

const submission = (overrides: Record<string, unknown> = {}) => ({
  questionId: numeric.id,
  revision: 1,
  response: { type: "numeric", value: answer },
  attemptId: randomUUID(),
  elapsedMs: 30_000,
  ...overrides,
});

beforeAll(async () => {
  await syncContentDecks(db, decks);
  await signedInAs("ann@example.com");
  await signedInAs("ben@example.com");
});

describe("POST /api/attempts", () => {
  it("answers 401 without a session and writes nothing", async () => {
    const reply = await post(null, submission());
    expect(reply.status).toBe(401);
    expect(await db.attempt.count()).toBe(0);
  });

  it("records an answer and returns the verdict, the answer key and the next review", async () => {
    const reply = await post("ann@example.com", submission({ attemptId: "ann-attempt-0001" }));
    expect(reply.status).toBe(200);
    const body = await reply.json();
    expect(body).toMatchObject({
      attemptId: "ann-attempt-0001",
      correct: true,
      replayed: false,
      key: { explanationHtml: expect.stringContaining("<") },
    });
    expect(body.key.terms.length).toBeGreaterThan(0);
    expect(new Date(body.due).getTime()).toBeGreaterThan(Date.now());
  });

  it("records a repeated attempt id once and answers the same outcome, also concurrently", async () => {
    const input = submission();
    const replies = await Promise.all(Array.from({ length: 6 }, () => post("ann@example.com", input)));
    const bodies = await Promise.all(replies.map((reply) => reply.json()));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(new Set(bodies.map((body) => body.due)).size).toBe(1);
    expect(bodies.filter((body) => !body.replayed)).toHaveLength(1);
    expect(await db.attempt.count({ where: { attemptId: input.attemptId } })).toBe(1);
  });

  it.each([
    ["malformed JSON", "{not json", "body"],
    ["a missing field", { ...submission(), questionId: undefined }, "questionId"],
    [
      "text over 10,000 characters",
      submission({ response: { type: "short", text: "x".repeat(10_001) } }),
      "response.text",
    ],
    ["an unknown question", submission({ questionId: "no-such-question" }), "questionId"],
    ["a revision that does not exist", submission({ revision: 7 }), "questionId"],
    ["a response of another type", submission({ response: { type: "true-false", value: true } }), "response"],
    ["a bad attempt id", submission({ attemptId: "no spaces allowed" }), "attemptId"],
    ["an unknown key", { ...submission(), userId: "someone-else" }, "body"],
  ])("answers 400 naming the field for %s, and writes nothing", async (_case, body, field) => {
    const before = await db.attempt.count();
    const reply = await post("ann@example.com", body);
    expect(reply.status).toBe(400);
    expect(await reply.json()).toEqual({ field, error: expect.any(String) });
    expect(await db.attempt.count()).toBe(before);
  });
});

describe("one user never reads another's progress", () => {
  it("GET /api/attempts/:id is 200 for the owner and 404 for anyone else", async () => {
    const context = { params: Promise.resolve({ attemptId: "ann-attempt-0001" }) };
    const own = await attempt.GET(get("ann@example.com", "/api/attempts/ann-attempt-0001"), context);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ attemptId: "ann-attempt-0001", questionId: numeric.id, correct: true });
    const other = await attempt.GET(get("ben@example.com", "/api/attempts/ann-attempt-0001"), context);
    expect(other.status).toBe(404);
  });

  it("the progress JSON and the CSV export hold only the caller's answers", async () => {
    const annProgress = await (
      await progress.GET(new NextRequest(get("ann@example.com", "/api/me/progress?tz=Europe/Berlin")))
    ).json();
    const benProgress = await (await progress.GET(new NextRequest(get("ben@example.com", "/api/me/progress")))).json();
    expect(annProgress.timeZone).toBe("Europe/Berlin");
    expect(annProgress.totals.answered).toBe(2);
    expect(benProgress.totals.answered).toBe(0);
    const csv = await (await exported.GET(get("ben@example.com", "/api/me/export"))).text();
    expect(csv.trim().split("\r\n")).toEqual([
      "answered_at,attempt_id,question_id,revision,deck,topic,correct,self_grade,elapsed_ms,response",
    ]);
  });

  it("a forged or expired session is no session", async () => {
    const forged = `authjs.session-token=${await encode({ token: { sub: "x" }, secret: "another-secret-that-is-long-enough-123", salt: "authjs.session-token" })}`;
    const reply = await attempts.POST(
      new Request("http://localhost/api/attempts", {
        method: "POST",
        headers: { cookie: forged },
        body: JSON.stringify(submission()),
      }),
    );
    expect(reply.status).toBe(401);
    const expired = `authjs.session-token=${await encode({ token: { sub: "x" }, secret, salt: "authjs.session-token", maxAge: -60 })}`;
    const late = await attempts.POST(
      new Request("http://localhost/api/attempts", {
        method: "POST",
        headers: { cookie: expired },
        body: JSON.stringify(submission()),
      }),
    );
    expect(late.status).toBe(401);
  });
});
