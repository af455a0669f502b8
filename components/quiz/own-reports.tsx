import { REPORT_REASON_LABELS, REPORT_STATUS_LABELS } from "@/lib/domain/question-reports";
import type { QuestionReportView } from "@/lib/http/contracts";

const day = (iso: string) => iso.slice(0, 10);

/** The reporter's reports on a question, on its page: how each was closed and the author's reply. */
export function OwnReports({ reports }: { reports: QuestionReportView[] }) {
  if (reports.length === 0) return null;
  return (
    <section className="own-reports" aria-labelledby="own-reports-heading">
      <h2 id="own-reports-heading">Your reports on this question</h2>
      <ul>
        {reports.map((report) => (
          <li key={report.id} data-report-status={report.status}>
            <p>
              <strong>{REPORT_REASON_LABELS[report.reason]}</strong>, reported {day(report.createdAt)} on revision{" "}
              {report.revision}: {REPORT_STATUS_LABELS[report.status]}
              {report.resolvedAt ? ` (${day(report.resolvedAt)})` : ""}
              {report.fixedInRevision ? `, in revision ${report.fixedInRevision}` : ""}.
            </p>
            {report.note ? <p className="muted">Your note: {report.note}</p> : null}
            {report.reply ? (
              <blockquote>
                <p>Author&apos;s reply: {report.reply}</p>
              </blockquote>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
