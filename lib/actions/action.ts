import "server-only";
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { findRole } from "@/lib/data/users";
import { firstValues } from "@/lib/http/first-values";
import type { Failure, Outcome } from "@/lib/outcome";
import type { FormState } from "./form-state";

/**
 * Server actions from their parts, as the route handlers are (lib/http/route.ts): the user from the
 * session where one is needed, the form parsed with a zod schema, then the work, whose refusals become
 * the form's messages in one place. redirect() and notFound() throw, and pass through untouched.
 */
export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

type FormOptions = {
  /** Fields sent back after a refusal so the form keeps what was typed (never a password). */
  refill?: readonly string[];
};

type UserFormOptions = FormOptions & {
  /** The form's message for a visitor whose session has ended. */
  signedOut: string;
  /** Who may use the action, by their current role; the others get `refused`. */
  role?: { allowed: (role: Role) => boolean; refused: string };
};

/** Every zod issue as an error on its field, the first one per field. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/** Bad input shows on its field; every other refusal as the form's message. */
function failureState(failure: Failure): FormState {
  return failure.code === "invalid"
    ? { fieldErrors: { [failure.field]: failure.message } }
    : { error: failure.message };
}

function refilled(formData: FormData, names: readonly string[] | undefined): FormState {
  return names ? { values: Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")])) } : {};
}

/** An action anyone may use (sign-in, sign-up). */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  action: (input: z.output<S>, formData: FormData) => Promise<Outcome<FormState>>,
  options: FormOptions = {},
): FormAction {
  return async (_previous, formData) => {
    const parsed = schema.safeParse(firstValues(formData));
    if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), ...refilled(formData, options.refill) };
    const outcome = await action(parsed.data, formData);
    return outcome.ok ? outcome.value : { ...failureState(outcome.error), ...refilled(formData, options.refill) };
  };
}

/** An action for the signed-in user, read from the session (and their role from the database when it matters). */
export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  action: (input: z.output<S>, user: SessionUser, formData: FormData) => Promise<Outcome<FormState>>,
  options: UserFormOptions,
): FormAction {
  return async (previous, formData) => {
    const user = await getSessionUser();
    if (!user) return { error: options.signedOut };
    if (options.role) {
      const role = await findRole(db, user.id);
      if (!role || !options.role.allowed(role)) return { error: options.role.refused };
    }
    return validatedAction(schema, (input, form) => action(input, user, form), options)(previous, formData);
  };
}

/** For forms with no state to show (sign-out buttons): parsed the same way; a malformed form does nothing. */
export function validatedFormAction<S extends z.ZodType>(
  schema: S,
  action: (input: z.output<S>) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const parsed = schema.safeParse(firstValues(formData));
    if (parsed.success) await action(parsed.data);
  };
}
