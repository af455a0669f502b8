/** The cookie a browser test sets to move the server's clock forward (read by lib/clock.ts). */
export const TEST_CLOCK_COOKIE = "mlprep-clock-offset-ms";

/** The furthest a test may move the clock: past a year of review intervals, and no further. */
export const MAX_TEST_CLOCK_OFFSET_MS = 400 * 24 * 60 * 60 * 1000;

/** The cookie's offset in whole milliseconds, from 0 to the cap: never backwards, garbage moves nothing. */
export function testClockOffset(cookie: string | undefined): number {
  const offset = Number(cookie ?? 0);
  if (!Number.isFinite(offset)) return 0;
  return Math.min(Math.max(Math.trunc(offset), 0), MAX_TEST_CLOCK_OFFSET_MS);
}
