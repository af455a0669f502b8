/**
 * Numbers and dates as the pages show them, in one place so that every page rounds, pluralises and marks a missing
 * value the same way. Pure: pages, components and tests import it alike.
 */

/** What a table cell shows when there is no value to show (no answers yet, nothing to divide). */
export const NO_VALUE = "–";

/** A share in 0..1 as a whole percentage: 0.456 → "46%"; null (nothing measured) → "–". */
export function percent(share: number | null): string {
  return share === null ? NO_VALUE : `${Math.round(share * 100)}%`;
}

/** A count with its noun: "1 answer", "3 answers"; `pluralForm` for nouns that do not take an s. */
export function plural(count: number, noun: string, pluralForm = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralForm}`;
}

/** A countdown as minutes and seconds: 605_000 ms → "10:05"; partial seconds are dropped, never rounded up. */
export function minutesAndSeconds(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
