import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import type { Question } from "@/lib/domain/question";
import { XSS_PAYLOADS } from "@/tests/fixtures/xss-payloads";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { dangers } from "@/tests/support/html-dangers";
import { valueOf } from "@/tests/support/outcome";
import { routeRequest, sessionCookie } from "@/tests/support/route-request";

/**
 * The authoring API end to end: route handlers called with real requests and session cookies on a fresh
 * database of the project's kind (SQLite or PostgreSQL). Every authoring route is tried by every kind of caller, and a refused call must leave
 * the bank exactly as it was.
 */
await createFreshDatabase();
const secret = "integration-test-secret-at-least-32-characters";
process.env.AUTH_SECRET = secret;
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const authoring = {
  ...(await import("@/lib/data/authoring/deck-writes")),
  ...(await import("@/lib/data/authoring/question-writes")),
};
const { recordAttempt } = await import("@/lib/practice/record-attempt");
const { findPracticeQuestions, getQuestionRevision } = await import("@/lib/data/questions");
const routes = {
  decks: await import("@/app/api/author/decks/route"),
  deck: await import("@/app/api/author/decks/[deckId]/route"),
  publishDeck: await import("@/app/api/author/decks/[deckId]/publish/route"),
  duplicate: await import("@/app/api/author/decks/[deckId]/duplicate/route"),
  questions: await import("@/app/api/author/decks/[deckId]/questions/route"),
  importDeck: await import("@/app/api/author/decks/[deckId]/import/route"),
  exportDeck: await import("@/app/api/author/decks/[deckId]/export/route"),
  question: await import("@/app/api/author/questions/[questionId]/route"),
  publishQuestion: await import("@/app/api/author/questions/[questionId]/publish/route"),
  move: await import("@/app/api/author/questions/[questionId]/move/route"),
  restore: await import("@/app/api/author/questions/[questionId]/restore/route"),
  preview: await import("@/app/api/author/preview/route"),
};

const slugs = new Set(loadGlossary().terms.map((term) => term.slug));
const { decks } = loadDecks(slugs);

type Who = "anonymous" | "candidate" | "owner" | "other" | "admin";
const users = new Map<Who, { id: string; cookie: string; role: string }>();

async function createUser(who: Exclude<Who, "anonymous">, role: string) {
  const email = `${who}@example.com`;
  const user = await db.user.create({ data: { email, role } });
  users.set(who, { id: user.id, role, cookie: await sessionCookie(user.id, email, secret) });
}

