"use client";
import { useId, useState } from "react";
import type { TermRef } from "@/lib/domain/question-view";

/**
 * Glossary terms for a question: chips for the chosen ones and a field that autocompletes from the
 * glossary (a native datalist: keyboard and screen-reader support come with it). A term is added by its
 * name or slug, and only if the glossary has it.
 */
export function TermPicker({
  id,
  label,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  options: TermRef[];
  value: string[];
  onChange: (slugs: string[]) => void;
  error?: string;
}) {
  const listId = useId();
  const [text, setText] = useState("");
  const [notFound, setNotFound] = useState<string | null>(null);
  const name = (slug: string) => options.find((option) => option.slug === slug)?.name ?? slug;

  function add() {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return;
    const match = options.find(
      (option) =>
        option.slug === wanted ||
        option.name.toLowerCase() === wanted ||
        `${option.name} (${option.slug})`.toLowerCase() === wanted,
    );
    if (!match) {
      setNotFound(`No glossary term "${text.trim()}"`);
      return;
    }
    setNotFound(null);
    setText("");
    if (!value.includes(match.slug)) onChange([...value, match.slug]);
  }

  const message = [notFound, error].filter(Boolean).join(". ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {value.length > 0 ? (
        <ul className="chips" aria-label={`Chosen ${label.toLowerCase()}`}>
          {value.map((slug) => (
            <li key={slug}>
              {name(slug)}{" "}
              <button
                type="button"
                className="button--quiet button--small"
                onClick={() => onChange(value.filter((other) => other !== slug))}
              >
                Remove<span className="visually-hidden"> {name(slug)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-field">
        <input
          id={id}
          list={listId}
          value={text}
          autoComplete="off"
          placeholder="Type a term, e.g. KV cache"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setNotFound(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--small" onClick={add}>
          Add term
        </button>
      </div>
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.slug} value={`${option.name} (${option.slug})`} />
        ))}
      </datalist>
      {message ? (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
