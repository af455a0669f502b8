"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { AnswerFeedback } from "@/components/quiz/answer-feedback";
import { AnswerInput, EMPTY_DRAFT, type Draft } from "@/components/quiz/question-card";
import { describeProblem } from "@/lib/content/content-problem";
import type { AnswerKey, QuestionView } from "@/lib/domain/question-view";
import { metaProblems, type QuestionInput } from "@/lib/schemas/authoring";
import { QUESTION_TYPES, type QuestionType } from "@/lib/schemas/deck";
import { callAuthorApi, type FieldProblem } from "./author-api";
import { ChoiceOrderAndAdvice } from "./choice-advice";
import { fieldErrors } from "./field-errors";
import { TermPicker, type TermOption } from "./term-picker";

const TYPE_LABELS: Record<QuestionType, string> = {
  single: "Single choice",
  multiple: "Multiple select",
  "true-false": "True / false",
  numeric: "Numeric",
  calculated: "Calculated (new numbers each attempt)",
  short: "Short answer",
  open: "Open answer (self-graded, with rubric)",
};

type Common = Pick<QuestionInput, "difficulty" | "terms" | "tags" | "prompt" | "explanation">;

/** A question of another type keeping what the types share, with the new type's parts blank. */
function withType(type: QuestionType, common: Common): QuestionInput {
  const relative = { kind: "relative" as const, value: 0.01 };
  switch (type) {
    case "single":
    case "multiple":
      return { ...common, type, choices: [{ text: "", correct: true }, { text: "", correct: false }] };
    case "true-false":
      return { ...common, type, answer: true };
    case "numeric":
      return { ...common, type, answer: 0, tolerance: relative };
    case "calculated":
      return { ...common, type, params: { x: { min: 1, max: 10, step: 1 } }, formula: "x", tolerance: relative };
    case "short":
      return { ...common, type, accept: [] };
    case "open":
      return { ...common, type, modelAnswer: "", rubric: [] };
  }
}

export const NEW_QUESTION: QuestionInput = withType("single", { difficulty: 2, terms: [], tags: [], prompt: "", explanation: "" });

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);
const MARKDOWN_HINT = "Markdown. Math: $x^2$ inline, $$…$$ on its own lines. Link a glossary term: [[kv-cache]].";

