import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getRequestCaller, getRequestUser } from "@/lib/auth/request-session";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { fail, NO_SESSION, ok, zodFailure, type Outcome } from "@/lib/outcome";
import { firstValues } from "./first-values";
import { parseJsonBody } from "./json-body";
import { failureResponse } from "./responses";

/**
 * Who may call a route: anyone without reading the session ("public"), anyone with the session read if
 * there is one ("guest-or-user"), any signed-in user, or signed-in users whose current role (read from
 * the database) passes a rule of lib/auth/roles.ts.
 */
export type RouteRole = "public" | "guest-or-user" | "signed-in" | ((role: Role) => boolean);

export type RouteCaller<R extends RouteRole> = R extends "public"
  ? null
  : R extends "guest-or-user"
    ? SessionUser | null
    : R extends "signed-in"
      ? SessionUser
      : SessionUser & { role: Role };

export type RouteSpec<R extends RouteRole, P, Q, G, B, T> = {
  role: R;
  /** The dynamic segments ([deckId]), checked like any input. */
  params?: z.ZodType<P>;
  /** The query string, first value of each name. */
  query?: z.ZodType<Q>;
  /** May this caller touch what the params name? Runs before the body is read, so a refusal costs no upload. */
  access?: (caller: RouteCaller<R>, params: P) => Promise<Outcome<G>>;
  /** A JSON body, its schema and byte cap (lib/http/json-body.ts answers 413, 415 and 400 for it). */
  body?: { schema: z.ZodType<B>; limit: number };
  /** The status of a success: 200 unless given (201 for creations), or chosen from the body. */
  status?: number | ((body: B) => number);
  /** Headers of a success (cache-control of personal data). */
  headers?: Record<string, string>;
  /** The work: a value or refusal to answer as JSON, or a ready Response (files). */
  handler: (input: {
    request: Request;
    caller: RouteCaller<R>;
    params: P;
    query: Q;
    granted: G;
    body: B;
  }) => Promise<Outcome<T> | Response>;
};

type HandlerContext = { params: Promise<Record<string, string | string[] | undefined>> };

async function resolveCaller(
  request: Request,
  role: Exclude<RouteRole, "public">,
): Promise<Outcome<SessionUser | null>> {
  if (typeof role === "function") return getRequestCaller(request, role);
  const user = await getRequestUser(request);
  return user || role === "guest-or-user" ? ok(user) : fail(NO_SESSION);
}

function parse<T>(schema: z.ZodType<T> | undefined, input: unknown): Outcome<T> {
  if (!schema) return ok(undefined as T);
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(zodFailure(parsed.error));
}

/**
 * A route handler from its parts, in this order: the caller (401 signed out, 403 without the role),
 * params and query (400 naming the field), the access check, the body, then the handler. Every refusal
 * on the way, and the handler's own, goes through one table (FAILURE_STATUS in lib/http/responses.ts).
 * Exceptions are bugs and propagate: Next answers 500 without the stack in production.
 */
export function route<R extends RouteRole, P = undefined, Q = undefined, G = undefined, B = undefined, T = unknown>(
  spec: RouteSpec<R, P, Q, G, B, T>,
) {
  return async (request: Request, context?: HandlerContext): Promise<Response> => {
    // No await where there is nothing to wait for: a public route starts reading its body in the same
    // turn, before the stream has buffered ahead, so an oversize one costs as few chunks as it can.
    const caller = spec.role === "public" ? ok(null) : await resolveCaller(request, spec.role);
    if (!caller.ok) return failureResponse(caller.error);
    const params = parse(spec.params, spec.params && (await context?.params));
    if (!params.ok) return failureResponse(params.error);
    const query = parse(spec.query, spec.query && firstValues(new URL(request.url).searchParams));
    if (!query.ok) return failureResponse(query.error);
    // The conditional caller type cannot be narrowed inside; resolveCaller answers what `role` promises.
    const who = caller.value as RouteCaller<R>;
    const granted = spec.access ? await spec.access(who, params.value) : ok(undefined as G);
    if (!granted.ok) return failureResponse(granted.error);
    let body = undefined as B;
    if (spec.body) {
      const read = await parseJsonBody(request, spec.body.schema, spec.body.limit);
      if (!read.ok) return read.response;
      body = read.data;
    }
    const result = await spec.handler({
      request,
      caller: who,
      params: params.value,
      query: query.value,
      granted: granted.value,
      body,
    });
    if (result instanceof Response) return result;
    if (!result.ok) return failureResponse(result.error);
    const status = typeof spec.status === "function" ? spec.status(body) : (spec.status ?? 200);
    return NextResponse.json(result.value, { status, headers: spec.headers });
  };
}
