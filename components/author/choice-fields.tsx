"use client";
import { MAX_CHOICES, type QuestionInput } from "@/lib/schemas/authoring";
import { ChoiceOrderAndAdvice } from "./choice-advice";
import type { QuestionFieldsProps } from "./field-errors";

type ChoiceQuestion = Extract<QuestionInput, { type: "single" | "multiple" }>;

/** The choices of a single or multiple choice question: text, which are right, optional feedback for each. */
export function ChoiceFields({ question, update, fieldProps, errorFor }: QuestionFieldsProps<ChoiceQuestion>) {
  const choices = question.choices;
  // A single-choice question has one right answer: marking one unmarks the others.
  const setChoice = (index: number, patch: Partial<(typeof choices)[number]>) =>
    update({
      choices: choices.map((choice, other) =>
        other === index
          ? { ...choice, ...patch }
          : question.type === "single" && patch.correct
            ? { ...choice, correct: false }
            : choice,
      ),
    });
  return (
    <fieldset className="field" {...fieldProps("choices")}>
      <legend>Choices ({question.type === "single" ? "mark the one right answer" : "mark every right answer"})</legend>
      {choices.map((choice, index) => (
        <div key={index} className="choice-editor">
          <label className="choice-label">
            <input
              type={question.type === "single" ? "radio" : "checkbox"}
              name="question-correct"
              checked={choice.correct}
              onChange={(event) => setChoice(index, { correct: event.target.checked })}
            />
            <span className="visually-hidden">Choice {index + 1} is right</span>
          </label>
          <input
            aria-label={`Choice ${index + 1}`}
            value={choice.text}
            onChange={(event) => setChoice(index, { text: event.target.value })}
          />
          <input
            aria-label={`Feedback for choice ${index + 1} (optional)`}
            placeholder="Feedback when picked (optional)"
            value={choice.feedback ?? ""}
            onChange={(event) => setChoice(index, { feedback: event.target.value || undefined })}
          />
          <button
            type="button"
            className="button--quiet button--small"
            onClick={() => update({ choices: choices.filter((_, other) => other !== index) })}
            disabled={choices.length <= 2}
          >
            Remove<span className="visually-hidden"> choice {index + 1}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => update({ choices: [...choices, { text: "", correct: false }] })}
        disabled={choices.length >= MAX_CHOICES}
      >
        Add choice
      </button>
      {errorFor("choices")}
      <ChoiceOrderAndAdvice question={question} update={update} />
    </fieldset>
  );
}
