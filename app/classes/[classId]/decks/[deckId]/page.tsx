import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeckStatisticsTables } from "@/components/author/deck-statistics-tables";
import { requirePageUser } from "@/lib/auth/session";
import { classTitle } from "@/lib/classes/class-title";
import { loadClassDeckStatistics } from "@/lib/data/class-progress";
import { checkClassManage } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { findDeck } from "@/lib/data/questions";
import { findRole } from "@/lib/data/users";
import { pageValue } from "@/lib/http/page-value";

export async function generateMetadata({ params }: PageProps<"/classes/[classId]/decks/[deckId]">): Promise<Metadata> {
  return { title: await classTitle((await params).classId, "Class item statistics", ": item statistics") };
}

/** An assigned deck's item statistics over the class's members only: owner and admins, as the API route. */
export default async function ClassDeckStatisticsPage({ params }: PageProps<"/classes/[classId]/decks/[deckId]">) {
  const { classId, deckId } = await params;
  const user = await requirePageUser(`/classes/${classId}/decks/${deckId}`);
  const role = await findRole(db, user.id);
  if (!role) notFound();
  const actor = { id: user.id, role };
  const [settings, statistics, deck] = await Promise.all([
    checkClassManage(db, actor, classId),
    loadClassDeckStatistics(db, actor, classId, deckId),
    findDeck(db, deckId),
  ]);
  const { name } = pageValue(settings);
  const view = pageValue(statistics);
  const title = deck?.title ?? deckId;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/classes">Classes</Link> / <Link href={`/classes/${classId}`}>{name}</Link> / {title}
      </p>
      <h1>Class statistics: {title}</h1>
      <p className="muted">From the answers of this class&apos;s members only.</p>
      <DeckStatisticsTables statistics={view} />
    </>
  );
}
