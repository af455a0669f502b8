"use client";
import Link from "next/link";
import { useState } from "react";
import {
  REPORT_NOTE_MAX,
  REPORT_REASON_LABELS,
  REPORT_REASONS,
  type ReportReason,
} from "@/lib/domain/question-reports";
import { apiFetch } from "@/lib/http/api-fetch";
import type { QuestionReportView } from "@/lib/http/contracts";
import { NoteField } from "@/components/ui/note-field";

/**
 * "Report a problem" under a question's feedback: a disclosure with a small form (reason and an optional
 * note), sent to POST /api/questions/:questionId/reports. Signed-in users only; a second report on the same
 * question updates the open one, which the reply says.
 */
export function ReportProblem({ questionId }: { questionId: string }) {
  const [reason, setReason] = useState<ReportReason>("wrong-key");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [sent, setSent] = useState<QuestionReportView | null>(null);
  const id = `report-${questionId}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const reply = await apiFetch<QuestionReportView>(`/api/questions/${encodeURIComponent(questionId)}/reports`, {
      method: "POST",
      body: { reason, note },
    });
    setBusy(false);
    if (!reply.ok) {
      setError({ ...(reply.field ? { field: reply.field } : {}), message: reply.error });
      return;
    }
    setError(null);
    setSent(reply.data);
  }

  const noteError = error?.field === "note" ? error.message : null;
  return (
    <details className="report-problem">
      <summary>Report a problem</summary>
      <form className="stack-form" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
        <h4 id={`${id}-heading`} className="visually-hidden">
          Report a problem with this question
        </h4>
        <div className="field">
          <label htmlFor={`${id}-reason`}>What is wrong?</label>
          <select
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value as ReportReason)}
          >
            {REPORT_REASONS.map((value) => (
              <option key={value} value={value}>
                {REPORT_REASON_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <NoteField
          id={`${id}-note`}
          label="Note (optional)"
          hint={`Up to ${REPORT_NOTE_MAX.toLocaleString("en")} characters: what you expected, or where the mistake is.`}
          value={note}
          onChange={setNote}
          maxLength={REPORT_NOTE_MAX}
          error={noteError}
        />
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Sending…" : sent ? "Update report" : "Send report"}
          </button>
        </div>
        {error && !noteError ? (
          <p role="alert" className="form-error">
            {error.message}
          </p>
        ) : null}
        <p role="status">
          {sent ? (
            <>
              Thanks: your report was sent to the question&apos;s author. You will find their answer on{" "}
              <Link href={`/questions/${encodeURIComponent(questionId)}`}>the question&apos;s page</Link>.
            </>
          ) : null}
        </p>
      </form>
    </details>
  );
}
