"use client";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ClassJoined } from "@/lib/http/contracts";

const noSubscription = () => () => {};

/**
 * The join page's confirmation: joining is a POST the user asks for, never a side effect of opening the
 * link. The API's refusals (closed, full, your own class, too many attempts) are shown as it words them.
 */
export function JoinClassButton({ code }: { code: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // False in the server's HTML, true once React runs here: until then a click would do nothing, so say so.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  async function join() {
    setBusy(true);
    setError(null);
    const reply = await apiFetch<ClassJoined>("/api/classes/join", { method: "POST", body: { code } });
    if (!reply.ok) {
      setBusy(false);
      setError(reply.error);
      return;
    }
    // Stays busy until the class's page replaces this one, so a second click cannot post again.
    router.push(`/classes/${reply.data.id}`);
  }

  return (
    <div className="join-confirm">
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button--primary" onClick={join} disabled={!hydrated || busy}>
        Join class
      </button>
    </div>
  );
}
