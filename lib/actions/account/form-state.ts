import type { z } from "zod";

/** What an account form action answers: a message for the form, errors per field, and what to refill. */
export type FormState = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

export function minutesFrom(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** One message for an unknown email and a wrong password, so the form never confirms an account exists. */
export const INVALID_SIGN_IN = "Email or password is incorrect.";
export const TOO_MANY_SIGN_INS = "Too many sign-in attempts. Wait 15 minutes and try again.";
