"use client";
import { useActionState } from "react";
import { TimeZoneCookie } from "@/components/ui/time-zone-cookie";
import type { FormState } from "@/lib/actions/form-state";

type Field = { name: string; label: string; type: string; autoComplete: string; hint?: string; required?: boolean };

/**
 * Sign-in, sign-up and password-change forms: the server action validates with the shared zod schemas
 * and answers errors per field; what the user typed (but never a password) comes back filled in. They
 * set the time-zone cookie too, so the first page after signing in already counts days in the user's zone.
 */
export function AuthForm({
  action,
  fields,
  submitLabel,
  callbackUrl,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Field[];
  submitLabel: string;
  /** Where sign-in and sign-up go afterwards; a form that stays on its page has none. */
  callbackUrl?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack-form" noValidate>
      <TimeZoneCookie />
      {callbackUrl === undefined ? null : <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      {fields.map((field) => {
        const error = state.fieldErrors?.[field.name];
        const describedBy = [error ? `${field.name}-error` : "", field.hint ? `${field.name}-hint` : ""]
          .filter(Boolean)
          .join(" ");
        return (
          <div className="field" key={field.name}>
            <label htmlFor={field.name}>{field.label}</label>
            <input
              id={field.name}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required={field.required ?? true}
              defaultValue={field.type === "password" ? undefined : state.values?.[field.name]}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            {field.hint ? (
              <small id={`${field.name}-hint`} className="muted">
                {field.hint}
              </small>
            ) : null}
            {error ? (
              <small id={`${field.name}-error`} className="field-error">
                {error}
              </small>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? "Please wait…" : submitLabel}
      </button>
    </form>
  );
}
