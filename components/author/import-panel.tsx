"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ImportCommitted, ImportPreview, ImportRefused } from "@/lib/http/contracts";
import { IMPORT_FORMATS, type ImportFormat } from "@/lib/schemas/authoring";
import type { TermRef } from "@/lib/domain/question-view";
import { plural } from "@/lib/domain/format";
import { ImportPreviewList } from "./import-preview";
import { TermPicker } from "./term-picker";

const FORMAT_LABELS: Record<ImportFormat, string> = {
  markdown: "mlprep Markdown deck",
  gift: "Moodle GIFT",
  "moodle-xml": "Moodle XML",
  aiken: "Aiken",
  csv: "CSV / TSV flashcards (Anki, Quizlet)",
};

/**
 * Import into a deck: check first (ready, needing work, refused with each problem's line), then save the
 * first two groups as drafts in one transaction. While refused questions remain nothing is saved, unless
 * the author chooses to skip them.
 */
export function ImportPanel({ deckId, termOptions }: { deckId: string; termOptions: TermRef[] }) {
  const router = useRouter();
  const [format, setFormat] = useState<ImportFormat>("gift");
  const [text, setText] = useState("");
  const [defaultTerms, setDefaultTerms] = useState<string[]>([]);
  const [summary, setSummary] = useState<ImportPreview | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(commit: boolean) {
    setBusy(true);
    setMessage(null);
    const reply = await apiFetch<ImportPreview | ImportCommitted>(`/api/author/decks/${deckId}/import`, {
      method: "POST",
      body: { format, text, defaultTerms, commit, onlyValid },
    });
    setBusy(false);
    if (!reply.ok) {
      setMessage({ text: reply.error, failed: true });
      // A commit refused for the problems left comes with the preview, so they stay listed.
      if ("questions" in reply.body) setSummary(reply.body as ImportRefused);
      return;
    }
    if ("imported" in reply.data) {
      const { imported, needsWork, skipped } = reply.data;
      setMessage({
        text: [
          `Imported ${plural(imported, "question")} as drafts`,
          needsWork > 0 ? `${needsWork} of them need an explanation or rubric before they can be published` : "",
          skipped > 0 ? `${skipped} skipped` : "",
        ]
          .filter(Boolean)
          .join("; ")
          .concat("."),
        failed: false,
      });
      setSummary(null);
      setText("");
      router.refresh();
    } else {
      setSummary(reply.data);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="import-panel">
      <h2 id="import-heading">Import questions</h2>
      <div className="stack-form">
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" value={format} onChange={(event) => setFormat(event.target.value as ImportFormat)}>
            {IMPORT_FORMATS.map((value) => (
              <option key={value} value={value}>
                {FORMAT_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">File</label>
          <input
            id="import-file"
            type="file"
            accept=".txt,.gift,.xml,.md,.csv,.tsv,text/plain,application/xml,text/xml"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) {
                setText(await file.text());
                setSummary(null);
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="import-text">…or paste the text</label>
          <textarea
            id="import-text"
            rows={6}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setSummary(null);
            }}
          />
        </div>
        <TermPicker
          id="import-terms"
          label="Glossary terms for every imported question (optional)"
          options={termOptions}
          value={defaultTerms}
          onChange={setDefaultTerms}
        />
        <p className="muted small">
          Questions also get the glossary terms their text names. Each question is checked like a shipped deck.
        </p>
        <button type="button" className="button" disabled={busy || text.trim() === ""} onClick={() => send(false)}>
          Check the file
        </button>
      </div>
      <p role="status" className={message?.failed ? "field-error" : "muted"}>
        {message?.text}
      </p>
      {summary ? (
        <ImportPreviewList
          summary={summary}
          onlyValid={onlyValid}
          onOnlyValidChange={setOnlyValid}
          busy={busy}
          onCommit={() => send(true)}
        />
      ) : null}
    </section>
  );
}