function request(who: Who, method: string, url: string, body?: unknown): NextRequest {
  return routeRequest(who === "anonymous" ? undefined : users.get(who)?.cookie, method, url, body);
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
const owner = () => ({ id: users.get("owner")!.id, role: "instructor" as const });

const single = (prompt = "Which metric ignores false negatives?") => ({
  type: "single" as const,
  difficulty: 1 as const,
  terms: ["precision"],
  tags: [],
  prompt,
  explanation: "Precision is $\\frac{TP}{TP + FP}$: misses never enter it. See [[recall]].",
  choices: [
    { text: "Precision", correct: true },
    { text: "Recall", correct: false, feedback: "Recall is all about false negatives." },
  ],
});

/** A fresh draft deck owned by the owner, with one draft question. */
async function fixture(): Promise<{ deckId: string; questionId: string }> {
  const deckId = `deck-${randomUUID().slice(0, 8)}`;
  await authoring.createDeck(
    db,
    owner(),
    { title: "Metrics drill", topic: "metrics", description: "Drill.", level: "beginner" },
    deckId,
  );
  const questionId = `q-${randomUUID().slice(0, 8)}`;
  await authoring.createQuestion(db, owner(), deckId, { ...single(), id: questionId });
  return { deckId, questionId };
}

/** Everything a refused call must not have touched. */
async function snapshot() {
  const [deckRows, questions, revisions, terms] = await Promise.all([
    db.deck.findMany({ orderBy: { id: "asc" } }),
    db.question.findMany({ orderBy: { id: "asc" } }),
    db.questionRevision.findMany({ orderBy: [{ questionId: "asc" }, { revision: "asc" }] }),
    db.questionTerm.count(),
  ]);
  return JSON.stringify({ deckRows, questions, revisions, terms });
}

const deckInput = { title: "My deck", topic: "metrics", description: "Mine.", level: "beginner" };
const gift = "::Q1:: Raising the threshold usually increases precision. {TRUE####Fewer, surer positives.}\n";

/** Every authoring route, as a call on a fresh fixture. */
const ACTIONS: Record<string, (who: Who, ids: { deckId: string; questionId: string }) => Promise<Response>> = {
  "POST /api/author/decks": (who) => routes.decks.POST(request(who, "POST", "/api/author/decks", deckInput)),
  "PATCH /api/author/decks/:id": (who, { deckId }) =>
    routes.deck.PATCH(request(who, "PATCH", `/api/author/decks/${deckId}`, deckInput), params({ deckId })),
  "POST /api/author/decks/:id/publish": (who, { deckId }) =>
    routes.publishDeck.POST(request(who, "POST", `/api/author/decks/${deckId}/publish`), params({ deckId })),
  "POST /api/author/decks/:id/duplicate": (who, { deckId }) =>
    routes.duplicate.POST(request(who, "POST", `/api/author/decks/${deckId}/duplicate`), params({ deckId })),
  "POST /api/author/decks/:id/questions": (who, { deckId }) =>
    routes.questions.POST(
      request(who, "POST", `/api/author/decks/${deckId}/questions`, { question: single("A new question?") }),
      params({ deckId }),
    ),
  "POST /api/author/decks/:id/import (check)": (who, { deckId }) =>
    routes.importDeck.POST(
      request(who, "POST", `/api/author/decks/${deckId}/import`, { format: "gift", text: gift }),
      params({ deckId }),
    ),
  "POST /api/author/decks/:id/import (commit)": (who, { deckId }) =>
    routes.importDeck.POST(
      request(who, "POST", `/api/author/decks/${deckId}/import`, { format: "gift", text: gift, commit: true }),
      params({ deckId }),
    ),
  "GET /api/author/decks/:id/export": (who, { deckId }) =>
    routes.exportDeck.GET(
      request(who, "GET", `/api/author/decks/${deckId}/export?format=markdown`),
      params({ deckId }),
    ),
  "PUT /api/author/questions/:id": (who, { questionId }) =>
    routes.question.PUT(
      request(who, "PUT", `/api/author/questions/${questionId}`, { question: single("Edited?") }),
      params({ questionId }),
    ),
  "DELETE /api/author/questions/:id": (who, { questionId }) =>
    routes.question.DELETE(request(who, "DELETE", `/api/author/questions/${questionId}`), params({ questionId })),
  "POST /api/author/questions/:id/publish": (who, { questionId }) =>
    routes.publishQuestion.POST(
      request(who, "POST", `/api/author/questions/${questionId}/publish`),
      params({ questionId }),
    ),
  "POST /api/author/questions/:id/move": (who, { questionId }) =>
    routes.move.POST(
      request(who, "POST", `/api/author/questions/${questionId}/move`, { direction: "down" }),
      params({ questionId }),
    ),
  "POST /api/author/questions/:id/restore": (who, { questionId }) =>
    routes.restore.POST(request(who, "POST", `/api/author/questions/${questionId}/restore`), params({ questionId })),
  "POST /api/author/preview": (who) =>
    routes.preview.POST(request(who, "POST", "/api/author/preview", { question: single() })),
};

/** Expected status per caller: anonymous, candidate, owner instructor, other instructor, admin. */
const EXPECTED: Record<keyof typeof ACTIONS, [number, number, number, number, number]> = {
  "POST /api/author/decks": [401, 403, 201, 201, 201],
  "PATCH /api/author/decks/:id": [401, 403, 200, 404, 200],
  "POST /api/author/decks/:id/publish": [401, 403, 200, 404, 200],
  // A draft deck is its owner's: to another instructor it does not exist (404, so its existence does not leak).
  "POST /api/author/decks/:id/duplicate": [401, 403, 201, 404, 201],
  "POST /api/author/decks/:id/questions": [401, 403, 201, 404, 201],
  "POST /api/author/decks/:id/import (check)": [401, 403, 200, 404, 200],
  "POST /api/author/decks/:id/import (commit)": [401, 403, 201, 404, 201],
  "GET /api/author/decks/:id/export": [401, 403, 200, 404, 200],
  "PUT /api/author/questions/:id": [401, 403, 200, 404, 200],
  "DELETE /api/author/questions/:id": [401, 403, 200, 404, 200],
  "POST /api/author/questions/:id/publish": [401, 403, 200, 404, 200],
  "POST /api/author/questions/:id/move": [401, 403, 200, 404, 200],
  "POST /api/author/questions/:id/restore": [401, 403, 200, 404, 200],
  "POST /api/author/preview": [401, 403, 200, 200, 200],
};
const CALLERS: Who[] = ["anonymous", "candidate", "owner", "other", "admin"];

beforeAll(async () => {
  await syncContentDecks(db, decks);
  await createUser("candidate", "candidate");
  await createUser("owner", "instructor");
  await createUser("other", "instructor");
  await createUser("admin", "admin");
});

describe("authorization matrix: every authoring route x every kind of caller", () => {
  for (const [action, call] of Object.entries(ACTIONS)) {
    it(`${action}: ${EXPECTED[action]!.join(" / ")}`, async () => {
      const statuses: number[] = [];
      for (const who of CALLERS) {
        const ids = await fixture();
        const before = await snapshot();
        const reply = await call(who, ids);
        statuses.push(reply.status);
        if (reply.status === 401 || reply.status === 403 || reply.status === 404) {
          expect(await snapshot(), `${who} was refused but something changed`).toBe(before);
          expect(await reply.json()).toHaveProperty("error");
        }
      }
      expect(statuses).toEqual(EXPECTED[action]);
    });
  }

  it("keeps built-in decks read-only for everyone, admins included, while letting any author copy them", async () => {
    const before = await snapshot();
    for (const who of ["owner", "admin"] as const) {
      expect(
        (await ACTIONS["PATCH /api/author/decks/:id"]!(who, { deckId: "classic-ml", questionId: "" })).status,
      ).toBe(403);
      const contentQuestion = decks[0]!.questions[0]!.id;
      expect(
        (await ACTIONS["PUT /api/author/questions/:id"]!(who, { deckId: "", questionId: contentQuestion })).status,
      ).toBe(403);
      expect(
        (await ACTIONS["DELETE /api/author/questions/:id"]!(who, { deckId: "", questionId: contentQuestion })).status,
      ).toBe(403);
    }
    expect(await snapshot()).toBe(before);
    const copy = await ACTIONS["POST /api/author/decks/:id/duplicate"]!("other", {
      deckId: "classic-ml",
      questionId: "",
    });
    expect(copy.status).toBe(201);
    const { id, questions } = (await copy.json()) as { id: string; questions: number };
    expect(questions).toBe(decks.find((deck) => deck.slug === "classic-ml")!.questions.length);
    expect(await db.deck.findUniqueOrThrow({ where: { id } })).toMatchObject({
      source: "authored",
      status: "draft",
      ownerId: users.get("other")!.id,
    });
  });

  it("answers 404 for unknown decks and questions, and 400 naming the field for bad input", async () => {
    expect(
      (await ACTIONS["PATCH /api/author/decks/:id"]!("owner", { deckId: "no-such-deck", questionId: "" })).status,
    ).toBe(404);
    expect(
      (await ACTIONS["PUT /api/author/questions/:id"]!("owner", { deckId: "", questionId: "no-such-question" })).status,
    ).toBe(404);
    const badDeck = await routes.decks.POST(
      request("owner", "POST", "/api/author/decks", { ...deckInput, topic: "cooking" }),
    );
    expect(badDeck.status).toBe(400);
    expect((await badDeck.json()).field).toBe("topic");
    const { deckId } = await fixture();
    const twoRight = { ...single(), choices: single().choices.map((choice) => ({ ...choice, correct: true })) };
    const refused = await routes.questions.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/questions`, { question: twoRight }),
      params({ deckId }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      field: "question.choices",
      problems: [{ field: "choices", message: expect.stringMatching(/exactly one \[x\], found 2/) }],
    });
    const badMath = await routes.questions.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/questions`, {
        question: { ...single(), prompt: "Is $\\frac{1}{$ right?" },
      }),
      params({ deckId }),
    );
    expect(await badMath.json()).toMatchObject({
      field: "question.prompt",
      error: expect.stringMatching(/^prompt: invalid math/),
    });
    const unknownTerm = await routes.questions.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/questions`, {
        question: { ...single(), terms: ["not-a-term"] },
      }),
      params({ deckId }),
    );
    expect(await unknownTerm.json()).toMatchObject({ field: "question.terms" });
    const malformed = await routes.questions.POST(
      new NextRequest(`http://localhost/api/author/decks/${deckId}/questions`, {
        method: "POST",
        headers: { cookie: users.get("owner")!.cookie, "content-type": "application/json" },
        body: "{",
      }),
      params({ deckId }),
    );
    expect(await malformed.json()).toEqual({ error: "must be valid JSON", field: "body" });
  });
});

