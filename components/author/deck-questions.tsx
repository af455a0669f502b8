"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { plural } from "@/lib/domain/format";
import { apiFetch } from "@/lib/http/api-fetch";
import type { DeckDuplicated, DeckPublished, QuestionMoved, QuestionRemoved, Saved } from "@/lib/http/contracts";

export type QuestionRow = {
  id: string;
  type: string;
  difficulty: number;
  summary: string;
  status: string;
  archived: boolean;
  attempts: number;
  revision: number;
  /** What a draft lacks before it can be published ("needs an explanation"), if anything. */
  needs?: string;
};

/**
 * A deck's questions for its editors: order (move up/down), publish a draft, delete (or archive, once
 * answered) and restore. Every button calls the authoring API, which checks the role and the owner.
 */
export function DeckQuestions({
  deckId,
  deckStatus,
  questions,
}: {
  deckId: string;
  deckStatus: string;
  questions: QuestionRow[];
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(method: "POST" | "DELETE", url: string, body: unknown, done: (data: T) => string) {
    setBusy(true);
    const reply = await apiFetch<T>(url, { method, body });
    setBusy(false);
    setMessage(reply.ok ? done(reply.data) : reply.error);
    if (reply.ok) router.refresh();
  }

  const drafts = questions.filter((question) => question.status === "draft" && !question.archived).length;
  return (
    <>
      <div className="editor__actions">
        <Link className="button button--primary" href={`/author/decks/${deckId}/questions/new`}>
          Add a question
        </Link>
        <button
          type="button"
          className="button"
          disabled={busy || drafts === 0}
          onClick={() =>
            run<DeckPublished>(
              "POST",
              `/api/author/decks/${deckId}/publish`,
              undefined,
              (data) =>
                `Published the deck and ${plural(data.published, "draft question")}.` +
                (data.needsWork > 0
                  ? ` ${plural(data.needsWork, "draft")} still ${data.needsWork === 1 ? "needs" : "need"} an explanation, model answer or rubric and ${data.needsWork === 1 ? "stays a draft" : "stay drafts"}.`
                  : ""),
            )
          }
        >
          {deckStatus === "published" ? `Publish ${plural(drafts, "draft question")}` : "Publish deck"}
        </button>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
      {questions.length === 0 ? (
        <p>No questions yet: add one, or import a file below.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Questions in deck order</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Question</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((question, index) => (
                <tr key={question.id} data-question-id={question.id}>
                  <td>{index + 1}</td>
                  <th scope="row">
                    <Link href={`/author/questions/${question.id}`}>{question.summary || "(no prompt)"}</Link>
                  </th>
                  <td>{question.type}</td>
                  <td>
                    {question.archived
                      ? "archived"
                      : question.status === "published"
                        ? `published (rev. ${question.revision})`
                        : question.needs
                          ? `draft: ${question.needs}`
                          : "draft"}
                  </td>
                  <td>{question.attempts}</td>
                  <td className="row-actions">
                    <RowButton
                      label="Up"
                      index={index}
                      disabled={busy || index === 0}
                      onClick={() =>
                        run<QuestionMoved>(
                          "POST",
                          `${questionUrl(question)}/move`,
                          { direction: "up" },
                          () => "Moved up.",
                        )
                      }
                    />
                    <RowButton
                      label="Down"
                      index={index}
                      disabled={busy || index === questions.length - 1}
                      onClick={() =>
                        run<QuestionMoved>(
                          "POST",
                          `${questionUrl(question)}/move`,
                          { direction: "down" },
                          () => "Moved down.",
                        )
                      }
                    />
                    {question.status === "draft" && !question.archived ? (
                      <RowButton
                        label="Publish"
                        index={index}
                        disabled={busy}
                        onClick={() =>
                          run<Saved>("POST", `${questionUrl(question)}/publish`, undefined, () => "Published.")
                        }
                      />
                    ) : null}
                    {question.archived ? (
                      <RowButton
                        label="Restore"
                        index={index}
                        disabled={busy}
                        onClick={() =>
                          run<Saved>("POST", `${questionUrl(question)}/restore`, undefined, () => "Restored.")
                        }
                      />
                    ) : (
                      <RowButton
                        label={question.attempts > 0 ? "Archive" : "Delete"}
                        index={index}
                        disabled={busy}
                        onClick={() =>
                          run<QuestionRemoved>("DELETE", questionUrl(question), undefined, (data) =>
                            data.outcome === "archived"
                              ? "Archived: it has attempts, so it is hidden from candidates but kept for their history."
                              : "Deleted.",
                          )
                        }
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const questionUrl = (question: QuestionRow) => `/api/author/questions/${question.id}`;

/** One action on a question row; screen readers hear which question ("Publish question 3"). */
function RowButton({
  label,
  index,
  disabled,
  onClick,
}: {
  label: string;
  index: number;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="button--small" disabled={disabled} onClick={onClick}>
      {label}
      <span className="visually-hidden"> question {index + 1}</span>
    </button>
  );
}

/** "Duplicate to edit": an editable draft copy of a deck, then its editor. */
export function DuplicateDeckButton({ deckId, title }: { deckId: string; title: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button--small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const reply = await apiFetch<DeckDuplicated>(`/api/author/decks/${deckId}/duplicate`, { method: "POST" });
          setBusy(false);
          if (reply.ok) router.push(`/author/decks/${reply.data.id}`);
          else setError(reply.error);
        }}
      >
        Duplicate to edit<span className="visually-hidden"> {title}</span>
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
