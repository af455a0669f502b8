import { NextResponse } from "next/server";
import { DATABASE_KIND } from "@/lib/data/db";
import { isDatabaseReachable } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** GET /api/health: 200 once the database answers, 503 otherwise (for load balancers and start-up checks). */
export async function GET() {
  const ok = await isDatabaseReachable();
  return NextResponse.json({ ok, db: DATABASE_KIND }, { status: ok ? 200 : 503 });
}
