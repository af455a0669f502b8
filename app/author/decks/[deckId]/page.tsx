import type { Metadata } from "next";
import Link from "next/link";
import { DeckForm } from "@/components/author/deck-form";
import { DeckQuestions } from "@/components/author/deck-questions";
import { ImportPanel } from "@/components/author/import-panel";
import { promptSummary, termOptions } from "@/lib/authoring/editor-data";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { loadEditableDeck } from "@/lib/data/authoring/readers";
import { db } from "@/lib/data/db";
import { describeNeeds } from "@/lib/domain/teaching-parts";
import { pageValue } from "@/lib/http/page-value";

export const metadata: Metadata = { title: "Edit deck" };

/** An authored deck's editor: its details, its questions in order, publishing, import and export. */
export default async function EditDeckPage({ params }: PageProps<"/author/decks/[deckId]">) {
  const { deckId } = await params;
  const user = await requirePageRole(`/author/decks/${deckId}`, canAuthor);
  const deck = pageValue(await loadEditableDeck(db, user, deckId));
  const { title, topic, description, level } = deck;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/author">Question bank</Link> / {deck.title}
      </p>
      <h1>
        {deck.title} <span className="status-pill">{deck.status}</span>
      </h1>
      <p className="muted">
        {deck.status === "published" ? (
          <>
            Candidates practise it at <Link href={`/decks/${deck.id}`}>/decks/{deck.id}</Link>. Editing a published
            question saves a new revision.
          </>
        ) : (
          "A draft: only you (and admins) see it until you publish it."
        )}{" "}
        <Link href={`/author/decks/${deck.id}/stats`}>Item statistics</Link> · Export:{" "}
        <a href={`/api/author/decks/${deck.id}/export?format=markdown`} download>
          Markdown
        </a>{" "}
        ·{" "}
        <a href={`/api/author/decks/${deck.id}/export?format=gift`} download>
          GIFT
        </a>{" "}
        ·{" "}
        <a href={`/api/author/decks/${deck.id}/export?format=moodle-xml`} download>
          Moodle XML
        </a>{" "}
        ·{" "}
        <a href={`/api/author/decks/${deck.id}/export?format=anki`} download>
          Anki
        </a>
      </p>
      <h2>Questions</h2>
      <DeckQuestions
        deckId={deck.id}
        deckStatus={deck.status}
        questions={deck.questions.map((entry) => ({
          id: entry.id,
          type: entry.question.type,
          difficulty: entry.question.difficulty,
          summary: promptSummary(entry.question.prompt),
          status: entry.status,
          archived: entry.archived,
          attempts: entry.attempts,
          revision: entry.revision,
          needs: describeNeeds(entry.question),
        }))}
      />
      <ImportPanel deckId={deck.id} termOptions={termOptions()} />
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Deck details</h2>
        <DeckForm deckId={deck.id} initial={{ title, topic, description, level }} />
      </section>
    </>
  );
}
