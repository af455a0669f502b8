import "server-only";
import { cookies } from "next/headers";

/** The cookie components/ui/time-zone-cookie.tsx sets to the browser's IANA time zone. */
export const TIME_ZONE_COOKIE = "tz";

/** An IANA zone name as given, or UTC for anything that does not look like one (computeProgress checks it again). */
export function timeZoneOrUtc(zone: string | null | undefined): string {
  return zone && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) ? zone : "UTC";
}

/** The user's time zone for day boundaries (streaks, the calendar), UTC until the browser has said. */
export async function requestTimeZone(): Promise<string> {
  return timeZoneOrUtc((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}
