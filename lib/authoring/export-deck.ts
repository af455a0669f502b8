import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { checkDeckVisible } from "@/lib/data/authoring/access";
import { loadEditableDeck } from "@/lib/data/authoring/readers";
import { findDeck, findPracticeQuestions } from "@/lib/data/questions";
import { toDeckMarkdown } from "@/lib/interchange/deck-markdown";
import { toAnkiTsv } from "@/lib/interchange/flashcards";
import { toGift } from "@/lib/interchange/gift-export";
import { exportMoodleXml } from "@/lib/interchange/moodle-xml-export";
import { found, ok, type Outcome } from "@/lib/outcome";
import { deckFrontMatterSchema } from "@/lib/schemas/deck";
import type { EXPORT_FORMATS } from "@/lib/schemas/export";
import type { PrismaClient } from "@/prisma/generated/client";

const FILES = {
  markdown: { extension: "md", type: "text/markdown; charset=utf-8" },
  gift: { extension: "gift.txt", type: "text/plain; charset=utf-8" },
  "moodle-xml": { extension: "xml", type: "application/xml; charset=utf-8" },
  anki: { extension: "anki.txt", type: "text/tab-separated-values; charset=utf-8" },
} as const;

export type DeckFile = { body: string; type: string; filename: string };

/**
 * A deck as a file, for authors who may see it: built-in and published decks as candidates practise
 * them, and decks the actor edits with their drafts (archived questions left out).
 */
export async function exportDeck(
  client: PrismaClient,
  actor: Actor,
  deckId: string,
  format: (typeof EXPORT_FORMATS)[number],
): Promise<Outcome<DeckFile>> {
  const visible = await checkDeckVisible(client, actor, deckId);
  if (!visible.ok) return visible;
  const edited = visible.value.canEdit ? await loadEditableDeck(client, actor, deckId) : undefined;
  const deck = found(edited?.ok ? edited.value : await findDeck(client, deckId), "Deck");
  if (!deck.ok) return deck;
  const { id, title, topic, description, level } = deck.value;
  const questions = edited?.ok
    ? edited.value.questions.filter((entry) => !entry.archived).map((entry) => entry.question)
    : (await findPracticeQuestions(client, { deckId })).map((entry) => entry.question);
  const body =
    format === "markdown"
      ? toDeckMarkdown(deckFrontMatterSchema.parse({ title, topic, description, level }), questions)
      : format === "gift"
        ? toGift(questions)
        : format === "moodle-xml"
          ? exportMoodleXml(questions)
          : toAnkiTsv(questions);
  return ok({ body, type: FILES[format].type, filename: `${id}.${FILES[format].extension}` });
}
