import Link from "next/link";
import { findTerm } from "@/lib/content/glossary-store";
import { markdownSummary } from "@/lib/content/markdown-text";
import { NO_VALUE, percent } from "@/lib/domain/format";
import { ITEM_FLAG_LABELS, ITEM_FLAGS, type DeckStatistics } from "@/lib/domain/item-statistics";

const decimal = (value: number | null) => (value === null ? NO_VALUE : value.toFixed(2));
const seconds = (ms: number | null) => (ms === null ? NO_VALUE : `${(ms / 1000).toFixed(1)} s`);
const letter = (index: number) => String.fromCharCode(65 + index);

/** lib/data/deck-statistics.ts's DeckStatisticsView, as far as the tables read it: each item's question. */
type Statistics = DeckStatistics & { questions: { prompt: string; type: string }[] };

/**
 * A deck's item statistics: the summary figures, one row per question and the score distribution. The
 * author's statistics page shows them over every learner, a class's deck page over its members only.
 */
export function DeckStatisticsTables({ statistics }: { statistics: Statistics }) {
  const termName = (slug: string) => findTerm(slug)?.term;
  const maxBucket = Math.max(1, ...statistics.scoreDistribution.map((bucket) => bucket.count));
  return (
    <>
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
