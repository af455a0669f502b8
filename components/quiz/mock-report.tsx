import Link from "next/link";
import { percent } from "@/lib/domain/format";
import { scoreMock } from "@/lib/domain/mock-interview";
import type { SessionResult } from "./session-types";

/** The mock interview's report: the score, then per topic (weakest first), then the questions to revisit. */
export function MockReport({ results }: { results: SessionResult[] }) {
  const report = scoreMock(
    results.map(({ item, outcome }) => ({
      questionId: item.view.id,
      topic: item.topicName,
      correct: outcome ? outcome.correct : null,
    })),
  );
  const byId = new Map(results.map((result) => [result.item.view.id, result]));
  return (
    <section className="summary" aria-labelledby="report-heading">
      <h2 id="report-heading" tabIndex={-1}>
        Mock interview: {report.correct} of {report.total} ({percent(report.score)})
      </h2>
      <p className="muted">
        {report.answered} answered, {report.total - report.answered} left unanswered when time ran out or you finished.
      </p>
      <table className="table">
        <caption className="visually-hidden">Score per topic, weakest first</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Right</th>
            <th scope="col">Answered</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {report.topics.map((topic) => (
            <tr key={topic.topic}>
              <th scope="row">{topic.topic}</th>
              <td>
                {topic.correct} of {topic.total}
              </td>
              <td>{topic.answered}</td>
              <td>{percent(topic.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.weakQuestionIds.length ? (
        <>
          <h3>Questions to revisit</h3>
          <ul>
            {report.weakQuestionIds.map((id) => {
              const result = byId.get(id)!;
              return (
                <li key={id}>
                  <Link href={`/questions/${id}`}>
                    {result.item.deckTitle}: {id}
                  </Link>{" "}
                  {result.outcome ? "(wrong)" : "(not answered)"}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <div className="hero__actions">
        <Link className="button button--primary" href="/mock">
          Another mock interview
        </Link>
        <Link className="button" href="/progress">
          See your progress
        </Link>
      </div>
    </section>
  );
}
