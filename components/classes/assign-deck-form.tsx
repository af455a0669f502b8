"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { endOfDayIn } from "@/lib/domain/due-dates";
import { apiFetch } from "@/lib/http/api-fetch";
import type { AssignmentSaved } from "@/lib/http/contracts";
import { fieldErrors } from "@/components/author/field-errors";

type Props = {
  classId: string;
  decks: { id: string; label: string }[];
  /** The instructor's zone as the server read it (lib/time-zone.ts), the one the page shows due dates in. */
  timeZone: string;
};

/**
 * Assigns a deck, or changes the due date of one already assigned. The date picked is sent as the end of
 * that day in the instructor's zone (lib/domain/due-dates.ts), so members are behind only once it is over.
 */
export function AssignDeckForm({ classId, decks, timeZone }: Props) {
  const router = useRouter();
  const [deckId, setDeckId] = useState(decks[0]?.id ?? "");
  const [date, setDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const dueDate = date ? endOfDayIn(date, timeZone) : null;
    if (date && !dueDate) {
      setErrors({ dueDate: "Pick a date from the calendar" });
      return;
    }
    setErrors({});
    setBusy(true);
    const reply = await apiFetch<AssignmentSaved>(`/api/classes/${classId}/assignments`, {
      method: "POST",
      body: { deckId, dueDate: dueDate?.toISOString() ?? null },
    });
    setBusy(false);
    if (!reply.ok) {
      if (reply.field) setErrors({ [reply.field]: reply.error });
      setStatus(reply.error);
      return;
    }
    setStatus(`Assigned ${decks.find((deck) => deck.id === deckId)?.label ?? "the deck"}.`);
    router.refresh();
  }

  const shown = fieldErrors("assign", errors);
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="assign-deckId">Deck</label>
        <select
          id="assign-deckId"
          {...shown.props("deckId")}
          value={deckId}
          onChange={(event) => setDeckId(event.target.value)}
        >
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {deck.label}
            </option>
          ))}
        </select>
        {shown.message("deckId")}
      </div>
      <div className="field">
        <label htmlFor="assign-dueDate">Due date (optional)</label>
        <input
          id="assign-dueDate"
          type="date"
          {...shown.props("dueDate")}
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
        {shown.message("dueDate")}
      </div>
      <button type="submit" className="button button--primary" disabled={busy || decks.length === 0}>
        Assign
      </button>
      <p role="status" className="muted">
        {status}
      </p>
    </form>
  );
}