type Preview = { problems: FieldProblem[]; view?: QuestionView; key?: AnswerKey };

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
  termOptions: TermOption[];
}) {
  const router = useRouter();
  const [question, setQuestion] = useState<QuestionInput>(initial);
  const [preview, setPreview] = useState<Preview>({ problems: [] });
  const [saveProblems, setSaveProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewDraft, setPreviewDraft] = useState<Draft>(EMPTY_DRAFT);
  // The preview shuffles choices as candidates see them; the author may look at the written order.
  const [authoredOrder, setAuthoredOrder] = useState(false);

  const common: Common = { difficulty: question.difficulty, terms: question.terms, tags: question.tags, prompt: question.prompt, explanation: question.explanation };
  const update = (patch: Partial<QuestionInput>) => setQuestion((current) => ({ ...current, ...patch }) as QuestionInput);

  // Leaving with unsaved edits asks first: a closed tab should not silently drop a half-written question.
  const [saved, setSaved] = useState<QuestionInput>(initial);
  const dirty = JSON.stringify(question) !== JSON.stringify(saved);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // The server checks and renders what is being typed, 400 ms after the last keystroke.
  useEffect(() => {
    const timer = setTimeout(async () => {
      const reply = await callAuthorApi<Preview>("POST", "/api/author/preview", { question, authoredOrder });
      if (reply.ok) setPreview(reply.data);
      else setPreview({ problems: [{ field: (reply.field ?? "prompt").replace(/^question\./, "").split(".")[0]!, message: reply.error }] });
    }, 400);
    return () => clearTimeout(timer);
  }, [question, authoredOrder]);

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
    const reply = await callAuthorApi<{ id: string; revision: number; status: string }>(
      questionId ? "PUT" : "POST",
      questionId ? `/api/author/questions/${questionId}` : `/api/author/decks/${deckId}/questions`,
      { question },
    );
    setBusy(false);
    if (!reply.ok) {
      setSaveProblems(reply.problems ?? []);
      setMessage(reply.problems ? `Not saved: ${reply.problems.length} problem${reply.problems.length === 1 ? "" : "s"} to fix (shown next to the fields).` : `Not saved: ${reply.error}`);
      return;
    }
    setSaveProblems([]);
    setSaved(question);
    if (!questionId) {
      router.push(`/author/decks/${deckId}?saved=${reply.data.id}`);
      return;
    }
    const saved = reply.data;
    setMessage(saved.status === "published" ? `Saved as revision ${saved.revision}: earlier answers keep pointing at the revision they answered.` : "Draft saved.");
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
            <select id="question-type" value={question.type} onChange={(event) => setQuestion(withType(event.target.value as QuestionType, common))} {...fieldProps("type")}>
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
            <select id="question-difficulty" value={question.difficulty} onChange={(event) => update({ difficulty: Number(event.target.value) as 1 | 2 | 3 })}>
              <option value={1}>1 (easy)</option>
              <option value={2}>2 (medium)</option>
              <option value={3}>3 (hard)</option>
            </select>
          </div>
        </div>

        <div className="field">
          <label htmlFor="question-prompt">Prompt</label>
          <textarea id="question-prompt" rows={5} value={question.prompt} onChange={(event) => update({ prompt: event.target.value })} {...fieldProps("prompt")} aria-describedby={errors.prompt ? "question-prompt-hint question-prompt-error" : "question-prompt-hint"} />
          <p className="muted small" id="question-prompt-hint">
            {MARKDOWN_HINT}
            {question.type === "calculated" ? " Show a parameter with {name}." : ""}
          </p>
          {errorFor("prompt")}
        </div>

        <TypeFields question={question} update={update} fieldProps={fieldProps} errorFor={errorFor} />

        <div className="field">
          <label htmlFor="question-explanation">Explanation</label>
          <textarea id="question-explanation" rows={5} value={question.explanation} onChange={(event) => update({ explanation: event.target.value })} {...fieldProps("explanation")} />
          <p className="muted small">Why the answer is right and why the tempting wrong answers are wrong.{question.type === "calculated" ? " {answer} shows the computed answer." : ""}</p>
          {errorFor("explanation")}
        </div>

        <TermPicker id="question-terms" label="Glossary terms" options={termOptions} value={question.terms} onChange={(terms) => update({ terms })} error={errors.terms} />

        <div className="field">
          <label htmlFor="question-tags">Tags (comma-separated)</label>
          <input id="question-tags" value={question.tags.join(", ")} onChange={(event) => update({ tags: event.target.value.split(",").map((tag) => tag.trim()).filter(Boolean) })} {...fieldProps("tags")} />
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

      <section className="editor__preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <p className="muted small">Rendered by the server exactly as candidates will see it.</p>
        {question.type === "single" || question.type === "multiple" ? (
          <label className="choice-label small">
            <input type="checkbox" checked={authoredOrder} onChange={(event) => setAuthoredOrder(event.target.checked)} /> Show the choices in the authored order
          </label>
        ) : null}
        {preview.view ? (
          <div className="question" data-testid="question-preview">
            <div className="question__prompt prose" dangerouslySetInnerHTML={{ __html: preview.view.promptHtml }} />
            <AnswerInput view={preview.view} draft={previewDraft} onDraft={setPreviewDraft} disabled={false} />
            {preview.key ? (
              <details className="editor__key">
                <summary>Feedback after a wrong answer</summary>
                <AnswerFeedback outcome={{ attemptId: "preview", correct: false, key: preview.key }} type={preview.view.type} signedIn />
              </details>
            ) : null}
          </div>
        ) : (
          <p className="muted">The preview appears once the question can be rendered.</p>
        )}
      </section>
    </div>
  );
}

