import "server-only";
import { cookies } from "next/headers";
import { TEST_CLOCK_COOKIE } from "@/lib/clock-cookie";
import { env } from "@/lib/env";


/**
 * The time a request is served at. Domain code takes `now` as a parameter; this is where the server
 * chooses it. Browser tests that must see a card fall due (FSRS schedules an Again for minutes later)
 * move it forward with a cookie, which is ignored unless the server was started with MLPREP_TEST_CLOCK=1.
 */
export async function requestNow(): Promise<Date> {
  if (env.MLPREP_TEST_CLOCK !== "1") return new Date();
  const offset = Number((await cookies()).get(TEST_CLOCK_COOKIE)?.value ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
