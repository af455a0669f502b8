"use client";
import { useSyncExternalStore } from "react";

/**
 * Whether the header found a session, shared from the account menu (which asks /api/me/summary) with the
 * site nav, so that signed-in links show without a second request and public pages stay static.
 */
let signedIn = false;
const listeners = new Set<() => void>();

export function publishSignedIn(value: boolean) {
  if (value === signedIn) return;
  signedIn = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedIn(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => signedIn,
    () => false,
  );
}
