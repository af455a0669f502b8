"use client";
import { useState } from "react";

type Props = {
  id: string;
  label: string;
  button: string;
  maxLength: number;
  /** Does the work; answers the message to show under the field, or null when it went through. */
  submit: (value: string) => Promise<string | null>;
};

/** A labelled text field and its button, with the error the submit answered shown next to the field. */
export function OneFieldForm({ id, label, button, maxLength, submit }: Props) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const problem = await submit(value);
    setBusy(false);
    setError(problem);
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          maxLength={maxLength}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {button}
      </button>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
