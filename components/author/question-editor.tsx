"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { describeProblem } from "@/lib/content/content-problem";
import { plural } from "@/lib/domain/format";
import type { TermRef } from "@/lib/domain/question-view";
import { apiFetch } from "@/lib/http/api-fetch";
import type { FieldProblem, QuestionCreated, QuestionUpdated } from "@/lib/http/contracts";
import { metaProblems, type QuestionInput } from "@/lib/schemas/authoring";
import { QUESTION_TYPES, type QuestionType } from "@/lib/schemas/deck";
import { fieldErrors } from "./field-errors";
import { withType } from "./question-defaults";
import { QuestionPreview } from "./question-preview";
import { TermPicker } from "./term-picker";
import { TypeFields } from "./type-fields";
import { useQuestionPreview } from "./use-question-preview";
import { useUnsavedChanges } from "./use-unsaved-changes";

const TYPE_LABELS: Record<QuestionType, string> = {
  single: "Single choice",
  multiple: "Multiple select",
  "true-false": "True / false",
  numeric: "Numeric",
  calculated: "Calculated (new numbers each attempt)",
  short: "Short answer",
  open: "Open answer (self-graded, with rubric)",
};

const MARKDOWN_HINT = "Markdown. Math: $x^2$ inline, $$…$$ on its own lines. Link a glossary term: [[kv-cache]].";

/**
 * The question editor: every type of the deck format, a live preview rendered by the server exactly as a
 * candidate will see it (same Markdown, math and sanitizing), the deck format's own schema checked at
 * each keystroke and the whole content checker in the preview and on save, with each problem next to
 * its field.
 */
export function QuestionEditor({
  deckId,
  questionId,
  status,
  initial,
  termOptions,
}: {
  deckId: string;
  questionId?: string;
  status?: string;
  initial: QuestionInput;
  termOptions: TermRef[];
}) {
  const router = useRouter();
  const [question, setQuestion] = useState<QuestionInput>(initial);
  const [saveProblems, setSaveProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [authoredOrder, setAuthoredOrder] = useState(false);
  const preview = useQuestionPreview(question, authoredOrder);
  const { markSaved } = useUnsavedChanges(question, initial);

  const update = (patch: Partial<QuestionInput>) =>
    setQuestion((current) => ({ ...current, ...patch }) as QuestionInput);

  const errors = useMemo(() => {
    const found: Record<string, string> = {};
    for (const problem of [...saveProblems, ...preview.problems]) {
      // The checker names a field by its path: one choice or rubric point (`choices.2.text`) shows at its list,
      // named; a problem of the question as a whole (no field) at the prompt, the top of the question.
      const control = problem.field.split(".")[0] || "prompt";
      found[control] ??= control === problem.field ? problem.message : describeProblem(problem);
    }
    return { ...found, ...metaProblems(question) };
  }, [question, preview.problems, saveProblems]);

  async function save() {
    setBusy(true);
    setMessage(null);
    const reply = questionId
      ? await apiFetch<QuestionUpdated>(`/api/author/questions/${questionId}`, { method: "PUT", body: { question } })
      : await apiFetch<QuestionCreated>(`/api/author/decks/${deckId}/questions`, {
          method: "POST",
          body: { question },
        });
    setBusy(false);
    if (!reply.ok) {
      setSaveProblems(reply.problems ?? []);
      setMessage(
        reply.problems
          ? `Not saved: ${plural(reply.problems.length, "problem")} to fix (shown next to the fields).`
          : `Not saved: ${reply.error}`,
      );
      return;
    }
    setSaveProblems([]);
    markSaved(question);
    const saved = reply.data;
    // A new question goes back to its deck; an edited one stays open, with its revision.
    if (!("revision" in saved)) {
      router.push(`/author/decks/${deckId}?saved=${saved.id}`);
      return;
    }
    setMessage(
      saved.status === "published"
        ? `Saved as revision ${saved.revision}: earlier answers keep pointing at the revision they answered.`
        : "Draft saved.",
    );
    router.refresh();
  }

  const { props: fieldProps, message: errorFor } = fieldErrors("question", errors);

  return (
    <div className="editor">
      <form
        className="stack-form editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="question-type">Type</label>
            <select
              id="question-type"
              value={question.type}
              onChange={(event) => setQuestion(withType(question, event.target.value as QuestionType))}
              {...fieldProps("type")}
            >
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ))}
            </select>
            {errorFor("type")}
          </div>
          <div className="field">
            <label htmlFor="question-difficulty">Difficulty</label>
            <select
              id="question-difficulty"
              value={question.difficulty}
              onChange={(event) => update({ difficulty: Number(event.target.value) as 1 | 2 | 3 })}
            >
              <option value={1}>1 (easy)</option>
              <option value={2}>2 (medium)</option>
              <option value={3}>3 (hard)</option>
            </select>
          </div>
        </div>

        <div className="field">
          <label htmlFor="question-prompt">Prompt</label>
          <textarea
            id="question-prompt"
            rows={5}
            value={question.prompt}
            onChange={(event) => update({ prompt: event.target.value })}
            {...fieldProps("prompt")}
            aria-describedby={errors.prompt ? "question-prompt-hint question-prompt-error" : "question-prompt-hint"}
          />
          <p className="muted small" id="question-prompt-hint">
            {MARKDOWN_HINT}
            {question.type === "calculated" ? " Show a parameter with {name}." : ""}
          </p>
          {errorFor("prompt")}
        </div>

        <TypeFields question={question} update={update} fieldProps={fieldProps} errorFor={errorFor} />

        <div className="field">
          <label htmlFor="question-explanation">Explanation</label>
          <textarea
            id="question-explanation"
            rows={5}
            value={question.explanation}
            onChange={(event) => update({ explanation: event.target.value })}
            {...fieldProps("explanation")}
          />
          <p className="muted small">
            Why the answer is right and why the tempting wrong answers are wrong.
            {question.type === "calculated" ? " {answer} shows the computed answer." : ""}
          </p>
          {errorFor("explanation")}
        </div>

        <TermPicker
          id="question-terms"
          label="Glossary terms"
          options={termOptions}
          value={question.terms}
          onChange={(terms) => update({ terms })}
          error={errors.terms}
        />

        <div className="field">
          <label htmlFor="question-tags">Tags (comma-separated)</label>
          <input
            id="question-tags"
            value={question.tags.join(", ")}
            onChange={(event) =>
              update({
                tags: event.target.value
                  .split(",")
                  .map((tag) => tag.trim())
                  .filter(Boolean),
              })
            }
            {...fieldProps("tags")}
          />
          {errorFor("tags")}
        </div>

        <div className="editor__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {questionId ? (status === "published" ? "Save as new revision" : "Save draft") : "Add question"}
          </button>
          <Link href={`/author/decks/${deckId}`}>Back to the deck</Link>
        </div>
        <p role="status" className="muted">
          {message}
        </p>
      </form>

      <QuestionPreview
        type={question.type}
        preview={preview}
        authoredOrder={authoredOrder}
        onAuthoredOrder={setAuthoredOrder}
      />
    </div>
  );
}
