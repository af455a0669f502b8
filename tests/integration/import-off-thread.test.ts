import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, MAX_IMPORT_QUESTIONS } from "@/lib/interchange/imported-question";
import { createFreshDatabase } from "@/tests/support/fresh-database";

/** Imports are parsed and checked in a worker thread: the server keeps answering while the largest one runs. */
await createFreshDatabase();
const secret = "integration-test-secret-at-least-32-characters";
process.env.AUTH_SECRET = secret;
const { db } = await import("@/lib/data/db");
const { createDeck } = await import("@/lib/data/authoring/deck-writes");
const { authoringGlossary } = await import("@/lib/authoring/check-question");
const { ImportTimeout, prepareImportOffThread } = await import("@/lib/authoring/import-runner");
const importRoute = await import("@/app/api/author/decks/[deckId]/import/route");
const health = await import("@/app/api/health/route");

const deckId = "import-target";
let cookie = "";

/** The largest file the import accepts: 5,000 GIFT questions, just under 2 MB. */
function largestGift(): string {
  const padding = "x".repeat(Math.floor(MAX_IMPORT_BYTES / MAX_IMPORT_QUESTIONS) - 220);
  const questions = Array.from(
    { length: MAX_IMPORT_QUESTIONS },
    (_, index) =>
      `::q${index}:: A spam filter flags 50 emails and 40 are spam (${index}). Which metric is 40/50? {=Precision ~Recall ~Accuracy ####Precision is TP over everything flagged. ${padding}}`,
  );
  const text = questions.join("\n\n");
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
  return text;
}

beforeAll(async () => {
  const user = await db.user.create({ data: { email: "importer@example.com", role: "instructor" } });
  cookie = `authjs.session-token=${await encode({ token: { sub: user.id, email: "importer@example.com" }, secret, salt: "authjs.session-token" })}`;
  await createDeck(
    db,
    { id: user.id, role: "instructor" },
    { title: "Imports", topic: "metrics", description: "Imported questions.", level: "beginner" },
    deckId,
  );
});

describe("imports off the event loop", () => {
  it("keeps /api/health answering within a second while the largest allowed import is checked", async () => {
    const body = JSON.stringify({ format: "gift", text: largestGift(), commit: false });
    const request = new NextRequest(`http://localhost/api/author/decks/${deckId}/import`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body,
    });
    let done = false;
    const imported = importRoute.POST(request, { params: Promise.resolve({ deckId }) }).finally(() => (done = true));
    // A health check every 50 ms: how long each round takes from when it was due, so a blocked event loop
    // shows whether it blocked the check itself or the wait before it.
    const latencies: number[] = [];
    while (!done) {
      const due = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await health.GET()).status).toBe(200);
      latencies.push(performance.now() - due - 50);
    }
    const response = await imported;
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary.read).toBe(MAX_IMPORT_QUESTIONS);
    expect(summary.problems).toEqual([]);
    // The import took a while (several health checks ran meanwhile), and none of them waited behind it.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  }, 300_000);

  it("stops a check past its time limit, and the next import gets a fresh worker", async () => {
    const job = { format: "gift" as const, text: largestGift(), glossary: authoringGlossary(), defaultTerms: [] };
    await expect(prepareImportOffThread(job, 1)).rejects.toBeInstanceOf(ImportTimeout);
    const small = await prepareImportOffThread({
      ...job,
      text: "::t:: Which metric is TP/(TP+FP)? {=Precision ~Recall ####Precision divides by what was flagged.}",
    });
    expect(small.prepared.questions.map((question) => question.type)).toEqual(["single"]);
    expect(small.summaries).toEqual(["Which metric is TP/(TP+FP)?"]);
  }, 300_000);
});
