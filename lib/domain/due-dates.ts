import { offsetsIn, resolveTimeZone } from "./time-zones";

/**
 * Assignment due dates (issue 15). An instructor picks a calendar date; the class stores an instant, the
 * last millisecond of that day in the instructor's time zone, because isBehind (class-progress.ts) counts a
 * member behind once `dueDate <= now`: work done at any time on the chosen day is on time. Pure, so the
 * assignment form can run it in the browser with the zone the server read (lib/time-zone.ts).
 */

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The end of a date input's day ("2026-12-14") in `timeZone`: one millisecond before the zone's next
 * midnight. The offset is looked up twice because the first guess may sit across a daylight-saving change
 * from the midnight sought. Null for anything that is not a real calendar date.
 */
export function endOfDayIn(date: string, timeZone: string): Date | null {
  const match = DATE_INPUT.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const startOfDay = new Date(Date.UTC(year, month - 1, day));
  if (
    startOfDay.getUTCFullYear() !== year ||
    startOfDay.getUTCMonth() !== month - 1 ||
    startOfDay.getUTCDate() !== day
  ) {
    return null;
  }
  const offsetAt = offsetsIn(resolveTimeZone(timeZone));
  const nextMidnight = Date.UTC(year, month - 1, day + 1);
  const guess = nextMidnight - offsetAt(nextMidnight);
  return new Date(nextMidnight - offsetAt(guess) - 1);
}

/** A stored due date as the day it ends in `timeZone`: "Mon, 14 Dec 2026"; "No due date" for none. */
export function formatDueDate(dueDate: string | null, timeZone: string): string {
  if (dueDate === null) return "No due date";
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: resolveTimeZone(timeZone),
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(new Date(dueDate));
}

/** A due date as a phrase in running text: "due Mon, 14 Dec 2026", or "no due date". */
export function dueText(dueDate: string | null, timeZone: string): string {
  return dueDate === null ? "no due date" : `due ${formatDueDate(dueDate, timeZone)}`;
}
