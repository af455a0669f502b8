import { NextResponse } from "next/server";
import { getRequestUser } from "@/lib/auth/request-session";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { countDue } from "@/lib/data/review-cards";
import { findRole } from "@/lib/data/users";
import type { MeSummary } from "@/lib/http/contracts";

/**
 * GET /api/me/summary: who is signed in and how many reviews are due, for the header. The header asks
 * from the browser so that the public pages stay static (reading the session in the layout would make
 * every page dynamic).
 */
export async function GET(request: Request) {
  const user = await getRequestUser(request);
  const headers = { "cache-control": "private, no-store" };
  if (!user) return NextResponse.json({ signedIn: false } satisfies MeSummary, { headers });
  const [dueNow, role] = await Promise.all([countDue(db, user.id, await requestNow()), findRole(db, user.id)]);
  return NextResponse.json({ signedIn: true, name: user.name, email: user.email, dueNow, role: role ?? "candidate" } satisfies MeSummary, { headers });
}
