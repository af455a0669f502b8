"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TOPIC_LABELS, TOPICS } from "@/lib/content/topics";
import { DECK_LEVELS, type DeckFrontMatter } from "@/lib/schemas/deck";
import { deckInputSchema } from "@/lib/schemas/authoring";
import { apiFetch } from "@/lib/http/api-fetch";
import type { Saved } from "@/lib/http/contracts";
import { fieldErrors } from "./field-errors";

const EMPTY: DeckFrontMatter = { title: "", topic: "fundamentals", description: "", level: "intermediate" };

/** Creates a deck (then opens its editor) or saves an existing deck's title, topic, description and level. */
export function DeckForm({ deckId, initial = EMPTY }: { deckId?: string; initial?: DeckFrontMatter }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof DeckFrontMatter, value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = deckInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    const reply = await apiFetch<Saved>(deckId ? `/api/author/decks/${deckId}` : "/api/author/decks", {
      method: deckId ? "PATCH" : "POST",
      body: parsed.data,
    });
    setBusy(false);
    if (!reply.ok) {
      if (reply.field) setErrors({ [reply.field]: reply.error });
      setStatus(reply.error);
      return;
    }
    if (deckId) {
      setStatus("Saved.");
      router.refresh();
    } else {
      router.push(`/author/decks/${reply.data.id}`);
    }
  }

  const shown = fieldErrors("deck", errors);
  const field = (key: keyof DeckFrontMatter) => ({ id: `deck-${key}`, ...shown.props(key) });
  const error = shown.message;

  return (
    <form className="stack-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="deck-title">Title</label>
        <input
          {...field("title")}
          value={values.title}
          onChange={(event) => set("title", event.target.value)}
          maxLength={120}
          required
        />
        {error("title")}
      </div>
      <div className="field">
        <label htmlFor="deck-topic">Topic</label>
        <select {...field("topic")} value={values.topic} onChange={(event) => set("topic", event.target.value)}>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {TOPIC_LABELS[topic]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="deck-description">Description</label>
        <textarea
          {...field("description")}
          value={values.description}
          onChange={(event) => set("description", event.target.value)}
          maxLength={300}
          rows={2}
        />
        {error("description")}
      </div>
      <div className="field">
        <label htmlFor="deck-level">Level</label>
        <select {...field("level")} value={values.level} onChange={(event) => set("level", event.target.value)}>
          {DECK_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {deckId ? "Save deck" : "Create deck"}
      </button>
      <p role="status" className="muted">
        {status}
      </p>
    </form>
  );
}
