import "server-only";
import { canEditDeck, deckEditRefusal, deckStatisticsRefusal, canSeeDeck, type Actor, type Refusal } from "@/lib/auth/roles";
import { ok, refuse, type Outcome } from "@/lib/outcome";
import type { Prisma, PrismaClient } from "@/prisma/generated/client";

/**
 * Who may touch which deck or question, checked against the row itself: each function loads it and asks
 * the rules in lib/auth/roles.ts. Writes check again inside their own transaction (deck-writes.ts,
 * question-writes.ts): a route's earlier check is not trusted to still hold.
 */

type Client = Prisma.TransactionClient | PrismaClient;
export type DeckRow = { id: string; title: string; source: string; ownerId: string | null; status: string };
export type QuestionRow = { id: string; deckId: string; position: number; revision: number; status: string; archived: boolean; deck: DeckRow };

const DECK_COLUMNS = { id: true, title: true, source: true, ownerId: true, status: true } as const;
const NOT_YOURS = "Only the deck's owner or an admin may change it; built-in decks are read-only (duplicate one to edit it)";

function refusal(refused: Refusal, what: "Deck" | "Question", forbidden = NOT_YOURS) {
  return refused === "forbidden" ? refuse("forbidden", forbidden) : refuse("not-found", `${what} not found`);
}

function findDeckRow(client: Client, deckId: string): Promise<DeckRow | null> {
  return client.deck.findUnique({ where: { id: deckId }, select: DECK_COLUMNS });
}

/** The deck, if the actor may edit it (routes before reading a body, pages before rendering an editor). */
export async function checkDeckAccess(client: Client, actor: Actor, deckId: string): Promise<Outcome<DeckRow>> {
  const deck = await findDeckRow(client, deckId);
  if (!deck) return refuse("not-found", "Deck not found");
  const refused = deckEditRefusal(actor, deck);
  return refused ? refusal(refused, "Deck") : ok(deck);
}

/** The question with its deck, if the actor may edit that deck. */
export async function checkQuestionAccess(client: Client, actor: Actor, questionId: string): Promise<Outcome<QuestionRow>> {
  const question = await client.question.findUnique({
    where: { id: questionId },
    select: { id: true, deckId: true, position: true, revision: true, status: true, archived: true, deck: { select: DECK_COLUMNS } },
  });
  if (!question) return refuse("not-found", "Question not found");
  const refused = deckEditRefusal(actor, question.deck);
  return refused ? refusal(refused, "Question") : ok(question);
}

/** A deck the actor may look at in the bank (exports), and whether they may also edit it. */
export async function checkDeckVisible(client: Client, actor: Actor, deckId: string): Promise<Outcome<{ deck: DeckRow; canEdit: boolean }>> {
  const deck = await findDeckRow(client, deckId);
  // Another author's draft is not found rather than forbidden: its existence does not leak.
  if (!deck || !canSeeDeck(actor, deck)) return refuse("not-found", "Deck not found");
  return ok({ deck, canEdit: canEditDeck(actor, deck) });
}

/** Whether the actor may read the deck's item statistics; an unknown deck is not found. */
export async function checkStatisticsAccess(client: Client, actor: Actor, deckId: string): Promise<Outcome<DeckRow>> {
  const deck = await findDeckRow(client, deckId);
  if (!deck) return refuse("not-found", "Deck not found");
  const refused = deckStatisticsRefusal(actor, deck);
  return refused ? refusal(refused, "Deck", "Only the deck's owner or an admin see its statistics") : ok(deck);
}
