import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumbersIn } from "@/lib/domain/time-zones";

const DAY_MS = 86_400_000;
const ZONES = Intl.supportedValuesOf("timeZone");

/** The local date by asking Intl for every instant: what dayNumbersIn must give with its shortcuts. */
function directDayNumber(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / DAY_MS;
}

/** Every quarter hour of the UTC days from `first` to `last` ("YYYY-MM-DD"), in order. */
function quarterHours(first: string, last: string): Date[] {
  const instants: Date[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); time < Date.parse(`${last}T00:00:00Z`) + DAY_MS; time += 900_000) {
    instants.push(new Date(time));
  }
  return instants;
}

describe("dayNumbersIn", () => {
  it("gives the local date Intl gives, in every zone, for instants one function sees in any order", () => {
    // A run's instants lie within a few days of one another, in the months most zones change their
    // clocks, so one function's cached midnights meet offset changes; a millisecond either side of a
    // quarter hour is where a shortcut would go wrong.
    const month = fc.constantFrom(2, 3, 8, 9, 10);
    const around = fc.tuple(fc.integer({ min: 1970, max: 2039 }), month, fc.integer({ min: 1, max: 28 }));
    const nearby = fc.tuple(fc.integer({ min: -3 * 96, max: 3 * 96 }), fc.integer({ min: -1, max: 1 }));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        around,
        fc.array(nearby, { minLength: 1, maxLength: 60 }),
        (zone, [year, m, day], steps) => {
          const dayOf = dayNumbersIn(zone);
          const base = Date.UTC(year, m, day);
          for (const [quarter, millisecond] of steps) {
            const at = new Date(base + quarter * 900_000 + millisecond);
            expect(dayOf(at), `${zone} ${at.toISOString()}`).toBe(directDayNumber(zone, at));
          }
        },
      ),
      { numRuns: 1_500 },
    );
  });

  it("follows daylight saving changes on the day they happen, whole-hour, half-hour and at UTC midnight", () => {
    const cases = [
      { zone: "America/New_York", first: "2026-03-07", last: "2026-03-09" },
      { zone: "America/New_York", first: "2026-10-31", last: "2026-11-02" },
      { zone: "Australia/Lord_Howe", first: "2026-04-04", last: "2026-04-06" }, // +11 to +10:30
      { zone: "Pacific/Chatham", first: "2026-04-04", last: "2026-04-06" }, // +13:45 to +12:45
      { zone: "Atlantic/Azores", first: "2026-03-28", last: "2026-03-30" }, // changes at 01:00 UTC, its midnight
      { zone: "America/Santiago", first: "2026-04-04", last: "2026-04-06" },
      { zone: "Asia/Kathmandu", first: "2026-12-06", last: "2026-12-08" },
    ];
    for (const { zone, first, last } of cases) {
      const dayOf = dayNumbersIn(zone);
      for (const instant of quarterHours(first, last)) {
        for (const nudge of [-1, 0]) {
          const at = new Date(instant.getTime() + nudge);
          expect(dayOf(at), `${zone} ${at.toISOString()}`).toBe(directDayNumber(zone, at));
        }
      }
    }
  });
});
