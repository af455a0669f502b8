import { NextResponse } from "next/server";
import { getRequestUser } from "@/lib/auth/request-session";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { unauthorized } from "@/lib/http/responses";
import { recordAnswer } from "@/lib/practice/answer";
import { answerErrorResponse } from "@/lib/practice/answer-errors";
import { submitAnswerSchema } from "@/lib/schemas/attempt";

/**
 * POST /api/attempts: records a signed-in user's answer and moves their FSRS card. Idempotent on the
 * client's attemptId: a retry gets the first outcome back and writes nothing. 400 names the bad field.
 */
export async function POST(request: Request) {
  const user = await getRequestUser(request);
  if (!user) return unauthorized();
  const input = await parseJsonBody(request, submitAnswerSchema, BODY_LIMITS.answer);
  if (!input.ok) return input.response;
  try {
    return NextResponse.json(await recordAnswer(db, user.id, input.data, await requestNow()));
  } catch (error) {
    return answerErrorResponse(error);
  }
}
