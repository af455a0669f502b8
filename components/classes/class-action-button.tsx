"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiFetch, type ApiRequest } from "@/lib/http/api-fetch";

type Props = {
  /** The button's visible text. */
  children: string;
  /** The accessible name when the visible text alone would be ambiguous in a list ("Remove <deck>"). */
  label?: string;
  url: string;
  method: NonNullable<ApiRequest["method"]>;
  body?: unknown;
  /** What follows from the change, asked in a dialog first; nothing is sent when the user cancels. */
  confirm?: string;
  /** Where to go once it succeeded; without it the page reloads its data where it is. */
  then?: string;
  className?: string;
};

/**
 * One button that makes one change to a class through the JSON API (rotate the code, remove an assignment
 * or a member, delete, leave), then refreshes the server-rendered page or moves on, showing the API's
 * message when it fails.
 */
export function ClassActionButton({
  children,
  label,
  url,
  method,
  body,
  confirm,
  then,
  className = "button--small",
}: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);

  async function run() {
    setAsking(false);
    setBusy(true);
    const reply = await apiFetch<unknown>(url, { method, body });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setError(null);
    if (then) router.push(then);
    else router.refresh();
  }

  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={label}
        disabled={busy}
        onClick={() => (confirm ? setAsking(true) : void run())}
      >
        {children}
      </button>
      {confirm ? (
        <ConfirmDialog
          open={asking}
          action={label ?? children}
          message={confirm}
          onConfirm={() => void run()}
          onCancel={() => setAsking(false)}
        />
      ) : null}
      {error ? (
        <span role="alert" className="field-error">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}
