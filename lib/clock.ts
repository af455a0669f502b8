import "server-only";
import { cookies } from "next/headers";
import { TEST_CLOCK_COOKIE, testClockOffset } from "@/lib/clock-cookie";
import { env } from "@/lib/env";

/**
 * The time a request is served at. Domain code takes `now` as a parameter; this is where the server
 * chooses it. Browser tests that must see a card fall due (FSRS schedules an Again for minutes later)
 * move it forward with a cookie, by at most 400 days, which is ignored unless the server was started with
 * MLPREP_TEST_CLOCK=1 (and so bound to loopback only, lib/env-schema.ts).
 */
export async function requestNow(): Promise<Date> {
  if (env.MLPREP_TEST_CLOCK !== "1") return new Date();
  return new Date(Date.now() + testClockOffset((await cookies()).get(TEST_CLOCK_COOKIE)?.value));
}
