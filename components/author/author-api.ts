/** Calls an authoring route from the browser; every failure comes back as a message (and field) to show. */
export type FieldProblem = { field: string; message: string };
export type ApiReply<T> = { ok: true; data: T } | { ok: false; status: number; error: string; field?: string; problems?: FieldProblem[]; body?: unknown };

export async function callAuthorApi<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ApiReply<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: "The network failed; nothing was saved. Try again." };
  }
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data: data as T };
  return {
    ok: false,
    status: response.status,
    error: typeof data.error === "string" ? data.error : `The server answered ${response.status}`,
    ...(typeof data.field === "string" ? { field: data.field } : {}),
    ...(Array.isArray(data.problems) ? { problems: data.problems as FieldProblem[] } : {}),
    body: data,
  };
}
