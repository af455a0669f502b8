import { NextResponse } from "next/server";
import { getRequestUser } from "@/lib/auth/request-session";
import { db } from "@/lib/data/db";
import { findOwnAttempt } from "@/lib/data/user-attempts";
import { notFound, unauthorized } from "@/lib/http/responses";

/** GET /api/attempts/:attemptId: one of the caller's own attempts; anyone else's is a 404, as if it did not exist. */
export async function GET(request: Request, context: RouteContext<"/api/attempts/[attemptId]">) {
  const user = await getRequestUser(request);
  if (!user) return unauthorized();
  const { attemptId } = await context.params;
  const attempt = await findOwnAttempt(db, user.id, attemptId.slice(0, 64));
  if (!attempt) return notFound("Attempt");
  return NextResponse.json({ ...attempt, response: JSON.parse(attempt.response) as unknown });
}
