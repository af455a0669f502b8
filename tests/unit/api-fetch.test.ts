import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFetch, NO_ANSWER } from "@/lib/http/api-fetch";

/** Answers every fetch with `response` (or fails it like a dropped connection) and records the calls. */
function serve(response: Response | Error) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiFetch", () => {
  it("sends the body as JSON and returns the parsed answer", async () => {
    const fetch = serve(json({ id: "d1" }, 201));
    expect(await apiFetch<{ id: string }>("/api/author/decks", { method: "POST", body: { title: "T" } })).toEqual({
      ok: true,
      status: 201,
      data: { id: "d1" },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/author/decks");
    expect(init).toMatchObject({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"title":"T"}',
    });
  });

  it("sends a GET without a body or content type", async () => {
    const fetch = serve(json({ signedIn: false }));
    await apiFetch("/api/me/summary", { cache: "no-store" });
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: "GET", headers: {}, body: undefined, cache: "no-store" });
  });

  it("turns the error body into the failure: message, field, problems, and the body itself", async () => {
    const body = {
      error: "2 problems",
      field: "question.terms",
      problems: [{ field: "terms", message: "needs a term" }],
      read: 3,
    };
    serve(json(body, 400));
    expect(await apiFetch("/api/author/preview", { method: "POST", body: {} })).toEqual({
      ok: false,
      status: 400,
      error: "2 problems",
      field: "question.terms",
      problems: [{ field: "terms", message: "needs a term" }],
      body,
    });
  });

  it("ignores error fields of the wrong type and names the status instead", async () => {
    serve(json({ error: 42, field: ["x"], problems: "none" }, 409));
    expect(await apiFetch("/api/x", { method: "DELETE" })).toEqual({
      ok: false,
      status: 409,
      error: "The server answered 409",
      body: { error: 42, field: ["x"], problems: "none" },
    });
  });

  it("reads an error page that is not JSON as its status", async () => {
    serve(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await apiFetch("/api/grade", { method: "POST", body: {} })).toEqual({
      ok: false,
      status: 502,
      error: "The server answered 502",
      body: {},
    });
  });

  it("does not mistake a success it cannot read for data", async () => {
    serve(new Response("not json", { status: 200 }));
    expect(await apiFetch("/api/me/summary")).toMatchObject({ ok: false, status: 200 });
  });

  it("reports a request that got no answer with status 0", async () => {
    serve(new TypeError("Failed to fetch"));
    expect(await apiFetch("/api/attempts", { method: "POST", body: {} })).toMatchObject({
      ok: false,
      status: NO_ANSWER,
      error: expect.any(String),
      body: {},
    });
  });
});