describe("safe rendering of authored Markdown", () => {
  it("neutralises every XSS payload in every part of a question, as the preview and candidates render it", async () => {
    const { deckId } = await fixture();
    for (const payload of XSS_PAYLOADS) {
      const question = {
        ...single(`Before ${payload} after?`),
        explanation: `Explained ${payload}`,
        choices: [
          { text: `Right ${payload}`, correct: true, feedback: `Feedback ${payload}` },
          { text: "Wrong", correct: false, feedback: `Nope ${payload}` },
        ],
      };
      const reply = await routes.preview.POST(request("owner", "POST", "/api/author/preview", { question }));
      const { view, key } = (await reply.json()) as {
        view: { promptHtml: string; choices: string[] };
        key: { explanationHtml: string; choiceFeedback: (string | null)[] };
      };
      const html = [
        view.promptHtml,
        ...view.choices,
        key.explanationHtml,
        ...key.choiceFeedback.map((feedback) => feedback ?? ""),
      ];
      expect(html.flatMap(dangers), payload).toEqual([]);
      // Saved and published, it renders the same way for candidates.
      const saved = await routes.questions.POST(
        request("owner", "POST", `/api/author/decks/${deckId}/questions`, { question }),
        params({ deckId }),
      );
      expect([201, 400]).toContain(saved.status);
    }
    await authoring.publishDeck(db, owner(), deckId);
    const { toSessionItems } = await import("@/lib/practice/session-items");
    const items = toSessionItems(await findPracticeQuestions(db, { deckId }));
    expect(items.length).toBeGreaterThan(XSS_PAYLOADS.length / 2);
    expect(items.flatMap((item) => [item.view.promptHtml, ...(item.view.choices ?? [])]).flatMap(dangers)).toEqual([]);
  });
});

