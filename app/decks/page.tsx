import type { Metadata } from "next";
import Link from "next/link";
import { AssignedNote, AssignmentList } from "@/components/classes/assignment-list";
import { getSessionUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { loadMyAssignments } from "@/lib/data/class-progress";
import { db } from "@/lib/data/db";
import { loadDeckProgress } from "@/lib/data/progress";
import { percent } from "@/lib/domain/format";
import { listDecks } from "@/lib/data/questions";
import { topicName } from "@/lib/practice/session-items";
import { requestTimeZone } from "@/lib/time-zone";

export const metadata: Metadata = {
  title: "Practice decks",
  description: "Interview questions on ML pitfalls, metrics, system design, LLM inference and more.",
};

export default async function DecksPage() {
  const [decks, user] = await Promise.all([listDecks(db), getSessionUser()]);
  const now = await requestNow();
  const [standings, { assignments }, timeZone] = user
    ? await Promise.all([loadDeckProgress(db, user.id, now), loadMyAssignments(db, user.id, now), requestTimeZone()])
    : [[], { assignments: [] }, "UTC"];
  const mastery = new Map(standings.map((deck) => [deck.id, deck]));
  return (
    <>
      <h1>Practice decks</h1>
      <p className="muted">
        {user
          ? "Mastery is the share of a deck you would get right today, as spaced repetition estimates it."
          : "Practise as a guest (answers stay in this browser), or sign in to track mastery and schedule reviews."}
      </p>
      <AssignmentList assignments={assignments} timeZone={timeZone} />
      <ul className="deck-list">
        {decks.map((deck) => {
          const stats = mastery.get(deck.id);
          return (
            <li key={deck.id} className="deck-card">
              <h2>
                <Link href={`/decks/${deck.id}`}>{deck.title}</Link>
              </h2>
              <p>{deck.description}</p>
              <AssignedNote
                assignments={assignments.filter((assignment) => assignment.deckId === deck.id)}
                timeZone={timeZone}
              />
              <p className="deck-card__meta muted">
                {topicName(deck.topic)} · {deck.level} · {deck.questionCount} questions
                {stats ? ` · ${stats.seen} seen` : ""}
              </p>
              {stats ? (
                <div className="meter">
                  <span>Mastery {percent(stats.mastery)}</span>
                  <meter min={0} max={1} value={stats.mastery} aria-label={`${deck.title} mastery`} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
