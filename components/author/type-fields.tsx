"use client";
import { ChoiceFields } from "./choice-fields";
import type { QuestionFieldsProps } from "./field-errors";
import { NumberFields } from "./number-fields";

/** One entry per non-empty line: accepted answers and rubric points are written a line each. */
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The parts only some types have: choices, an answer with its tolerance, parameters, accepted answers, a model answer. */
export function TypeFields(props: QuestionFieldsProps) {
  const { question, update, fieldProps, errorFor } = props;
  switch (question.type) {
    case "single":
    case "multiple":
      return <ChoiceFields {...props} question={question} />;
    case "numeric":
    case "calculated":
      return <NumberFields {...props} question={question} />;
    case "true-false":
      return (
        <fieldset className="field">
          <legend>Answer</legend>
          {[true, false].map((value) => (
            <label key={String(value)} className="choice-label">
              <input
                type="radio"
                name="question-answer"
                checked={question.answer === value}
                onChange={() => update({ answer: value })}
              />{" "}
              {value ? "True" : "False"}
            </label>
          ))}
        </fieldset>
      );
    case "short":
      return (
        <div className="field">
          <label htmlFor="question-accept">Accepted answers (one per line)</label>
          <textarea
            id="question-accept"
            rows={3}
            value={question.accept.join("\n")}
            onChange={(event) => update({ accept: lines(event.target.value) })}
            {...fieldProps("accept")}
          />
          <p className="muted small">Case, spacing, accents and end punctuation are ignored when grading.</p>
          {errorFor("accept")}
        </div>
      );
    case "open":
      return (
        <>
          <div className="field">
            <label htmlFor="question-model-answer">Model answer</label>
            <textarea
              id="question-model-answer"
              rows={6}
              value={question.modelAnswer}
              onChange={(event) => update({ modelAnswer: event.target.value })}
              {...fieldProps("modelAnswer")}
            />
            {errorFor("modelAnswer")}
          </div>
          <div className="field">
            <label htmlFor="question-rubric">Rubric (one point per line)</label>
            <textarea
              id="question-rubric"
              rows={4}
              value={question.rubric.join("\n")}
              onChange={(event) => update({ rubric: lines(event.target.value) })}
              {...fieldProps("rubric")}
            />
            {errorFor("rubric")}
          </div>
        </>
      );
  }
}
