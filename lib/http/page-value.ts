import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { Outcome } from "@/lib/outcome";

/** For pages: the value, or Next's not-found page for `not-found` and its 403 page for any other refusal. */
export function pageValue<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  return outcome.error.code === "not-found" ? notFound() : forbidden();
}
