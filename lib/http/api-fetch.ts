import type { ErrorBody, FieldProblem } from "./contracts";

/**
 * The browser's one way to call the app's JSON API: sends the body as JSON, reads the JSON answer, and
 * turns every way of failing (no answer, an error status, an answer that is not JSON) into one result
 * with a message to show. Imports nothing server-side, so client components can use it.
 */

export type ApiRequest = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON; leave out for no body. */
  body?: unknown;
  signal?: AbortSignal;
  cache?: RequestCache;
  /** A hint to the browser's queue of requests (Chromium honours it): see use-remote-search.ts. */
  priority?: RequestPriority;
};

/** A failed call. `status` 0: no answer came (offline, or aborted through `signal`). */
export type ApiFailure = {
  ok: false;
  status: number;
  error: string;
  field?: string;
  problems?: FieldProblem[];
  /** The error body as sent, for routes whose errors carry more (an import's preview); `{}` when there was none. */
  body: Record<string, unknown>;
};

export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

export const NO_ANSWER = 0;

const NETWORK_FAILED = "The network failed; nothing was saved. Try again.";
const UNREADABLE = "The server's answer could not be read. Try again.";

/** An error status as a failure: the body's error fields, kept only when they have the types ErrorBody promises. */
function failure(status: number, data: unknown): ApiFailure {
  const body =
    typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const { error, field, problems } = body as Partial<Record<keyof ErrorBody, unknown>>;
  return {
    ok: false,
    status,
    error: typeof error === "string" ? error : `The server answered ${status}`,
    ...(typeof field === "string" ? { field } : {}),
    ...(Array.isArray(problems) ? { problems: problems as FieldProblem[] } : {}),
    body,
  };
}

export async function apiFetch<T>(
  url: string,
  { method = "GET", body, signal, cache, priority }: ApiRequest = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache,
      priority,
    });
  } catch {
    return { ok: false, status: NO_ANSWER, error: NETWORK_FAILED, body: {} };
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    // A proxy's HTML error page, or an answer cut short: only the status can be read.
    return response.ok
      ? { ok: false, status: response.status, error: UNREADABLE, body: {} }
      : failure(response.status, undefined);
  }
  return response.ok ? { ok: true, status: response.status, data: data as T } : failure(response.status, data);
}
