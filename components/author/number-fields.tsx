"use client";
import type { QuestionInput } from "@/lib/schemas/authoring";
import type { QuestionFieldsProps } from "./field-errors";
import { NEW_PARAM } from "./question-defaults";

type NumberQuestion = Extract<QuestionInput, { type: "numeric" | "calculated" }>;
type CalculatedQuestion = Extract<QuestionInput, { type: "calculated" }>;
type Range = CalculatedQuestion["params"][string];

/** A numeric question's answer, or a calculated one's parameters and formula; then the tolerance and unit both have. */
export function NumberFields(props: QuestionFieldsProps<NumberQuestion>) {
  const { question, update, fieldProps, errorFor } = props;
  return (
    <>
      {question.type === "numeric" ? (
        <div className="field">
          <label htmlFor="question-answer">Answer</label>
          <input
            id="question-answer"
            type="number"
            step="any"
            value={Number.isFinite(question.answer) ? question.answer : ""}
            onChange={(event) =>
              update({ answer: event.target.value === "" ? Number.NaN : Number(event.target.value) })
            }
            {...fieldProps("answer")}
          />
          {errorFor("answer")}
        </div>
      ) : (
        <ParamFields {...props} question={question} />
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor="question-tolerance-kind">Tolerance</label>
          <select
            id="question-tolerance-kind"
            value={question.tolerance.kind}
            onChange={(event) =>
              update({
                tolerance: {
                  kind: event.target.value as "absolute" | "relative",
                  value: event.target.value === "relative" ? 0.01 : 0,
                },
              })
            }
          >
            <option value="relative">Relative (%)</option>
            <option value="absolute">Absolute</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="question-tolerance">
            {question.tolerance.kind === "relative" ? "Tolerance in %" : "Tolerance (±)"}
          </label>
          {/* A relative tolerance is stored as a fraction and typed as a percentage; toPrecision drops the float noise of × 100. */}
          <input
            id="question-tolerance"
            type="number"
            step="any"
            min={0}
            value={
              question.tolerance.kind === "relative"
                ? Number((question.tolerance.value * 100).toPrecision(6))
                : question.tolerance.value
            }
            onChange={(event) => {
              const value = Number(event.target.value);
              update({
                tolerance: {
                  kind: question.tolerance.kind,
                  value: question.tolerance.kind === "relative" ? value / 100 : value,
                },
              });
            }}
            {...fieldProps("tolerance")}
          />
          {errorFor("tolerance")}
        </div>
        <div className="field">
          <label htmlFor="question-unit">Unit (optional)</label>
          <input
            id="question-unit"
            value={question.unit ?? ""}
            maxLength={20}
            onChange={(event) => update({ unit: event.target.value.trim() ? event.target.value : undefined })}
            {...fieldProps("unit")}
          />
          {errorFor("unit")}
        </div>
      </div>
    </>
  );
}

/** A calculated question's parameters (each drawn from its range at every attempt) and the formula over them. */
function ParamFields({ question, update, fieldProps, errorFor }: QuestionFieldsProps<CalculatedQuestion>) {
  // Edited as a list so that renaming a parameter keeps its place and its range.
  const entries = Object.entries(question.params);
  const setEntries = (next: [string, Range][]) => update({ params: Object.fromEntries(next) });
  return (
    <>
      <fieldset className="field" {...fieldProps("params")}>
        <legend>Parameters (each attempt draws min, min + step, …, max)</legend>
        {entries.map(([name, range], index) => (
          <div key={index} className="param-editor">
            <input
              aria-label={`Parameter ${index + 1} name`}
              value={name}
              onChange={(event) =>
                setEntries(entries.map((entry, other) => (other === index ? [event.target.value, range] : entry)))
              }
            />
            {(["min", "max", "step"] as const).map((key) => (
              <input
                key={key}
                type="number"
                step="any"
                aria-label={`Parameter ${index + 1} ${key}`}
                value={range[key]}
                onChange={(event) =>
                  setEntries(
                    entries.map((entry, other) =>
                      other === index ? [name, { ...range, [key]: Number(event.target.value) }] : entry,
                    ),
                  )
                }
              />
            ))}
            <button
              type="button"
              className="button--quiet button--small"
              onClick={() => setEntries(entries.filter((_, other) => other !== index))}
            >
              Remove<span className="visually-hidden"> parameter {index + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => setEntries([...entries, [`p${entries.length + 1}`, NEW_PARAM]])}
        >
          Add parameter
        </button>
        {errorFor("params")}
      </fieldset>
      <div className="field">
        <label htmlFor="question-formula">Formula</label>
        <input
          id="question-formula"
          value={question.formula}
          onChange={(event) => update({ formula: event.target.value })}
          {...fieldProps("formula")}
        />
        <p className="muted small">
          + - * / ^ and parentheses; sqrt, ln, log2, log10, exp, abs, min, max, ceil, floor, round; pi.
        </p>
        {errorFor("formula")}
      </div>
    </>
  );
}
