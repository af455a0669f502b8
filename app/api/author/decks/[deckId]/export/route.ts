import type { NextRequest } from "next/server";
import { requireAuthor } from "@/lib/authoring/responses";
import { deckAccess, loadEditableDeck } from "@/lib/data/authoring";
import { db } from "@/lib/data/db";
import { findDeck, findPracticeQuestions } from "@/lib/data/questions";
import { invalidInput, notFound } from "@/lib/http/responses";
import { toDeckMarkdown } from "@/lib/interchange/deck-markdown";
import { toAnkiTsv } from "@/lib/interchange/flashcards";
import { toGift } from "@/lib/interchange/gift";
import { deckFrontMatterSchema } from "@/lib/schemas/deck";
import { exportQuerySchema } from "@/lib/schemas/export";

const FILES = {
  markdown: { extension: "md", type: "text/markdown; charset=utf-8" },
  gift: { extension: "gift.txt", type: "text/plain; charset=utf-8" },
  anki: { extension: "anki.txt", type: "text/tab-separated-values; charset=utf-8" },
} as const;

/**
 * GET /api/author/decks/:deckId/export?format=markdown|gift|anki: a deck as a file, for instructors and
 * admins who may see it (built-in and published decks, and their own drafts, which export with drafts).
 */
export async function GET(request: NextRequest, context: RouteContext<"/api/author/decks/[deckId]/export">) {
  const caller = await requireAuthor(request);
  if (!caller.ok) return caller.response;
  const query = exportQuerySchema.safeParse({ format: request.nextUrl.searchParams.get("format") ?? undefined });
  if (!query.success) return invalidInput(query.error);
  const { deckId } = await context.params;
  const access = await deckAccess(db, caller.actor, deckId);
  // Another author's draft is not found rather than forbidden: its existence does not leak.
  if (!access || !access.canSee) return notFound("Deck");
  const edited = access.canEdit ? await loadEditableDeck(db, caller.actor, deckId) : undefined;
  const deck = edited?.ok ? edited.value : await findDeck(db, deckId);
  if (!deck) return notFound("Deck");
  const questions = edited?.ok
    ? edited.value.questions.filter((entry) => !entry.archived).map((entry) => entry.question)
    : (await findPracticeQuestions(db, { deckId })).map((entry) => entry.question);
  const { format } = query.data;
  const body =
    format === "markdown"
      ? toDeckMarkdown(deckFrontMatterSchema.parse({ title: deck.title, topic: deck.topic, description: deck.description, level: deck.level }), questions) : format === "gift" ? toGift(questions) : toAnkiTsv(questions);
  return new Response(body, {
    headers: {
      "content-type": FILES[format].type,
      "content-disposition": `attachment; filename="${deck.id}.${FILES[format].extension}"`,
      "cache-control": "private, no-store",
    },
  });
}
