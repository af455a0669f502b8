import { createHash } from "node:crypto";

/** SHA-256 of a value's JSON: a content change always changes it, a re-sync of the same content never does. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}
