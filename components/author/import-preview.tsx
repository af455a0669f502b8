import { plural } from "@/lib/domain/format";
import type { ImportPreview } from "@/lib/http/contracts";

type Props = {
  summary: ImportPreview;
  onlyValid: boolean;
  onOnlyValidChange: (onlyValid: boolean) => void;
  busy: boolean;
  onCommit: () => void;
};

/**
 * What an import would do, in the three groups an author acts on: ready, needing work (imported as
 * drafts that say what they lack) and refused (each problem with its line, to fix in the file).
 */
export function ImportPreviewList({ summary, onlyValid, onOnlyValidChange, busy, onCommit }: Props) {
  const problems = summary.problems.length;
  const importable = summary.questions.length + summary.needsWork.length;
  const rows = [
    ...summary.questions.map((question) => ({ ...question, status: "ready" })),
    ...summary.needsWork.map((question) => ({ ...question, status: question.reason })),
  ].sort((a, b) => a.line - b.line);
  return (
    <div className="import-preview">
      <p data-testid="import-counts">
        Read {plural(summary.read, "question")}: {summary.questions.length} ready, {summary.needsWork.length} need work,{" "}
        {plural(problems, "problem")} in questions that cannot be imported.
      </p>
      {problems > 0 ? (
        <>
          <h3>Cannot be imported</h3>
          <ul className="import-problems">
            {summary.problems.map((problem, index) => (
              <li key={index}>
                Line {problem.line}: {problem.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {rows.length > 0 ? (
        <table className="table">
          <caption>Questions to import (as drafts)</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Type</th>
              <th scope="col">Question</th>
              <th scope="col">Terms</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((question) => (
              <tr key={question.line}>
                <td>{question.line}</td>
                <td>{question.type}</td>
                <td>{question.summary}</td>
                <td>{question.terms.join(", ")}</td>
                <td>{question.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {problems > 0 && importable > 0 ? (
        <label className="choice-label">
          <input type="checkbox" checked={onlyValid} onChange={(event) => onOnlyValidChange(event.target.checked)} />{" "}
          Skip the questions that cannot be imported and import the other {importable}
        </label>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        disabled={busy || importable === 0 || (problems > 0 && !onlyValid)}
        onClick={onCommit}
      >
        Import {plural(importable, "question")}
      </button>
    </div>
  );
}
