import { NextResponse } from "next/server";
import type { z } from "zod";
import type { ErrorBody } from "./contracts";

export function badRequest(field: string, message: string): NextResponse<ErrorBody> {
  return NextResponse.json({ error: message, field }, { status: 400 });
}

/** The first zod issue as a 400 naming its field ("response.text"), or "body" for the whole input. */
export function invalidInput(error: z.ZodError): NextResponse<ErrorBody> {
  const issue = error.issues[0]!;
  return badRequest(issue.path.length ? issue.path.join(".") : "body", issue.message);
}

export function unauthorized(): NextResponse<ErrorBody> {
  return NextResponse.json({ error: "Sign in to do this" }, { status: 401 });
}

export function forbiddenResponse(): NextResponse<ErrorBody> {
  return NextResponse.json({ error: "Your account may not do this" }, { status: 403 });
}

export function notFound(what: string): NextResponse<ErrorBody> {
  return NextResponse.json({ error: `${what} not found` }, { status: 404 });
}
