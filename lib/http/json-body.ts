import { NextResponse } from "next/server";
import type { z } from "zod";
import { MAX_IMPORT_BYTES } from "@/lib/interchange/imported-question";
import type { ErrorBody } from "./contracts";
import { badRequest, invalidInput } from "./responses";

/**
 * Byte caps on request bodies, per kind of route. A body is read as a stream and abandoned as soon as it
 * passes its cap, so a 16 MB upload to a grading route costs 64 KB of reading, not 16 MB of memory.
 * JSON escaping can make text up to six times longer (`\u0000`), so caps leave room over the text limits
 * the schemas enforce.
 */
export const BODY_LIMITS = {
  /** An answer: a 10,000-character open answer at most. */
  answer: 64 * 1024,
  /** A guest's answers kept in the browser, up to 1,000 of them. */
  guestMerge: 4 * 1024 * 1024,
  /** A deck's metadata or one authored question (prompt, explanation and choices with their caps). */
  authoring: 512 * 1024,
  /** An import: the file's text (MAX_IMPORT_BYTES) with room for JSON escaping. */
  import: 3 * MAX_IMPORT_BYTES + 64 * 1024,
  /** A report on a question or its resolution: a 1,000-character note or reply, every character escaped at worst. */
  report: 16 * 1024,
  /** A class's name, a join code or an assignment: a few hundred characters, every one escaped at worst. */
  classes: 4 * 1024,
} as const;

type BodyResult<T> = { ok: true; data: T } | { ok: false; response: NextResponse<ErrorBody> };

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KB`;

function tooLarge(maxBytes: number): NextResponse<ErrorBody> {
  return NextResponse.json(
    { error: `the request body is larger than ${kilobytes(maxBytes)}`, field: "body" },
    { status: 413 },
  );
}

/** The body's bytes, or undefined once they pass `maxBytes` (the rest is never read). */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads and validates a JSON body: another content type is a 415, a body past `maxBytes` a 413 (refused
 * from Content-Length before reading when the client declares it), malformed JSON or UTF-8 or a wrong
 * shape a 400 naming the field. Never an exception.
 */
export async function parseJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes: number,
): Promise<BodyResult<T>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return {
      ok: false,
      response: NextResponse.json(
        { error: "send the body as application/json", field: "content-type" },
        { status: 415 },
      ),
    };
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  const bytes = await readCapped(request, maxBytes);
  if (!bytes) return { ok: false, response: tooLarge(maxBytes) };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, response: badRequest("body", "must be valid JSON") };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalidInput(parsed.error) };
}
