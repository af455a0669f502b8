import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PracticeSession } from "@/components/quiz/practice-session";
import { getSessionUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { findDeck, findPracticeQuestions } from "@/lib/data/questions";
import { findDueDates } from "@/lib/data/review-cards";
import { orderForPractice } from "@/lib/domain/session-order";
import { toSessionItems } from "@/lib/practice/session-items";
import { shownParamSchema } from "@/lib/schemas/attempt";

export async function generateMetadata({ params }: PageProps<"/decks/[deckId]">): Promise<Metadata> {
  const deck = await findDeck(db, (await params).deckId);
  return { title: deck ? `Practise: ${deck.title}` : "Deck not found" };
}

export default async function DeckSessionPage({ params, searchParams }: PageProps<"/decks/[deckId]">) {
  const { deckId } = await params;
  const deck = await findDeck(db, deckId);
  if (!deck) notFound();
  const [questions, user] = await Promise.all([findPracticeQuestions(db, { deckId }), getSessionUser()]);
  const ids = questions.map((entry) => entry.question.id);
  const order = user ? orderForPractice(ids, await findDueDates(db, user.id, ids), await requestNow()) : ids;
  return (
    <>
      <h1>{deck.title}</h1>
      <p className="muted">{deck.description}</p>
      <PracticeSession
        items={toSessionItems(questions, order, shownParamSchema.parse((await searchParams).shown))}
        mode="practice"
        signedIn={Boolean(user)}
      />
    </>
  );
}
