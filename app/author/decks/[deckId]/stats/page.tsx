import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findTerm } from "@/lib/content/glossary-store";
import { markdownSummary } from "@/lib/content/markdown-text";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { checkStatisticsAccess } from "@/lib/data/authoring/access";
import { db } from "@/lib/data/db";
import { loadDeckStatistics } from "@/lib/data/deck-statistics";
import { findDeck } from "@/lib/data/questions";
import { NO_VALUE, percent } from "@/lib/domain/format";
import { ITEM_FLAG_LABELS, ITEM_FLAGS } from "@/lib/domain/item-statistics";
import { pageValue } from "@/lib/http/page-value";

export const metadata: Metadata = { title: "Item statistics" };

const decimal = (value: number | null) => (value === null ? NO_VALUE : value.toFixed(2));
const seconds = (ms: number | null) => (ms === null ? NO_VALUE : `${(ms / 1000).toFixed(1)} s`);
const letter = (index: number) => String.fromCharCode(65 + index);

export default async function DeckStatisticsPage({ params }: PageProps<"/author/decks/[deckId]/stats">) {
  const { deckId } = await params;
  const user = await requirePageRole(`/author/decks/${deckId}/stats`, canAuthor);
  // Built-in decks' statistics are open to every author, an authored deck's only to its editors.
  pageValue(await checkStatisticsAccess(db, user, deckId));
  const deck = await findDeck(db, deckId);
  if (!deck) notFound();
  const statistics = await loadDeckStatistics(db, deckId);
  const termName = (slug: string) => findTerm(slug)?.term;
  const maxBucket = Math.max(1, ...statistics.scoreDistribution.map((bucket) => bucket.count));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/author">Question bank</Link> / {deck.title}
      </p>
      <h1>Item statistics: {deck.title}</h1>
      <dl className="stats">
        <div>
          <dt>Learners (2+ answers)</dt>
          <dd>{statistics.candidates}</dd>
        </div>
        <div>
          <dt>Mean score</dt>
          <dd>{percent(statistics.meanScore)}</dd>
        </div>
        <div>
          <dt>Cronbach&apos;s alpha</dt>
          <dd>{decimal(statistics.cronbachAlpha)}</dd>
        </div>
      </dl>
      <p className="muted">
        Each learner&apos;s first answer to a question counts (later ones are practice). Facility is the share right;
        discrimination is the correlation of a question with the rest of the learner&apos;s score. Flags need at least 5
        learners: too easy above {percent(ITEM_FLAGS.tooEasyAbove)}, too hard below {percent(ITEM_FLAGS.tooHardBelow)},
        not discriminating below {ITEM_FLAGS.discriminationBelow}. Alpha uses learners who answered every question.
      </p>

      <h2>Questions</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Attempts</th>
              <th scope="col">Learners</th>
              <th scope="col">Facility</th>
              <th scope="col">Discrimination</th>
              <th scope="col">Mean time</th>
              <th scope="col">Wrong choices picked</th>
              <th scope="col">FSRS difficulty</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {statistics.items.map((item, index) => {
              const question = statistics.questions[index]!;
              return (
                <tr key={item.questionId} data-question-id={item.questionId}>
                  <th scope="row">
                    <Link href={`/questions/${item.questionId}`}>{markdownSummary(question.prompt, termName, 90)}</Link>
                    <small className="muted"> {question.type}</small>
                  </th>
                  <td>{item.attempts}</td>
                  <td>{item.candidates}</td>
                  <td>{percent(item.facility)}</td>
                  <td>{decimal(item.discrimination)}</td>
                  <td>{seconds(item.meanTimeMs)}</td>
                  <td>
                    {item.wrongChoicePicks.length
                      ? item.wrongChoicePicks.map((pick) => `${letter(pick.choice)} ${percent(pick.share)}`).join(" · ")
                      : "–"}
                  </td>
                  <td>
                    {item.fsrsDifficulty
                      ? `${item.fsrsDifficulty.mean.toFixed(1)} (${item.fsrsDifficulty.count})`
                      : "–"}
                  </td>
                  <td>{item.flags.map((flag) => ITEM_FLAG_LABELS[flag]).join(", ") || "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>Score distribution</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Learners</th>
          </tr>
        </thead>
        <tbody>
          {statistics.scoreDistribution.map((bucket) => (
            <tr key={bucket.bucket}>
              <th scope="row">{bucket.bucket}</th>
              <td>
                <span className="bar" style={{ width: `${(bucket.count / maxBucket) * 12}rem` }} aria-hidden="true" />{" "}
                {bucket.count}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
