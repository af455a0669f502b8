import { describe, expect, it } from "vitest";
import { calendarDate, minutesAndSeconds, percent, plural, resolveTimeZone } from "@/lib/domain/format";

describe("percent", () => {
  it("rounds a share to a whole percentage", () => {
    expect(percent(0)).toBe("0%");
    expect(percent(0.456)).toBe("46%");
    expect(percent(0.004)).toBe("0%");
    expect(percent(1)).toBe("100%");
  });

  it("shows a dash when nothing was measured", () => {
    expect(percent(null)).toBe("–");
  });
});

describe("plural", () => {
  it("adds an s to every count but one", () => {
    expect(plural(1, "answer")).toBe("1 answer");
    expect(plural(0, "answer")).toBe("0 answers");
    expect(plural(2, "draft question")).toBe("2 draft questions");
  });

  it("takes an irregular plural", () => {
    expect(plural(3, "match", "matches")).toBe("3 matches");
    expect(plural(1, "match", "matches")).toBe("1 match");
  });
});

describe("minutesAndSeconds", () => {
  it("pads the seconds and keeps the minutes whole", () => {
    expect(minutesAndSeconds(10 * 60_000)).toBe("10:00");
    expect(minutesAndSeconds(605_000)).toBe("10:05");
    expect(minutesAndSeconds(59_999)).toBe("0:59");
  });

  it("never shows a negative time", () => {
    expect(minutesAndSeconds(0)).toBe("0:00");
    expect(minutesAndSeconds(-1500)).toBe("0:00");
  });
});

describe("calendarDate", () => {
  // The end of 8 December in Berlin, as the class page sends a due date: still the 8th there, the 9th in Tokyo.
  const endOfDayBerlin = "2026-12-08T22:59:59.000Z";

  it("is the date the instant falls on in the reader's zone", () => {
    expect(calendarDate(endOfDayBerlin, "Europe/Berlin")).toBe("8 Dec 2026");
    expect(calendarDate(endOfDayBerlin, "Asia/Tokyo")).toBe("9 Dec 2026");
    expect(calendarDate(endOfDayBerlin, "America/New_York")).toBe("8 Dec 2026");
  });

  it("reads a zone Intl does not know as UTC", () => {
    expect(calendarDate("2026-12-08T23:30:00.000Z", "Mars/Olympus_Mons")).toBe("8 Dec 2026");
    expect(calendarDate("2026-12-08T23:30:00.000Z", "Europe/Berlin")).toBe("9 Dec 2026");
  });
});

describe("resolveTimeZone", () => {
  it("names a known zone canonically and falls back to UTC", () => {
    expect(resolveTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(resolveTimeZone("Nowhere/Special")).toBe("UTC");
  });
});
