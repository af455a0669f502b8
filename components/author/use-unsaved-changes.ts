"use client";
import { useEffect, useState } from "react";

/**
 * Asks before the page is closed or reloaded while `current` differs from what was last saved (`initial`
 * until `markSaved` says otherwise): a closed tab should not silently drop a half-written question.
 */
export function useUnsavedChanges<T>(current: T, initial: T): { markSaved: (saved: T) => void } {
  const [saved, setSaved] = useState(initial);
  const dirty = JSON.stringify(current) !== JSON.stringify(saved);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  return { markSaved: setSaved };
}
