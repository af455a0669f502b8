import "server-only";
import { canAdminister, deckReportsRefusal, type Actor } from "@/lib/auth/roles";
import { buildQueue, type ReportReason } from "@/lib/domain/question-reports";
import type { ReportQueue } from "@/lib/http/contracts";
import { ok, refuse, type Outcome } from "@/lib/outcome";
import type { PrismaClient } from "@/prisma/generated/client";
import { loadDeckStatistics } from "./deck-statistics";

type QueueDeck = { id: string; title: string; source: string; ownerId: string | null; status: string };
const DECK_COLUMNS = { id: true, title: true, source: true, ownerId: true, status: true } as const;

/**
 * The decks whose reports the actor answers for: one named deck (not found or forbidden as
 * lib/auth/roles.ts deckReportsRefusal says), or all of them: every deck for an admin, built-in ones
 * included; an instructor's own decks.
 */
async function queueDecks(client: PrismaClient, actor: Actor, deckId: string | undefined): Promise<Outcome<QueueDeck[]>> {
  if (deckId !== undefined) {
    const deck = await client.deck.findUnique({ where: { id: deckId }, select: DECK_COLUMNS });
    if (!deck) return refuse("not-found", "Deck not found");
    const refused = deckReportsRefusal(actor, deck);
    if (refused === "forbidden") return refuse("forbidden", "Only the deck's author or an admin see its reports");
    return refused ? refuse("not-found", "Deck not found") : ok([deck]);
  }
  const where = canAdminister(actor.role) ? {} : { source: "authored", ownerId: actor.id };
  return ok(await client.deck.findMany({ where, orderBy: { title: "asc" }, select: DECK_COLUMNS }));
}

/**
 * The authors' review queue, per deck: the questions with open reports (each with the revision it was
 * made against) or whose item statistics make them suspect (computed here, never stored), with the
 * statistics beside them. A deck with nothing to review is left out of the full list, kept when named.
 */
export async function loadReportQueue(client: PrismaClient, actor: Actor, deckId?: string): Promise<Outcome<ReportQueue>> {
  const decks = await queueDecks(client, actor, deckId);
  if (!decks.ok) return decks;
  const open = await client.questionReport.findMany({
    where: { status: "open", question: { deckId: { in: decks.value.map((deck) => deck.id) } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, revision: true, reason: true, note: true, createdAt: true, questionId: true, question: { select: { deckId: true } } },
  });
  const result: ReportQueue["decks"] = [];
  // One deck at a time: the statistics read every attempt on a deck, and decks together could be large.
  for (const deck of decks.value) {
    const statistics = await loadDeckStatistics(client, deck.id);
    const reports = open.filter((report) => report.question.deckId === deck.id);
    const live = new Map(statistics.questions.map((question) => [question.id, question]));
    // Reports on an archived question (its answerers may still report it) come after the live ones.
    const archived = [...new Set(reports.map((report) => report.questionId))].filter((id) => !live.has(id));
    const revisions = new Map(
      (await client.question.findMany({ where: { id: { in: archived } }, select: { id: true, revision: true } })).map((row) => [row.id, row.revision]),
    );
    const entries = buildQueue([...live.keys(), ...archived], reports, statistics.items).map((entry) => ({
      questionId: entry.questionId,
      prompt: live.get(entry.questionId)?.prompt ?? "",
      revision: live.get(entry.questionId)?.revision ?? revisions.get(entry.questionId) ?? 0,
      archived: !live.has(entry.questionId),
      reports: entry.reports.map(({ id, revision, reason, note, createdAt }) => ({ id, revision, reason: reason as ReportReason, note, createdAt: createdAt.toISOString() })),
      statistics: entry.statistics,
      suspect: entry.suspect,
    }));
    if (entries.length === 0 && deckId === undefined) continue;
    result.push({
      deckId: deck.id,
      title: deck.title,
      source: deck.source,
      openReports: reports.length,
      suspectQuestions: entries.filter((entry) => entry.suspect.length > 0).length,
      questions: entries,
    });
  }
  return ok({ decks: result.sort((a, b) => b.openReports - a.openReports) });
}
