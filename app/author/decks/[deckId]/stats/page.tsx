import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeckStatisticsTables } from "@/components/author/deck-statistics-tables";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { checkStatisticsAccess } from "@/lib/data/authoring/access";
import { db } from "@/lib/data/db";
import { loadDeckStatistics } from "@/lib/data/deck-statistics";
import { findDeck } from "@/lib/data/questions";
import { pageValue } from "@/lib/http/page-value";

export const metadata: Metadata = { title: "Item statistics" };

export default async function DeckStatisticsPage({ params }: PageProps<"/author/decks/[deckId]/stats">) {
  const { deckId } = await params;
  const user = await requirePageRole(`/author/decks/${deckId}/stats`, canAuthor);
  // Built-in decks' statistics are open to every author, an authored deck's only to its editors.
  pageValue(await checkStatisticsAccess(db, user, deckId));
  const deck = await findDeck(db, deckId);
  if (!deck) notFound();
  const statistics = await loadDeckStatistics(db, deckId);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/author">Question bank</Link> / {deck.title}
      </p>
      <h1>Item statistics: {deck.title}</h1>
      <DeckStatisticsTables statistics={statistics} />
    </>
  );
}
