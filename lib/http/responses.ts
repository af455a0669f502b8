import { NextResponse } from "next/server";
import type { z } from "zod";
import { zodFailure, type Failure, type FailureCode } from "@/lib/outcome";
import type { ErrorBody } from "./contracts";

/** The one table from a refusal's code to its HTTP status. */
export const FAILURE_STATUS: Record<FailureCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  unprocessable: 422,
  "rate-limited": 429,
};

/** A refusal as JSON: `{error, field?, problems?}` and whatever details the failure carries. */
export function failureResponse(failure: Failure): NextResponse<ErrorBody> {
  const body: ErrorBody & Record<string, unknown> = { error: failure.message };
  const headers = new Headers();
  if (failure.code === "invalid" || failure.code === "unprocessable") body.field = failure.field;
  if (failure.code === "invalid")
    Object.assign(body, failure.problems && { problems: failure.problems }, failure.details);
  if (failure.code === "rate-limited" && failure.retryAfterMs !== undefined)
    headers.set("retry-after", String(Math.ceil(failure.retryAfterMs / 1000)));
  return NextResponse.json(body, { status: FAILURE_STATUS[failure.code], headers });
}

export function badRequest(field: string, message: string): NextResponse<ErrorBody> {
  return failureResponse({ code: "invalid", message, field });
}

/** The first zod issue as a 400 naming its field ("response.text"), or "body" for the whole input. */
export function invalidInput(error: z.ZodError): NextResponse<ErrorBody> {
  return failureResponse(zodFailure(error));
}

/** A download: the file's bytes with its type and name, never cached by shared caches. */
export function fileResponse(file: { body: string; type: string; filename: string }, cacheControl: string): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": cacheControl,
    },
  });
}
