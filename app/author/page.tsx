import type { Metadata } from "next";
import Link from "next/link";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { listDecks } from "@/lib/data/questions";
import { topicName } from "@/lib/practice/session-items";

export const metadata: Metadata = { title: "Question bank" };

const EXPORTS = [
  ["markdown", "Markdown"],
  ["gift", "GIFT"],
  ["anki", "Anki"],
] as const;

/** The instructors' entry point: every deck in the bank, with its item statistics. */
export default async function AuthorPage() {
  await requirePageRole("/author", canAuthor);
  const decks = await listDecks(db);
  return (
    <>
      <h1>Question bank</h1>
      <p className="muted">
        Built-in decks come from <code>content/decks/</code> and are read-only here. Item statistics come from every
        learner&apos;s real answers.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Deck</th>
            <th scope="col">Topic</th>
            <th scope="col">Questions</th>
            <th scope="col">Statistics</th>
            <th scope="col">Export</th>
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
                <Link href={`/author/decks/${deck.id}/stats`}>
                  Item statistics<span className="visually-hidden"> for {deck.title}</span>
                </Link>
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
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
