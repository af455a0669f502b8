import type { Metadata } from "next";
import Link from "next/link";
import { DeckForm } from "@/components/author/deck-form";
import { DuplicateDeckButton } from "@/components/author/deck-questions";
import { canAuthor, canEditEveryAuthoredDeck, canSeeDeckStatistics } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { listEditableDecks } from "@/lib/data/authoring/readers";
import { db } from "@/lib/data/db";
import { plural } from "@/lib/domain/format";
import { listDecks } from "@/lib/data/questions";
import { topicName } from "@/lib/practice/session-items";

export const metadata: Metadata = { title: "Question bank" };

const EXPORTS = [
  ["markdown", "Markdown"],
  ["gift", "GIFT"],
  ["moodle-xml", "Moodle XML"],
  ["anki", "Anki"],
] as const;

/**
 * The instructors' entry point: their own decks (every authored deck for an admin), a form for a new
 * one, and the published bank with statistics, exports and "duplicate to edit".
 */
export default async function AuthorPage() {
  const user = await requirePageRole("/author", canAuthor);
  const [mine, decks] = await Promise.all([listEditableDecks(db, user), listDecks(db)]);
  const seesOwners = canEditEveryAuthoredDeck(user.role);
  return (
    <>
      <h1>Question bank</h1>
      <p>
        <Link href="/author/reports">Reports and suspect questions</Link>: what candidates reported on{" "}
        {seesOwners ? "every deck" : "your decks"}, and what the item statistics point at.
      </p>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{seesOwners ? "Authored decks" : "Your decks"}</h2>
        {mine.length === 0 ? (
          <p>No decks yet: create one below, or duplicate a built-in deck to edit a copy.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Deck</th>
                <th scope="col">Topic</th>
                <th scope="col">Status</th>
                <th scope="col">Questions</th>
                {seesOwners ? <th scope="col">Owner</th> : null}
              </tr>
            </thead>
            <tbody>
              {mine.map((deck) => (
                <tr key={deck.id}>
                  <th scope="row">
                    <Link href={`/author/decks/${deck.id}`}>{deck.title}</Link>
                  </th>
                  <td>{topicName(deck.topic)}</td>
                  <td>{deck.status}</td>
                  <td>
                    {deck.questions}
                    {deck.drafts > 0 ? ` (${plural(deck.drafts, "draft")})` : ""}
                  </td>
                  {seesOwners ? <td>{deck.ownerEmail ?? "–"}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <details className="new-deck">
          <summary>New deck</summary>
          <DeckForm />
        </details>
      </section>

      <h2>Published decks</h2>
      <p className="muted">
        Built-in decks come from <code>content/decks/</code> and are read-only here: duplicate one to edit a copy. Item
        statistics come from every learner&apos;s real answers.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Deck</th>
            <th scope="col">Topic</th>
            <th scope="col">Questions</th>
            <th scope="col">Statistics</th>
            <th scope="col">Export</th>
            <th scope="col">Copy</th>
          </tr>
        </thead>
        <tbody>
          {decks.map((deck) => (
            <tr key={deck.id}>
              <th scope="row">
                <Link href={`/decks/${deck.id}`}>{deck.title}</Link>
              </th>
              <td>{topicName(deck.topic)}</td>
              <td>{deck.questionCount}</td>
              <td>
                {canSeeDeckStatistics(user, deck) ? (
                  <Link href={`/author/decks/${deck.id}/stats`}>
                    Item statistics<span className="visually-hidden"> for {deck.title}</span>
                  </Link>
                ) : (
                  <span className="muted">its author&apos;s</span>
                )}
              </td>
              <td>
                {EXPORTS.map(([format, label], index) => (
                  <span key={format}>
                    {index > 0 ? " · " : ""}
                    <a href={`/api/author/decks/${deck.id}/export?format=${format}`} download>
                      {label}
                      <span className="visually-hidden"> export of {deck.title}</span>
                    </a>
                  </span>
                ))}
              </td>
              <td>
                <DuplicateDeckButton deckId={deck.id} title={deck.title} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
