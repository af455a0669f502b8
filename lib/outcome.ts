import type { z } from "zod";

/**
 * What an operation that can be refused answers: its value, or why not. One shape from the data layer up
 * to the route and action wrappers (lib/http/route.ts, lib/actions/action.ts), which turn a failure into
 * a status or a form message in one table each. Pure: no HTTP here, so the data layer speaks in codes and
 * the wrappers decide what a code means on the wire. Exceptions are left for bugs.
 */
export type FieldProblem = { field: string; message: string };

export type Failure =
  /** Input at fault: `field` names it; `problems` lists every one when there are several. */
  | { code: "invalid"; message: string; field: string; problems?: FieldProblem[]; details?: Record<string, unknown> }
  /** Well-formed input the server gave up on (an import too slow to check). */
  | { code: "unprocessable"; message: string; field: string }
  | { code: "rate-limited"; message: string; retryAfterMs?: number }
  | { code: "unauthorized" | "forbidden" | "not-found" | "conflict"; message: string };

export type FailureCode = Failure["code"];
export type Invalid = Extract<Failure, { code: "invalid" }>;

export type Ok<T> = { ok: true; value: T };
export type Failed<F extends Failure = Failure> = { ok: false; error: F };
export type Outcome<T, F extends Failure = Failure> = Ok<T> | Failed<F>;

/** No valid session: signed out, or the session's user has been deleted since it was issued. */
export const NO_SESSION: Failure = { code: "unauthorized", message: "Sign in to do this" };

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail<F extends Failure>(error: F): Failed<F> {
  return { ok: false, error };
}

/** A refusal that needs no more than its message. */
export function refuse(code: "unauthorized" | "forbidden" | "not-found" | "conflict", message: string): Failed {
  return fail({ code, message });
}

export function invalid(
  field: string,
  message: string,
  more: { problems?: FieldProblem[]; details?: Record<string, unknown> } = {},
): Failed<Invalid> {
  return fail({ code: "invalid", message, field, ...more });
}

/** The value, or not-found as "<what> not found" when there is none. */
export function found<T>(value: T | null | undefined, what: string): Outcome<T> {
  return value === null || value === undefined ? refuse("not-found", `${what} not found`) : ok(value);
}

/** The first zod issue, naming its field ("response.text"), or "body" for the whole input. */
export function zodFailure(error: z.ZodError): Invalid {
  const issue = error.issues[0]!;
  return { code: "invalid", message: issue.message, field: issue.path.length ? issue.path.join(".") : "body" };
}