type FieldHelpers = {
  question: QuestionInput;
  update: (patch: Partial<QuestionInput>) => void;
  fieldProps: (field: string) => Record<string, unknown>;
  errorFor: (field: string) => React.ReactNode;
};

/** The parts only some types have: choices, an answer with its tolerance, parameters, accepted answers, a model answer. */
function TypeFields({ question, update, fieldProps, errorFor }: FieldHelpers) {
  switch (question.type) {
    case "single":
    case "multiple":
      return <ChoiceFields question={question} update={update} fieldProps={fieldProps} errorFor={errorFor} />;
    case "true-false":
      return (
        <fieldset className="field">
          <legend>Answer</legend>
          {[true, false].map((value) => (
            <label key={String(value)} className="choice-label">
              <input type="radio" name="question-answer" checked={question.answer === value} onChange={() => update({ answer: value })} /> {value ? "True" : "False"}
            </label>
          ))}
        </fieldset>
      );
    case "numeric":
    case "calculated":
      return (
        <>
          {question.type === "numeric" ? (
            <div className="field">
              <label htmlFor="question-answer">Answer</label>
              <input id="question-answer" type="number" step="any" value={Number.isFinite(question.answer) ? question.answer : ""} onChange={(event) => update({ answer: event.target.value === "" ? Number.NaN : Number(event.target.value) })} {...fieldProps("answer")} />
              {errorFor("answer")}
            </div>
          ) : (
            <ParamFields question={question} update={update} fieldProps={fieldProps} errorFor={errorFor} />
          )}
          <div className="field-row">
            <div className="field">
              <label htmlFor="question-tolerance-kind">Tolerance</label>
              <select
                id="question-tolerance-kind"
                value={question.tolerance.kind}
                onChange={(event) => update({ tolerance: { kind: event.target.value as "absolute" | "relative", value: event.target.value === "relative" ? 0.01 : 0 } })}
              >
                <option value="relative">Relative (%)</option>
                <option value="absolute">Absolute</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="question-tolerance">{question.tolerance.kind === "relative" ? "Tolerance in %" : "Tolerance (±)"}</label>
              <input
                id="question-tolerance"
                type="number"
                step="any"
                min={0}
                value={question.tolerance.kind === "relative" ? Number((question.tolerance.value * 100).toPrecision(6)) : question.tolerance.value}
                onChange={(event) => {
                  const value = Number(event.target.value);
                  update({ tolerance: { kind: question.tolerance.kind, value: question.tolerance.kind === "relative" ? value / 100 : value } });
                }}
                {...fieldProps("tolerance")}
              />
              {errorFor("tolerance")}
            </div>
            <div className="field">
              <label htmlFor="question-unit">Unit (optional)</label>
              <input id="question-unit" value={question.unit ?? ""} maxLength={20} onChange={(event) => update({ unit: event.target.value.trim() ? event.target.value : undefined })} {...fieldProps("unit")} />
              {errorFor("unit")}
            </div>
          </div>
        </>
      );
    case "short":
      return (
        <div className="field">
          <label htmlFor="question-accept">Accepted answers (one per line)</label>
          <textarea id="question-accept" rows={3} value={question.accept.join("\n")} onChange={(event) => update({ accept: lines(event.target.value) })} {...fieldProps("accept")} />
          <p className="muted small">Case, spacing, accents and end punctuation are ignored when grading.</p>
          {errorFor("accept")}
        </div>
      );
    case "open":
      return (
        <>
          <div className="field">
            <label htmlFor="question-model-answer">Model answer</label>
            <textarea id="question-model-answer" rows={6} value={question.modelAnswer} onChange={(event) => update({ modelAnswer: event.target.value })} {...fieldProps("modelAnswer")} />
            {errorFor("modelAnswer")}
          </div>
          <div className="field">
            <label htmlFor="question-rubric">Rubric (one point per line)</label>
            <textarea id="question-rubric" rows={4} value={question.rubric.join("\n")} onChange={(event) => update({ rubric: lines(event.target.value) })} {...fieldProps("rubric")} />
            {errorFor("rubric")}
          </div>
        </>
      );
  }
}