describe("the question lifecycle", () => {
  it("edits a draft in place, and a published question by adding a revision that old attempts do not follow", async () => {
    const { deckId, questionId } = await fixture();
    await authoring.updateQuestion(db, owner(), { ...single("Draft edit?"), id: questionId });
    expect(await db.questionRevision.count({ where: { questionId } })).toBe(1);
    // Drafts are neither practised nor answerable.
    expect(await findPracticeQuestions(db, { deckId })).toEqual([]);
    expect(await getQuestionRevision(db, questionId, 1)).toBeUndefined();

    expect((await authoring.publishDeck(db, owner(), deckId)).ok).toBe(true);
    const candidate = users.get("candidate")!.id;
    const first = valueOf(
      await recordAttempt(
        db,
        candidate,
        { questionId, revision: 1, response: { type: "single", choice: 1 }, attemptId: randomUUID(), elapsedMs: 5_000 },
        new Date(),
      ),
    );
    expect(first.correct).toBe(false);

    // The author now makes choice 2 the right one: a new revision.
    const edited = {
      ...single("Which metric ignores false positives?"),
      id: questionId,
      choices: single().choices.map((choice) => ({ ...choice, correct: !choice.correct })),
    };
    const saved = await authoring.updateQuestion(db, owner(), edited);
    expect(saved).toMatchObject({ ok: true, value: { revision: 2, status: "published" } });
    expect(await db.attempt.findFirstOrThrow({ where: { questionId } })).toMatchObject({ revision: 1, correct: false });
    expect((await getQuestionRevision(db, questionId, 1))!.prompt).toBe("Draft edit?");
    expect((await findPracticeQuestions(db, { deckId }))[0]).toMatchObject({
      revision: 2,
      question: { prompt: "Which metric ignores false positives?" },
    });
    // A retry of the old attempt replays its original verdict on revision 1.
    const replay = valueOf(
      await recordAttempt(
        db,
        candidate,
        {
          questionId,
          revision: 2,
          response: { type: "single", choice: 1 },
          attemptId: first.attemptId,
          elapsedMs: 5_000,
        },
        new Date(),
      ),
    );
    expect(replay).toMatchObject({ replayed: true, revision: 1, correct: false });
    // Saving the same content again adds nothing.
    expect(await authoring.updateQuestion(db, owner(), edited)).toMatchObject({ ok: true, value: { revision: 2 } });

    // Answered, so it is archived rather than deleted; restoring brings it back.
    expect(await authoring.removeQuestion(db, owner(), questionId)).toEqual({
      ok: true,
      value: { outcome: "archived" },
    });
    expect(await findPracticeQuestions(db, { deckId })).toEqual([]);
    expect(await db.questionRevision.count({ where: { questionId } })).toBe(2);
    await authoring.restoreQuestion(db, owner(), questionId);
    expect(await findPracticeQuestions(db, { deckId })).toHaveLength(1);
  });

  it("publishes a deck only with questions, moves questions, and deletes an unanswered one outright", async () => {
    const empty = `deck-${randomUUID().slice(0, 8)}`;
    await authoring.createDeck(db, owner(), deckInput as never, empty);
    expect(await authoring.publishDeck(db, owner(), empty)).toMatchObject({ ok: false, error: { code: "conflict" } });
    const { deckId, questionId } = await fixture();
    const second = { ...single("Second?"), id: `q-${randomUUID().slice(0, 8)}` };
    await authoring.createQuestion(db, owner(), deckId, second);
    await authoring.moveQuestion(db, owner(), second.id, "up");
    expect(
      (await db.question.findMany({ where: { deckId }, orderBy: { position: "asc" } })).map((row) => row.id),
    ).toEqual([second.id, questionId]);
    expect(await authoring.moveQuestion(db, owner(), second.id, "up")).toEqual({ ok: true, value: { moved: false } });
    expect(await authoring.removeQuestion(db, owner(), questionId)).toEqual({
      ok: true,
      value: { outcome: "deleted" },
    });
    expect(await db.questionRevision.count({ where: { questionId } })).toBe(0);
  });

  it("answering a published question deleted since it was cached is a 400 naming the question, not a 500", async () => {
    const { deckId, questionId } = await fixture();
    expect(await authoring.publishDeck(db, owner(), deckId)).toMatchObject({ ok: true });
    // Presenting it caches the revision in this process, as a practice page does.
    expect(await getQuestionRevision(db, questionId, 1)).toBeDefined();
    expect(await authoring.removeQuestion(db, owner(), questionId)).toEqual({
      ok: true,
      value: { outcome: "deleted" },
    });
    const refused = await recordAttempt(
      db,
      users.get("candidate")!.id,
      { questionId, revision: 1, response: { type: "single", choice: 0 }, attemptId: randomUUID(), elapsedMs: 1000 },
      new Date(),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid", field: "questionId" } });
  });

  it("records a calculated attempt with the numbers it drew", async () => {
    const { deckId } = await fixture();
    const calculated = {
      type: "calculated" as const,
      difficulty: 2 as const,
      terms: ["kv-cache"],
      tags: [],
      prompt: "A model has {layers} layers and {heads} KV heads of dimension 128, fp16. KiB of KV cache per token?",
      explanation: "$2 \\times {layers} \\times {heads} \\times 128 \\times 2$ bytes = {answer} KiB.",
      params: { layers: { min: 8, max: 80, step: 8 }, heads: { min: 1, max: 16, step: 1 } },
      formula: "2 * layers * heads * 128 * 2 / 1024",
      tolerance: { kind: "relative" as const, value: 0.01 },
      unit: "KiB",
    };
    const created = await routes.questions.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/questions`, { question: calculated }),
      params({ deckId }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await authoring.publishDeck(db, owner(), deckId);
    const seed = 12345;
    const { drawVariables } = await import("@/lib/domain/calculated");
    const { layers, heads } = drawVariables({ layers: calculated.params.layers, heads: calculated.params.heads }, seed);
    const right = (2 * layers! * heads! * 128 * 2) / 1024;
    const outcome = valueOf(
      await recordAttempt(
        db,
        users.get("candidate")!.id,
        {
          questionId: id,
          revision: 1,
          response: { type: "calculated", value: right, seed },
          attemptId: randomUUID(),
          elapsedMs: 20_000,
        },
        new Date(),
      ),
    );
    expect(outcome.correct).toBe(true);
    const stored = JSON.parse((await db.attempt.findFirstOrThrow({ where: { questionId: id } })).response) as Record<
      string,
      unknown
    >;
    expect(stored).toEqual({ type: "calculated", value: right, seed, drawn: { heads, layers } });
  });

  it("answers 400, not 500, for a calculated step below 1e-100 and a rubric point over several lines, from the editor and an import", async () => {
    const { deckId } = await fixture();
    const post = (question: unknown) =>
      routes.questions.POST(
        request("owner", "POST", `/api/author/decks/${deckId}/questions`, { question }),
        params({ deckId }),
      );
    const calculated = {
      type: "calculated" as const,
      difficulty: 2 as const,
      terms: ["kv-cache"],
      tags: [],
      prompt: "With {x}, how much?",
      explanation: "It is {answer}.",
      params: { x: { min: 0, max: 1e-99, step: 1e-101 } },
      formula: "x * 2",
      tolerance: { kind: "relative" as const, value: 0.01 },
    };
    const tinyStep = await post(calculated);
    expect(tinyStep.status).toBe(400);
    expect(await tinyStep.json()).toMatchObject({
      field: "question.params",
      error: "params: x: step must be at least 1e-100",
    });
    const open = {
      ...single(),
      type: "open" as const,
      choices: undefined,
      modelAnswer: "A funnel.",
      rubric: ["Names the metric\n### Explanation\nInjected"],
    };
    const multiLine = await post(open);
    expect(multiLine.status).toBe(400);
    expect(await multiLine.json()).toMatchObject({
      field: "question.rubric.0",
      error: expect.stringMatching(/one line/),
    });

    const text =
      "## x-calc\ntype: calculated\ndifficulty: 2\nterms: [kv-cache]\nparams:\n  x: [0, 1e-99, 1e-101]\nformula: x * 2\n\nWith {x}?\n\n### Explanation\nIt is {answer}.\n";
    const check = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, { format: "markdown", text }),
      params({ deckId }),
    );
    expect(check.status).toBe(200);
    expect((await check.json()).problems).toEqual([{ line: 1, message: "params: x: step must be at least 1e-100" }]);
    const commit = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, { format: "markdown", text, commit: true }),
      params({ deckId }),
    );
    expect(commit.status).toBe(400);
  });
});

describe("import", () => {
  const everyType = [
    "$CATEGORY: metrics/classification",
    "::mc:: Which metric ignores false negatives? {=Precision#Right. ~Recall#Recall counts them. ####Precision is TP over predicted positives.}",
    "::tf:: Recall is the share of actual positives found. {TRUE####By definition.}",
    "::num:: A filter flags 50 emails, 40 are spam. Precision? {#0.8:0.01####40 / 50.}",
    "::short:: The metric for the share of flagged items that are right? {=precision =PPV####Precision.}",
    // Newlines are \n in GIFT; the rubric and explanation sections are how toGift writes an open question.
    "::essay:: Explain the precision-recall trade-off. {####Raising the threshold trades recall for precision.\\n\\n\\#\\#\\# Rubric\\n- Names the threshold\\n\\n\\#\\#\\# Explanation\\nBoth depend on the threshold.}",
    "::multi:: Which use true positives? {~%50%Precision ~%50%Recall ~%-100%Specificity####Both have TP in the numerator.}",
    "",
  ].join("\n\n");

  it("checks, lists with lines, then saves every GIFT type as drafts with terms inferred from the text", async () => {
    const { deckId } = await fixture();
    const check = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, { format: "gift", text: everyType }),
      params({ deckId }),
    );
    const summary = (await check.json()) as {
      questions: { type: string; terms: string[]; line: number }[];
      problems: unknown[];
    };
    expect(summary.problems).toEqual([]);
    expect(summary.questions.map((question) => question.type)).toEqual([
      "single",
      "true-false",
      "numeric",
      "short",
      "open",
      "multiple",
    ]);
    expect(summary.questions[0]!.terms).toEqual(expect.arrayContaining(["precision", "recall"]));
    expect(await db.question.count({ where: { deckId } })).toBe(1);
    const commit = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, { format: "gift", text: everyType, commit: true }),
      params({ deckId }),
    );
    expect(commit.status).toBe(201);
    expect(await commit.json()).toEqual({ imported: 6, needsWork: 0, skipped: 0, problems: [] });
    expect(await db.question.count({ where: { deckId, status: "draft" } })).toBe(7);
  });

  it("saves nothing while a problem remains, and only the valid questions when asked to", async () => {
    const { deckId } = await fixture();
    const broken = `${everyType}\n::bad:: Unclosed question {=yes ~no\n\n::noterm:: Is the sky blue? {TRUE####Rayleigh scattering.}\n`;
    const refused = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, { format: "gift", text: broken, commit: true }),
      params({ deckId }),
    );
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { problems: { line: number; message: string }[]; field: string };
    expect(body.field).toBe("text");
    expect(body.problems).toEqual([
      { line: 16, message: "unclosed {: the answer block has no closing }" },
      { line: 18, message: expect.stringMatching(/no glossary term found/) },
    ]);
    expect(await db.question.count({ where: { deckId } })).toBe(1);
    const partial = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, {
        format: "gift",
        text: broken,
        commit: true,
        onlyValid: true,
      }),
      params({ deckId }),
    );
    expect(await partial.json()).toEqual({ imported: 6, needsWork: 0, skipped: 2, problems: body.problems });
    const withTerm = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, {
        format: "gift",
        text: "Is the sky blue? {TRUE####Rayleigh scattering.}",
        defaultTerms: ["accuracy"],
        commit: true,
      }),
      params({ deckId }),
    );
    expect(await withTerm.json()).toEqual({ imported: 1, needsWork: 0, skipped: 0, problems: [] });
  });

  it("handles a 1,000-question deck: import, publish, practise, statistics and export", async () => {
    const { deckId } = await fixture();
    const many = Array.from(
      { length: 1_000 },
      (_, index) =>
        `::q${index}:: Case ${index}: does precision ignore false negatives? {TRUE####Precision is TP over predicted positives.}`,
    ).join("\n\n");
    const imported = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, { format: "gift", text: many, commit: true }),
      params({ deckId }),
    );
    expect(await imported.json()).toEqual({ imported: 1_000, needsWork: 0, skipped: 0, problems: [] });
    await authoring.publishDeck(db, owner(), deckId);
    expect(await findPracticeQuestions(db, { deckId })).toHaveLength(1_001);
    const { loadDeckStatistics } = await import("@/lib/data/deck-statistics");
    expect((await loadDeckStatistics(db, deckId)).items).toHaveLength(1_001);
    const exported = await ACTIONS["GET /api/author/decks/:id/export"]!("owner", { deckId, questionId: "" });
    expect((await exported.text()).match(/^## /gm)).toHaveLength(1_001);
  });

  it("leaves nothing behind when the transaction fails part-way", async () => {
    const { deckId, questionId } = await fixture();
    const before = await snapshot();
    const fresh = (id: string): Question => ({ ...single(`Fresh ${id}?`), id });
    // The third question reuses an existing id: the insert fails after the first two rows were written.
    await expect(
      authoring.commitImport(db, owner(), deckId, [fresh("q-import-1"), fresh("q-import-2"), fresh(questionId)]),
    ).rejects.toThrow();
    expect(await snapshot()).toBe(before);
    expect(await db.question.count({ where: { id: { in: ["q-import-1", "q-import-2"] } } })).toBe(0);
  });

  it("imports questions lacking an explanation as drafts that cannot be published until written", async () => {
    const { deckId } = await fixture();
    const text = [
      "::ready:: Precision ignores false negatives. {TRUE####Precision is TP over predicted positives.}",
      "::bare:: Recall ignores false positives. {TRUE}",
      "::essay:: Explain when recall matters more than precision. {}",
    ].join("\n\n");
    const post = (body: object) =>
      routes.importDeck.POST(
        request("owner", "POST", `/api/author/decks/${deckId}/import`, { format: "gift", text, ...body }),
        params({ deckId }),
      );
    const preview = (await (await post({})).json()) as {
      questions: unknown[];
      needsWork: { line: number; missing: string[]; reason: string }[];
    };
    expect(preview.questions).toHaveLength(1);
    expect(preview.needsWork.map(({ line, missing }) => [line, missing])).toEqual([
      [3, ["explanation"]],
      [5, ["explanation", "modelAnswer", "rubric"]],
    ]);
    const committed = await post({ commit: true });
    expect(committed.status).toBe(201);
    expect(await committed.json()).toEqual({ imported: 3, needsWork: 2, skipped: 0, problems: [] });

    // In the file's order, after the deck's own question; the two needing work stay drafts on publishing.
    const rows = await db.question.findMany({
      where: { deckId },
      orderBy: { position: "asc" },
      include: { revisions: true },
    });
    const bodies = rows.map((row) => JSON.parse(row.revisions[0]!.body) as { explanation: string; prompt: string });
    expect(bodies.slice(1).map((body) => body.prompt)).toEqual([
      "Precision ignores false negatives.",
      "Recall ignores false positives.",
      "Explain when recall matters more than precision.",
    ]);
    const published = await routes.publishDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/publish`),
      params({ deckId }),
    );
    expect(await published.json()).toEqual({ published: 2, needsWork: 2 });
    const bare = rows[2]!;
    expect(await db.question.findUniqueOrThrow({ where: { id: bare.id } })).toMatchObject({ status: "draft" });
    const refused = await routes.publishQuestion.POST(
      request("owner", "POST", `/api/author/questions/${bare.id}/publish`),
      params({ questionId: bare.id }),
    );
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /needs an explanation before it can be published/,
    );

    // A draft saves without its explanation; written, it publishes; a published one cannot lose it again.
    const stored = JSON.parse(bare.revisions[0]!.body) as Record<string, unknown>;
    const { id: _id, ...question } = stored;
    const save = (explanation: string) =>
      routes.question.PUT(
        request("owner", "PUT", `/api/author/questions/${bare.id}`, { question: { ...question, explanation } }),
        params({ questionId: bare.id }),
      );
    expect((await save("")).status).toBe(200);
    expect((await save("Recall is TP over actual positives.")).status).toBe(200);
    const publish = await routes.publishQuestion.POST(
      request("owner", "POST", `/api/author/questions/${bare.id}/publish`),
      params({ questionId: bare.id }),
    );
    expect(publish.status).toBe(200);
    const emptied = await save("");
    expect(emptied.status).toBe(400);
    expect(await emptied.json()).toMatchObject({ field: "question.explanation" });
  });

  it("imports a Moodle 4 XML export: every supported type as drafts (the hidden one too), problems by line", async () => {
    const { deckId } = await fixture();
    const text = readFileSync("tests/fixtures/interchange/moodle-every-type.xml", "utf8");
    const body = { format: "moodle-xml", text, defaultTerms: ["precision"] };
    const check = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, body),
      params({ deckId }),
    );
    const summary = (await check.json()) as {
      questions: { type: string }[];
      needsWork: { line: number; missing: string[] }[];
      problems: { line: number }[];
    };
    expect(summary.questions.map((question) => question.type)).toEqual([
      "single",
      "multiple",
      "true-false",
      "short",
      "numeric",
      "calculated",
    ]);
    // A Moodle essay has no model answer, which mlprep's open questions need: a draft that needs one.
    expect(summary.needsWork.map(({ line, missing }) => [line, missing])).toEqual([[165, ["modelAnswer"]]]);
    // A matching and a cloze question, which mlprep has no type for.
    expect(summary.problems.map((problem) => problem.line)).toEqual([264, 283]);
    const commit = await routes.importDeck.POST(
      request("owner", "POST", `/api/author/decks/${deckId}/import`, { ...body, commit: true, onlyValid: true }),
      params({ deckId }),
    );
    expect(await commit.json()).toEqual({ imported: 7, needsWork: 1, skipped: 2, problems: summary.problems });
    expect(await db.question.count({ where: { deckId, status: "draft" } })).toBe(8);
  });

  it("reads the Markdown deck format, Aiken and CSV, with line numbers for problems", async () => {
    const { deckId } = await fixture();
    const cases = [
      {
        format: "markdown",
        text: "## x-one\ntype: true-false\ndifficulty: 1\nterms: [precision]\nanswer: true\n\nPrecision ignores false negatives.\n\n### Explanation\nTP / (TP + FP).\n",
        questions: 1,
        problems: [] as number[],
      },
      {
        format: "markdown",
        text: "## x-two\ntype: true-false\ndifficulty: 5\nterms: [precision]\nanswer: true\n\nOops.\n\n### Explanation\nNo.\n",
        questions: 0,
        problems: [3],
      },
      {
        // Aiken has no place for an explanation: a whole question otherwise, it imports as a draft to finish.
        format: "aiken",
        text: "Which metric ignores false negatives?\nA. Precision\nB. Recall\nANSWER: A\n",
        questions: 0,
        needsWork: 1,
        problems: [],
      },
      {
        format: "csv",
        text: "front,back\nWhat does PR AUC summarize?,precision and recall across thresholds\n",
        questions: 1,
        problems: [],
      },
    ];
    for (const { format, text, questions, needsWork = 0, problems } of cases) {
      const reply = await routes.importDeck.POST(
        request("owner", "POST", `/api/author/decks/${deckId}/import`, { format, text }),
        params({ deckId }),
      );
      const summary = (await reply.json()) as {
        questions: unknown[];
        needsWork: unknown[];
        problems: { line: number }[];
      };
      expect([
        format,
        summary.questions.length,
        summary.needsWork.length,
        summary.problems.map((problem) => problem.line),
      ]).toEqual([format, questions, needsWork, problems]);
    }
  });
});
