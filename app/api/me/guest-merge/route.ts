import { NextResponse } from "next/server";
import { getRequestUser } from "@/lib/auth/request-session";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { unauthorized } from "@/lib/http/responses";
import { answerErrorResponse } from "@/lib/practice/answer-errors";
import { mergeGuestAttempts } from "@/lib/practice/merge-guest";
import { guestMergeSchema } from "@/lib/schemas/guest-merge";

/** POST /api/me/guest-merge: moves the answers a guest kept in the browser into the signed-in account, once. */
export async function POST(request: Request) {
  const user = await getRequestUser(request);
  if (!user) return unauthorized();
  const input = await parseJsonBody(request, guestMergeSchema, BODY_LIMITS.guestMerge);
  if (!input.ok) return input.response;
  try {
    return NextResponse.json(await mergeGuestAttempts(db, user.id, input.data, await requestNow()));
  } catch (error) {
    return answerErrorResponse(error);
  }
}
