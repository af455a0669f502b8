/**
 * A labelled text area for a short note (a report's note, an author's reply), with its hint and, after a
 * refusal, its error, both tied to it for screen readers.
 */
export function NoteField({
  id,
  label,
  hint,
  value,
  onChange,
  maxLength,
  error,
  rows = 3,
}: {
  id: string;
  label: string;
  hint: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  error: string | null;
  rows?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
      />
      <span id={`${id}-hint`} className="muted">
        {hint}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
