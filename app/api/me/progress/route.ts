import { NextResponse, type NextRequest } from "next/server";
import { getRequestUser } from "@/lib/auth/request-session";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { loadProgress } from "@/lib/data/progress";
import { unauthorized } from "@/lib/http/responses";
import { TIME_ZONE_COOKIE, timeZoneOrUtc } from "@/lib/time-zone";

/** GET /api/me/progress[?tz=Area/City]: the dashboard's data as JSON, for the signed-in user only. */
export async function GET(request: NextRequest) {
  const user = await getRequestUser(request);
  if (!user) return unauthorized();
  const timeZone = timeZoneOrUtc(request.nextUrl.searchParams.get("tz") ?? request.cookies.get(TIME_ZONE_COOKIE)?.value);
  const progress = await loadProgress(db, user.id, await requestNow(), timeZone);
  return NextResponse.json(progress, { headers: { "cache-control": "private, no-store" } });
}
