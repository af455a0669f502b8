"use client";
import type { AnswerResponse, SelfGrade } from "@/lib/domain/grading";
import { MAX_OPEN_ANSWER, MAX_SHORT_ANSWER, SELF_GRADES } from "@/lib/domain/grading";
import type { QuestionView } from "@/lib/domain/question-view";

/** What the candidate has entered so far, before it becomes an AnswerResponse. */
export type Draft = { choices: number[]; value: boolean | null; text: string };

export const EMPTY_DRAFT: Draft = { choices: [], value: null, text: "" };

export const SELF_GRADE_LABELS: Record<SelfGrade, string> = {
  again: "Again",
  hard: "Hard",
  good: "Good",
  easy: "Easy",
};

/** Choices are sent as shown, with the seed that ordered them: the server maps them back. */
const shownWith = (view: QuestionView) => (view.seed === undefined ? {} : { seed: view.seed });

/** The response a draft makes, or null while it is incomplete (nothing picked, no number). */
export function responseFromDraft(view: QuestionView, draft: Draft, selfGrade?: SelfGrade): AnswerResponse | null {
  switch (view.type) {
    case "single":
      return draft.choices.length === 1 ? { type: "single", choice: draft.choices[0]!, ...shownWith(view) } : null;
    case "multiple":
      return draft.choices.length
        ? { type: "multiple", choices: [...draft.choices].sort((a, b) => a - b), ...shownWith(view) }
        : null;
    case "true-false":
      return draft.value === null ? null : { type: "true-false", value: draft.value };
    case "numeric":
    case "calculated": {
      const text = draft.text.trim().replace(/,/g, "");
      const value = Number(text);
      if (text === "" || !Number.isFinite(value)) return null;
      return view.type === "numeric" ? { type: "numeric", value } : { type: "calculated", value, seed: view.seed ?? 0 };
    }
    case "short":
      return draft.text.trim() ? { type: "short", text: draft.text } : null;
    case "open":
      return selfGrade ? { type: "open", text: draft.text, selfGrade } : null;
  }
}

const isNumberAnswer = (view: QuestionView) => view.type === "numeric" || view.type === "calculated";

/** Applies the digit key `n` (1-based) to a draft: pick, toggle, or choose True (1) / False (2). */
export function draftWithDigit(view: QuestionView, draft: Draft, n: number): Draft {
  if (view.type === "true-false" && (n === 1 || n === 2)) return { ...draft, value: n === 1 };
  const count = view.choices?.length ?? 0;
  if (n > count) return draft;
  const index = n - 1;
  if (view.type === "single") return { ...draft, choices: [index] };
  if (view.type === "multiple") {
    const choices = draft.choices.includes(index)
      ? draft.choices.filter((choice) => choice !== index)
      : [...draft.choices, index];
    return { ...draft, choices };
  }
  return draft;
}

type Props = {
  view: QuestionView;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  disabled: boolean;
  /** After answering: which choices were right, to mark them. */
  correctChoices?: number[];
  choiceFeedback?: (string | null)[];
};

/** The answer controls for one question: radios, checkboxes, a number or text field, or a textarea. */
export function AnswerInput({ view, draft, onDraft, disabled, correctChoices, choiceFeedback }: Props) {
  if (view.type === "single" || view.type === "multiple") {
    const multiple = view.type === "multiple";
    return (
      <fieldset className="choices" disabled={disabled}>
        <legend className="visually-hidden">
          {multiple ? "Select every answer that applies" : "Choose one answer"}
        </legend>
        {multiple ? <p className="muted choices__hint">Select every answer that applies.</p> : null}
        {view.choices!.map((html, index) => {
          const checked = draft.choices.includes(index);
          const verdict = correctChoices
            ? correctChoices.includes(index)
              ? "correct"
              : checked
                ? "wrong"
                : undefined
            : undefined;
          const feedback = correctChoices && (checked || verdict === "correct") ? choiceFeedback?.[index] : null;
          return (
            <label key={index} className="choice" data-verdict={verdict} data-checked={checked || undefined}>
              <input
                type={multiple ? "checkbox" : "radio"}
                name={`answer-${view.id}`}
                checked={checked}
                onChange={() => onDraft(draftWithDigit(view, draft, index + 1))}
              />
              <kbd aria-hidden="true">{index + 1}</kbd>
              <span className="choice__text">
                <span dangerouslySetInnerHTML={{ __html: html }} />
                {verdict === "correct" ? <span className="verdict-tag">Correct answer</span> : null}
                {verdict === "wrong" ? <span className="verdict-tag verdict-tag--wrong">Your pick</span> : null}
                {feedback ? (
                  <small className="choice__feedback" dangerouslySetInnerHTML={{ __html: feedback }} />
                ) : null}
              </span>
            </label>
          );
        })}
      </fieldset>
    );
  }
  if (view.type === "true-false") {
    return (
      <fieldset className="choices choices--inline" disabled={disabled}>
        <legend className="visually-hidden">True or false</legend>
        {[true, false].map((value, index) => (
          <label key={String(value)} className="choice" data-checked={draft.value === value || undefined}>
            <input
              type="radio"
              name={`answer-${view.id}`}
              checked={draft.value === value}
              onChange={() => onDraft({ ...draft, value })}
            />
            <kbd aria-hidden="true">{index + 1}</kbd>
            <span>{value ? "True" : "False"}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  if (view.type === "open") {
    return (
      <div className="field">
        <label htmlFor={`answer-${view.id}`}>Your answer</label>
        <textarea
          id={`answer-${view.id}`}
          rows={8}
          maxLength={MAX_OPEN_ANSWER}
          value={draft.text}
          disabled={disabled}
          onChange={(event) => onDraft({ ...draft, text: event.target.value })}
          aria-describedby={`answer-${view.id}-hint`}
        />
        <small id={`answer-${view.id}-hint`} className="muted">
          Write it as you would say it in the interview, then compare with the model answer. <kbd>Ctrl</kbd>+
          <kbd>Enter</kbd> shows it.
        </small>
      </div>
    );
  }
  return (
    <div className="field field--inline">
      <label htmlFor={`answer-${view.id}`}>{isNumberAnswer(view) ? "Your answer (a number)" : "Your answer"}</label>
      <div className="input-with-unit">
        <input
          id={`answer-${view.id}`}
          type="text"
          inputMode={isNumberAnswer(view) ? "decimal" : "text"}
          autoComplete="off"
          spellCheck={view.type === "short"}
          maxLength={isNumberAnswer(view) ? 64 : MAX_SHORT_ANSWER}
          value={draft.text}
          disabled={disabled}
          onChange={(event) => onDraft({ ...draft, text: event.target.value })}
        />
        {view.unit ? <span className="unit">{view.unit}</span> : null}
      </div>
    </div>
  );
}

export function SelfGradeButtons({ onGrade, disabled }: { onGrade: (grade: SelfGrade) => void; disabled: boolean }) {
  return (
    <div className="self-grade" role="group" aria-label="How well did your answer match?">
      {SELF_GRADES.map((grade, index) => (
        <button key={grade} type="button" className="button" disabled={disabled} onClick={() => onGrade(grade)}>
          <kbd aria-hidden="true">{index + 1}</kbd> {SELF_GRADE_LABELS[grade]}
        </button>
      ))}
    </div>
  );
}
