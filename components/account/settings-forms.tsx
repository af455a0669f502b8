"use client";
import { useActionState } from "react";
import { deleteAccountAction } from "@/lib/actions/account/delete-account";
import { updateDesiredRetentionAction } from "@/lib/actions/account/update-desired-retention";

export function DesiredRetentionForm({ current }: { current: number }) {
  const [state, action, pending] = useActionState(updateDesiredRetentionAction, {});
  const error = state.fieldErrors?.desiredRetention ?? state.error;
  const saved = state.values && !error;
  return (
    <form action={action} className="stack-form" noValidate>
      <div className="field">
        <label htmlFor="desiredRetention">Desired retention</label>
        <input
          id="desiredRetention"
          name="desiredRetention"
          type="number"
          step="0.01"
          min="0.7"
          max="0.99"
          defaultValue={state.values?.desiredRetention ?? current}
          aria-invalid={error ? true : undefined}
          aria-describedby="desiredRetention-hint"
        />
        <small id="desiredRetention-hint" className="muted">
          The chance of still remembering a question when it comes back, from 0.70 to 0.99. Higher means more reviews;
          0.90 is a good balance.
        </small>
        {error ? <small className="field-error">{error}</small> : null}
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        Save
      </button>
      {saved ? <p role="status">Saved. New reviews are scheduled for this retention.</p> : null}
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, {});
  const error = state.fieldErrors?.confirmEmail ?? state.error;
  return (
    <form action={action} className="stack-form">
      <div className="field">
        <label htmlFor="confirmEmail">Type your email address to confirm</label>
        <input
          id="confirmEmail"
          name="confirmEmail"
          type="email"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
        />
        {error ? <small className="field-error">{error}</small> : null}
      </div>
      <button type="submit" className="button button--danger" disabled={pending}>
        Delete my account and all my data
      </button>
    </form>
  );
}
