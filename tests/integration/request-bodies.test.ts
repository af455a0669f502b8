import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BODY_LIMITS, parseJsonBody } from "@/lib/http/json-body";
import { createFreshDatabase } from "@/tests/support/fresh-database";

await createFreshDatabase();
const grade = await import("@/app/api/grade/route");

/** A body of `total` bytes in 64 KB chunks that counts how many chunks were pulled. */
function countingStream(total: number) {
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks * chunk.byteLength >= total) return controller.close();
      pulled.chunks++;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

const jsonRequest = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/grade", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);

describe("request bodies", () => {
  it("stops reading an anonymous 16 MB answer at the cap and answers 413 with an error body", async () => {
    const { stream, pulled } = countingStream(16 * 1024 * 1024);
    const response = await grade.POST(jsonRequest(stream));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "the request body is larger than 64 KB", field: "body" });
    // 64 KB cap in 64 KB chunks: at most two chunks read of 256.
    expect(pulled.chunks).toBeLessThanOrEqual(2);
  });

  it("refuses a declared Content-Length over the cap before reading anything", async () => {
    const { stream, pulled } = countingStream(1024 * 1024);
    const response = await parseJsonBody(
      jsonRequest(stream, { "content-length": String(1024 * 1024) }),
      z.unknown(),
      BODY_LIMITS.answer,
    );
    expect(response.ok).toBe(false);
    expect(!response.ok && response.response.status).toBe(413);
    // A stream fills its queue of one chunk by itself; nothing past that is pulled.
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });

  it("refuses other content types with 415, text/plain included", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await grade.POST(
        new Request("http://localhost/api/grade", { method: "POST", headers: { "content-type": type }, body: "{}" }),
      );
      expect(response.status, type).toBe(415);
      expect((await response.json()).field).toBe("content-type");
    }
    const missing = await grade.POST(
      new Request("http://localhost/api/grade", { method: "POST", body: new Uint8Array([123, 125]) }),
    );
    expect(missing.status).toBe(415);
  });

  it("accepts JSON with a charset, and answers malformed JSON or UTF-8 with a 400 naming the body", async () => {
    const schema = z.object({ a: z.number() });
    const ok = await parseJsonBody(
      jsonRequest('{"a":1}', { "content-type": "application/json; charset=utf-8" }),
      schema,
      100,
    );
    expect(ok).toEqual({ ok: true, data: { a: 1 } });
    for (const body of ["{", new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const bad = await parseJsonBody(jsonRequest(body), schema, 100);
      expect(!bad.ok && (await bad.response.json())).toEqual({ error: "must be valid JSON", field: "body" });
    }
    const shape = await parseJsonBody(jsonRequest('{"a":"x"}'), schema, 100);
    expect(!shape.ok && shape.response.status).toBe(400);
  });

  it("takes a body of exactly the cap and refuses one byte more", async () => {
    const body = (bytes: number) => `"${"x".repeat(bytes - 2)}"`;
    expect((await parseJsonBody(jsonRequest(body(100)), z.string(), 100)).ok).toBe(true);
    const over = await parseJsonBody(jsonRequest(body(101)), z.string(), 100);
    expect(!over.ok && over.response.status).toBe(413);
  });
});
