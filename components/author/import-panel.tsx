"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ImportCommitted, ImportPreview, ImportRefused } from "@/lib/http/contracts";
import { IMPORT_FORMATS, type ImportFormat } from "@/lib/schemas/authoring";
import type { TermRef } from "@/lib/domain/question-view";
import { TermPicker } from "./term-picker";

const FORMAT_LABELS: Record<ImportFormat, string> = {
  markdown: "mlprep Markdown deck",
  gift: "Moodle GIFT",
  "moodle-xml": "Moodle XML",
  aiken: "Aiken",
  csv: "CSV / TSV flashcards (Anki, Quizlet)",
};

/**
 * Import into a deck: check first (every question listed, every problem with its line), then save in one
 * transaction. While problems remain nothing is saved, unless the author chooses to import only the
 * valid questions.
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
      setMessage({ text: `Imported ${reply.data.imported} question(s) as drafts.`, failed: false });
      setSummary(null);
      setText("");
      router.refresh();
    } else {
      setSummary(reply.data);
    }
  }

  const problems = summary?.problems.length ?? 0;
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
        <div className="import-preview">
          <p>
            Read {summary.read} question(s): {summary.questions.length} ready to import, {problems} problem(s).
          </p>
          {problems > 0 ? (
            <>
              <h3>Problems</h3>
              <ul className="import-problems">
                {summary.problems.map((problem, index) => (
                  <li key={index}>
                    Line {problem.line}: {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {summary.questions.length > 0 ? (
            <table className="table">
              <caption>Questions to import</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Type</th>
                  <th scope="col">Question</th>
                  <th scope="col">Terms</th>
                </tr>
              </thead>
              <tbody>
                {summary.questions.map((question) => (
                  <tr key={question.line}>
                    <td>{question.line}</td>
                    <td>{question.type}</td>
                    <td>{question.summary}</td>
                    <td>{question.terms.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {problems > 0 && summary.questions.length > 0 ? (
            <label className="choice-label">
              <input type="checkbox" checked={onlyValid} onChange={(event) => setOnlyValid(event.target.checked)} />{" "}
              Import only the {summary.questions.length} valid question(s)
            </label>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            disabled={busy || summary.questions.length === 0 || (problems > 0 && !onlyValid)}
            onClick={() => send(true)}
          >
            Import {summary.questions.length} question(s)
          </button>
        </div>
      ) : null}
    </section>
  );
}
