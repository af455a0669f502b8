/** The cookie a browser test sets to move the server's clock forward (read by lib/clock.ts). */
export const TEST_CLOCK_COOKIE = "mlprep-clock-offset-ms";
