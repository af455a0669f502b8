import "server-only";
import { cookies } from "next/headers";

/** The cookie components/ui/time-zone-cookie.tsx sets to the browser's IANA time zone. */
export const TIME_ZONE_COOKIE = "tz";

/** The user's time zone for day boundaries (streaks, the calendar), UTC until the browser has said. */
export async function requestTimeZone(): Promise<string> {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return zone && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) ? zone : "UTC";
}
