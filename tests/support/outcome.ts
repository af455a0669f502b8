import type { Outcome } from "@/lib/outcome";

/** "ok", or the refusal's code: one word for a test to compare. */
export function codeOf(outcome: Outcome<unknown>): string {
  return outcome.ok ? "ok" : outcome.error.code;
}

/** The value of an outcome the test needs to have succeeded; a refusal fails the test with its message. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}
