import { describe, expect, it } from "vitest";
import { minutesAndSeconds, percent, plural } from "@/lib/domain/format";
import { resolveTimeZone } from "@/lib/domain/time-zones";

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

describe("resolveTimeZone", () => {
  it("names a known zone canonically and falls back to UTC", () => {
    expect(resolveTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(resolveTimeZone("Nowhere/Special")).toBe("UTC");
  });
});
