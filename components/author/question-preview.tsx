"use client";
import { useState } from "react";
import { AnswerFeedback } from "@/components/quiz/answer-feedback";
import { AnswerInput, EMPTY_DRAFT, type Draft } from "@/components/quiz/question-card";
import type { PreviewReply } from "@/lib/http/contracts";
import type { QuestionType } from "@/lib/schemas/deck";

/**
 * The question as the server renders it for candidates (same Markdown, math and sanitizing), answerable
 * like the real one, with the feedback a wrong answer would get.
 */
export function QuestionPreview({
  type,
  preview,
  authoredOrder,
  onAuthoredOrder,
}: {
  type: QuestionType;
  preview: PreviewReply;
  authoredOrder: boolean;
  onAuthoredOrder: (authoredOrder: boolean) => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  return (
    <section className="editor__preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p className="muted small">Rendered by the server exactly as candidates will see it.</p>
      {/* Candidates see the choices shuffled; the author may look at the written order. */}
      {type === "single" || type === "multiple" ? (
        <label className="choice-label small">
          <input type="checkbox" checked={authoredOrder} onChange={(event) => onAuthoredOrder(event.target.checked)} />{" "}
          Show the choices in the authored order
        </label>
      ) : null}
      {preview.view ? (
        <div className="question" data-testid="question-preview">
          <div className="question__prompt prose" dangerouslySetInnerHTML={{ __html: preview.view.promptHtml }} />
          <AnswerInput view={preview.view} draft={draft} onDraft={setDraft} disabled={false} />
          {preview.key ? (
            <details className="editor__key">
              <summary>Feedback after a wrong answer</summary>
              <AnswerFeedback
                outcome={{ attemptId: "preview", correct: false, key: preview.key }}
                type={preview.view.type}
                signedIn
              />
            </details>
          ) : null}
        </div>
      ) : (
        <p className="muted">The preview appears once the question can be rendered.</p>
      )}
    </section>
  );
}
