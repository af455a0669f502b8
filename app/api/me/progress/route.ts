import { NextRequest } from "next/server";
import { z } from "zod";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { loadProgress } from "@/lib/data/progress";
import { route } from "@/lib/http/route";
import { ok } from "@/lib/outcome";
import { TIME_ZONE_COOKIE, timeZoneOrUtc } from "@/lib/time-zone";

/** GET /api/me/progress[?tz=Area/City]: the dashboard's data as JSON, for the signed-in user only. */
export const GET = route({
  role: "signed-in",
  // Any string: timeZoneOrUtc turns what is not a zone name into UTC.
  query: z.object({ tz: z.string().optional() }),
  headers: { "cache-control": "private, no-store" },
  handler: async ({ request, caller, query }) => {
    // Handlers get the request as a plain Request; NextRequest parses its cookies.
    const timeZone = timeZoneOrUtc(query.tz ?? new NextRequest(request).cookies.get(TIME_ZONE_COOKIE)?.value);
    return ok(await loadProgress(db, caller.id, await requestNow(), timeZone));
  },
});
