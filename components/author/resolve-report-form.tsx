"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { REPORT_NOTE_MAX } from "@/lib/domain/question-reports";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ReportResolved } from "@/lib/http/contracts";
import { NoteField } from "@/components/ui/note-field";

/**
 * Closes one report from the author's queue through PATCH /api/author/reports/:reportId: "fixed",
 * optionally with the revision the fix went into, or "dismissed", which needs a reply. The reporter reads
 * the reply on the question's page.
 */
export function ResolveReportForm({ reportId, currentRevision }: { reportId: string; currentRevision: number }) {
  const router = useRouter();
  const [reply, setReply] = useState("");
  const [revision, setRevision] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const id = `resolve-${reportId}`;

  async function close(outcome: "fixed" | "dismissed") {
    setBusy(true);
    const fixedIn = Number.parseInt(revision, 10);
    const body =
      outcome === "fixed"
        ? { outcome, reply, ...(Number.isInteger(fixedIn) ? { fixedInRevision: fixedIn } : {}) }
        : { outcome, reply };
    const result = await apiFetch<ReportResolved>(`/api/author/reports/${encodeURIComponent(reportId)}`, {
      method: "PATCH",
      body,
    });
    setBusy(false);
    if (!result.ok) {
      setError({ ...(result.field ? { field: result.field } : {}), message: result.error });
      return;
    }
    setError(null);
    router.refresh();
  }

  const replyError = error?.field === "reply" ? error.message : null;
  return (
    <form className="stack-form resolve-report" onSubmit={(event) => event.preventDefault()} noValidate>
      <NoteField
        id={`${id}-reply`}
        label="Reply to the reporter"
        hint="Needed to dismiss; optional when fixed. The reporter sees it on the question's page."
        value={reply}
        onChange={setReply}
        maxLength={REPORT_NOTE_MAX}
        error={replyError}
        rows={2}
      />
      <div className="field field--inline">
        <label htmlFor={`${id}-revision`}>Fixed in revision (optional)</label>
        <input
          id={`${id}-revision`}
          type="number"
          min={1}
          inputMode="numeric"
          placeholder={String(currentRevision)}
          value={revision}
          onChange={(event) => setRevision(event.target.value)}
        />
      </div>
      <div>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void close("fixed")}>
          Mark fixed
        </button>{" "}
        <button type="button" className="button" disabled={busy} onClick={() => void close("dismissed")}>
          Dismiss
        </button>
      </div>
      {error && !replyError ? (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
