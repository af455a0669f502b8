import { NextResponse } from "next/server";
import { db } from "@/lib/data/db";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { gradeGuestAnswer } from "@/lib/practice/answer";
import { answerErrorResponse } from "@/lib/practice/answer-errors";
import { submitAnswerSchema } from "@/lib/schemas/attempt";

/** POST /api/grade: grades a guest's answer and writes nothing (guests keep progress in the browser). */
export async function POST(request: Request) {
  const input = await parseJsonBody(request, submitAnswerSchema, BODY_LIMITS.answer);
  if (!input.ok) return input.response;
  try {
    return NextResponse.json(await gradeGuestAnswer(db, input.data));
  } catch (error) {
    return answerErrorResponse(error);
  }
}
