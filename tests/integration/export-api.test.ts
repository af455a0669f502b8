import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { checkDecks } from "@/lib/content/deck-check";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { parseGift } from "@/lib/interchange/gift";
import { parseMoodleXml } from "@/lib/interchange/moodle-xml";
import { createFreshDatabase } from "@/tests/support/fresh-database";

await createFreshDatabase();
const secret = "integration-test-secret-at-least-32-characters";
process.env.AUTH_SECRET = secret;
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const exportRoute = await import("@/app/api/author/decks/[deckId]/export/route");

const slugs = new Set(loadGlossary().terms.map((term) => term.slug));
const { decks } = loadDecks(slugs);
const cookies = new Map<string, string>();

async function userWithRole(email: string, role: string) {
  const user = await db.user.create({ data: { email, role } });
  cookies.set(
    email,
    `authjs.session-token=${await encode({ token: { sub: user.id, email }, secret, salt: "authjs.session-token" })}`,
  );
}

function exportAs(email: string | null, deckId: string, format: string) {
  const headers: Record<string, string> = email ? { cookie: cookies.get(email)! } : {};
  return exportRoute.GET(
    new NextRequest(`http://localhost/api/author/decks/${deckId}/export?format=${format}`, { headers }),
    { params: Promise.resolve({ deckId }) },
  );
}

beforeAll(async () => {
  await syncContentDecks(db, decks);
  await userWithRole("cand@example.com", "candidate");
  await userWithRole("inst@example.com", "instructor");
  await userWithRole("admin@example.com", "admin");
});

describe("GET /api/author/decks/:deckId/export", () => {
  it("answers 401 signed out and 403 to a candidate; instructors and admins get the file", async () => {
    expect((await exportAs(null, "classic-ml", "gift")).status).toBe(401);
    expect((await exportAs("cand@example.com", "classic-ml", "gift")).status).toBe(403);
    expect((await exportAs("inst@example.com", "classic-ml", "gift")).status).toBe(200);
    expect((await exportAs("admin@example.com", "classic-ml", "gift")).status).toBe(200);
  });

  it("names a bad format and an unknown deck", async () => {
    const bad = await exportAs("inst@example.com", "classic-ml", "pdf");
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe("format");
    expect((await exportAs("inst@example.com", "no-such-deck", "gift")).status).toBe(404);
  });

  it("exports a deck to Markdown that the content checker reads back as the same questions", async () => {
    const reply = await exportAs("inst@example.com", "evaluation-metrics", "markdown");
    expect(reply.headers.get("content-disposition")).toContain('filename="evaluation-metrics.md"');
    const { decks: reread, problems } = checkDecks(
      [{ path: "content/decks/evaluation-metrics.md", source: await reply.text() }],
      slugs,
    );
    expect(problems).toEqual([]);
    const original = decks.find((deck) => deck.slug === "evaluation-metrics")!;
    const strip = (questions: { line: number }[]) => questions.map((question) => ({ ...question, line: undefined }));
    expect(strip(reread[0]!.questions)).toEqual(strip(original.questions));
  });

  it("exports GIFT that parses back without problems, one question per question", async () => {
    const text = await (await exportAs("inst@example.com", "llm-inference", "gift")).text();
    const parsed = parseGift(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.questions).toHaveLength(decks.find((deck) => deck.slug === "llm-inference")!.questions.length);
  });

  it("exports Moodle XML as an .xml file that parses back without problems", async () => {
    const reply = await exportAs("inst@example.com", "llm-inference", "moodle-xml");
    expect(reply.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(reply.headers.get("content-disposition")).toContain('filename="llm-inference.xml"');
    const parsed = parseMoodleXml(await reply.text());
    expect(parsed.problems).toEqual([]);
    expect(parsed.questions).toHaveLength(decks.find((deck) => deck.slug === "llm-inference")!.questions.length);
  });
});
