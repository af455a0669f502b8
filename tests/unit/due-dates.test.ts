import { describe, expect, it } from "vitest";
import { isBehind } from "@/lib/domain/class-progress";
import { dueText, endOfDayIn, formatDueDate } from "@/lib/domain/due-dates";

describe("endOfDayIn", () => {
  it("is the last millisecond of the day in the zone", () => {
    expect(endOfDayIn("2026-12-14", "UTC")?.toISOString()).toBe("2026-12-14T23:59:59.999Z");
    expect(endOfDayIn("2026-12-14", "Europe/Berlin")?.toISOString()).toBe("2026-12-14T22:59:59.999Z");
    expect(endOfDayIn("2026-07-14", "America/New_York")?.toISOString()).toBe("2026-07-15T03:59:59.999Z");
    expect(endOfDayIn("2026-12-14", "Asia/Kolkata")?.toISOString()).toBe("2026-12-14T18:29:59.999Z");
  });

  it("follows daylight saving changes on the day itself", () => {
    // Berlin moves to summer time on 29 March 2026: that day ends at 22:00 UTC, the day before at 23:00.
    expect(endOfDayIn("2026-03-28", "Europe/Berlin")?.toISOString()).toBe("2026-03-28T22:59:59.999Z");
    expect(endOfDayIn("2026-03-29", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T21:59:59.999Z");
    // New York goes back to standard time on 1 November 2026.
    expect(endOfDayIn("2026-11-01", "America/New_York")?.toISOString()).toBe("2026-11-02T04:59:59.999Z");
  });

  it("takes an unknown zone as UTC and refuses what is not a calendar date", () => {
    expect(endOfDayIn("2026-12-14", "Not/AZone")?.toISOString()).toBe("2026-12-14T23:59:59.999Z");
    expect(endOfDayIn("2026-02-30", "UTC")).toBeNull();
    expect(endOfDayIn("14/12/2026", "UTC")).toBeNull();
    expect(endOfDayIn("", "UTC")).toBeNull();
  });

  it("counts a member behind only once the chosen day is over in the instructor's zone", () => {
    const due = endOfDayIn("2026-12-14", "Europe/Berlin")!;
    const undone = { seen: 0, questions: 3 };
    expect(isBehind(undone, due, new Date("2026-12-14T22:59:59.000Z"))).toBe(false);
    expect(isBehind(undone, due, new Date("2026-12-14T23:00:00.000Z"))).toBe(true);
  });
});

describe("formatDueDate", () => {
  it("shows the day the due date ends in the zone", () => {
    const due = endOfDayIn("2026-12-14", "America/Los_Angeles")!.toISOString();
    expect(formatDueDate(due, "America/Los_Angeles")).toBe("Mon, 14 Dec 2026");
    expect(formatDueDate(due, "Europe/Berlin")).toBe("Tue, 15 Dec 2026");
    expect(formatDueDate(null, "UTC")).toBe("No due date");
  });

  it("reads a zone Intl does not know as UTC, and says it in running text", () => {
    expect(formatDueDate("2026-12-08T23:30:00.000Z", "Mars/Olympus_Mons")).toBe("Tue, 8 Dec 2026");
    expect(dueText("2026-12-08T23:30:00.000Z", "Europe/Berlin")).toBe("due Wed, 9 Dec 2026");
    expect(dueText(null, "Europe/Berlin")).toBe("no due date");
  });
});
