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

/** The canonical name of a valid IANA zone ("europe/berlin" -> "Europe/Berlin"), else "UTC". */
export function resolveTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * The calendar date an instant (an ISO string) falls on in `timeZone`, day before month and the month
 * spelt out ("8 Dec 2026"), so no reader takes 08/12 for August 12th. A zone Intl does not know reads as UTC.
 */
export function calendarDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: resolveTimeZone(timeZone),
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(new Date(iso));
}
