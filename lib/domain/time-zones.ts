/** Time zone names and days as the domain takes them. Pure and free of other imports, so client components may use it. */

const DAY_MS = 86_400_000;

/** The canonical name of a valid IANA zone ("europe/berlin" -> "Europe/Berlin"), else "UTC". */
export function resolveTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * How far `timeZone`'s wall clock is ahead of UTC at an instant (milliseconds since 1970), in milliseconds,
 * negative west of Greenwich; daylight saving included. One formatter serves every call of the function
 * returned: building one costs more than using it.
 */
export function offsetsIn(timeZone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (instant) => {
    const parts = format.formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    const wallClock = Date.UTC(
      part("year"),
      part("month") - 1,
      part("day"),
      part("hour"),
      part("minute"),
      part("second"),
    );
    return wallClock - (instant - (((instant % 1000) + 1000) % 1000));
  };
}

/**
 * The calendar date an instant falls on in `timeZone`, numbered as days since 1970-01-01: the zone's offset
 * (daylight saving included) moves the instant onto its wall clock, and plain integers make "the day before"
 * and ranges simple. Intl is the costly part of a long history's progress report, and offsets change a few
 * times a year:
 * when the offset at one UTC midnight is the one at the next, it held all day (no zone changes its offset
 * and back within a day), so the spans of a UTC day cost at most two lookups, shared with the days either
 * side; only a day with a change looks up each instant.
 */
export function dayNumbersIn(timeZone: string): (instant: Date) => number {
  const offsetAt = offsetsIn(timeZone);
  const offsetAtMidnight = new Map<number, number>();
  const midnight = (utcDay: number) => {
    let offset = offsetAtMidnight.get(utcDay);
    if (offset === undefined) offsetAtMidnight.set(utcDay, (offset = offsetAt(utcDay * DAY_MS)));
    return offset;
  };
  return (instant) => {
    const time = instant.getTime();
    const utcDay = Math.floor(time / DAY_MS);
    const offset = midnight(utcDay);
    return Math.floor((time + (offset === midnight(utcDay + 1) ? offset : offsetAt(time))) / DAY_MS);
  };
}
