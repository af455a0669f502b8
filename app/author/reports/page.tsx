import type { Metadata } from "next";
import Link from "next/link";
import { ResolveReportForm } from "@/components/author/resolve-report-form";
import { findTerm } from "@/lib/content/glossary-store";
import { markdownSummary } from "@/lib/content/markdown-text";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { loadReportQueue } from "@/lib/data/report-queue";
import { NO_VALUE, percent } from "@/lib/domain/format";
import { ITEM_FLAG_LABELS } from "@/lib/domain/item-statistics";
import { REPORT_REASON_LABELS, SUSPECT_LABELS } from "@/lib/domain/question-reports";
import type { ReportQueueEntry } from "@/lib/http/contracts";
import { pageValue } from "@/lib/http/page-value";

export const metadata: Metadata = { title: "Reports" };

const termName = (slug: string) => findTerm(slug)?.term;
const letter = (index: number) => String.fromCharCode(65 + index);

/** The item statistics beside a reported or suspect question, as the statistics page shows them. */
function StatisticsLine({ entry }: { entry: ReportQueueEntry }) {
  const item = entry.statistics;
  if (!item) return <p className="muted">No statistics: the question is archived.</p>;
  const picks = item.wrongChoicePicks.map((pick) => `${letter(pick.choice)} ${percent(pick.share)}`).join(" · ");
  return (
    <p className="muted">
      {item.candidates} learners · facility {percent(item.facility)} · discrimination{" "}
      {item.discrimination === null ? NO_VALUE : item.discrimination.toFixed(2)}
      {picks ? ` · wrong choices picked ${picks}` : ""}
      {item.flags.length ? ` · ${item.flags.map((flag) => ITEM_FLAG_LABELS[flag]).join(", ")}` : ""}
    </p>
  );
}

/**
 * The authors' review queue: candidates' open reports on the decks the author answers for (every deck
 * for an admin) and the questions the statistics make suspect, per deck with their counts.
 */
export default async function ReportsPage() {
  const user = await requirePageRole("/author/reports", canAuthor);
  const { decks } = pageValue(await loadReportQueue(db, user));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/author">Question bank</Link> / Reports
      </p>
      <h1>Reports and suspect questions</h1>
      <p className="muted">
        Candidates report problems from a question&apos;s feedback; each report names the revision they saw. Suspect
        questions come from the item statistics (5 learners or more): a negative discrimination, or a wrong choice
        picked more often than the key. Close a report as fixed or dismissed: the reporter reads your reply on the
        question&apos;s page.
      </p>
      {decks.length === 0 ? (
        <p>Nothing to review: no open reports and no suspect questions.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Deck</th>
              <th scope="col">Open reports</th>
              <th scope="col">Suspect questions</th>
            </tr>
          </thead>
          <tbody>
            {decks.map((deck) => (
              <tr key={deck.deckId}>
                <th scope="row">
                  <a href={`#deck-${deck.deckId}`}>{deck.title}</a>
                </th>
                <td>{deck.openReports}</td>
                <td>{deck.suspectQuestions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {decks.map((deck) => (
        <section key={deck.deckId} id={`deck-${deck.deckId}`} aria-labelledby={`deck-${deck.deckId}-heading`}>
          <h2 id={`deck-${deck.deckId}-heading`}>{deck.title}</h2>
          {deck.questions.map((entry) => (
            <article key={entry.questionId} className="report-entry" data-question-id={entry.questionId}>
              <h3>
                <Link
                  href={
                    deck.source === "content"
                      ? `/questions/${entry.questionId}`
                      : `/author/questions/${entry.questionId}`
                  }
                >
                  {entry.prompt ? markdownSummary(entry.prompt, termName, 90) : entry.questionId}
                </Link>{" "}
                <small className="muted">
                  revision {entry.revision}
                  {entry.archived ? ", archived" : ""} · {entry.reports.length} open{" "}
                  {entry.reports.length === 1 ? "report" : "reports"}
                </small>
              </h3>
              <StatisticsLine entry={entry} />
              {entry.suspect.length ? (
                <p>
                  <strong>Suspect:</strong> {entry.suspect.map((reason) => SUSPECT_LABELS[reason]).join("; ")}.
                </p>
              ) : null}
              <ul className="report-list">
                {entry.reports.map((report) => (
                  <li key={report.id} data-report-id={report.id}>
                    <p>
                      <strong>{REPORT_REASON_LABELS[report.reason]}</strong> on revision {report.revision}
                      {report.revision < entry.revision ? " (since edited)" : ""}, {report.createdAt.slice(0, 10)}
                      {report.note ? `: “${report.note}”` : ""}
                    </p>
                    <ResolveReportForm reportId={report.id} currentRevision={entry.revision} />
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