function ChoiceFields({ question, update, fieldProps, errorFor }: FieldHelpers & { question: Extract<QuestionInput, { type: "single" | "multiple" }> }) {
  const choices = question.choices;
  const setChoice = (index: number, patch: Partial<(typeof choices)[number]>) =>
    update({ choices: choices.map((choice, other) => (other === index ? { ...choice, ...patch } : question.type === "single" && patch.correct ? { ...choice, correct: false } : choice)) });
  return (
    <fieldset className="field" {...fieldProps("choices")}>
      <legend>Choices ({question.type === "single" ? "mark the one right answer" : "mark every right answer"})</legend>
      {choices.map((choice, index) => (
        <div key={index} className="choice-editor">
          <label className="choice-label">
            <input type={question.type === "single" ? "radio" : "checkbox"} name="question-correct" checked={choice.correct} onChange={(event) => setChoice(index, { correct: event.target.checked })} />
            <span className="visually-hidden">Choice {index + 1} is right</span>
          </label>
          <input aria-label={`Choice ${index + 1}`} value={choice.text} onChange={(event) => setChoice(index, { text: event.target.value })} />
          <input aria-label={`Feedback for choice ${index + 1} (optional)`} placeholder="Feedback when picked (optional)" value={choice.feedback ?? ""} onChange={(event) => setChoice(index, { feedback: event.target.value || undefined })} />
          <button type="button" className="button--quiet button--small" onClick={() => update({ choices: choices.filter((_, other) => other !== index) })} disabled={choices.length <= 2}>
            Remove<span className="visually-hidden"> choice {index + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => update({ choices: [...choices, { text: "", correct: false }] })} disabled={choices.length >= 26}>
        Add choice
      </button>
      {errorFor("choices")}
      <ChoiceOrderAndAdvice question={question} update={update} />
    </fieldset>
  );
}

function ParamFields({ question, update, fieldProps, errorFor }: FieldHelpers & { question: Extract<QuestionInput, { type: "calculated" }> }) {
  const entries = Object.entries(question.params);
  const setEntries = (next: [string, { min: number; max: number; step: number }][]) => update({ params: Object.fromEntries(next) });
  return (
    <>
      <fieldset className="field" {...fieldProps("params")}>
        <legend>Parameters (each attempt draws min, min + step, …, max)</legend>
        {entries.map(([name, range], index) => (
          <div key={index} className="param-editor">
            <input aria-label={`Parameter ${index + 1} name`} value={name} onChange={(event) => setEntries(entries.map((entry, other) => (other === index ? [event.target.value, range] : entry)))} />
            {(["min", "max", "step"] as const).map((key) => (
              <input
                key={key}
                type="number"
                step="any"
                aria-label={`Parameter ${index + 1} ${key}`}
                value={range[key]}
                onChange={(event) => setEntries(entries.map((entry, other) => (other === index ? [name, { ...range, [key]: Number(event.target.value) }] : entry)))}
              />
            ))}
            <button type="button" className="button--quiet button--small" onClick={() => setEntries(entries.filter((_, other) => other !== index))}>
              Remove<span className="visually-hidden"> parameter {index + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => setEntries([...entries, [`p${entries.length + 1}`, { min: 1, max: 10, step: 1 }]])}>
          Add parameter
        </button>
        {errorFor("params")}
      </fieldset>
      <div className="field">
        <label htmlFor="question-formula">Formula</label>
        <input id="question-formula" value={question.formula} onChange={(event) => update({ formula: event.target.value })} {...fieldProps("formula")} />
        <p className="muted small">+ - * / ^ and parentheses; sqrt, ln, log2, log10, exp, abs, min, max, ceil, floor, round; pi.</p>
        {errorFor("formula")}
      </div>
    </>
  );
}
