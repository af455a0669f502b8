import type { StoredGuestAttempt } from "@/lib/domain/question-view";

/**
 * A guest's answers, kept in this browser until they sign in (then merged into the account once, by
 * components/account/guest-progress-merger.tsx). Browser-only: every function tolerates storage being
 * unavailable (private mode, full quota) by keeping nothing rather than failing the practice session.
 */
const KEY = "mlprep:guest-attempts:v1";

export function readGuestAttempts(): StoredGuestAttempt[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as StoredGuestAttempt[]) : [];
  } catch {
    return [];
  }
}

export function addGuestAttempt(attempt: StoredGuestAttempt): void {
  try {
    const attempts = readGuestAttempts().filter((stored) => stored.attemptId !== attempt.attemptId);
    window.localStorage.setItem(KEY, JSON.stringify([...attempts, attempt]));
  } catch {
    // Storage full or blocked: the answer was still graded and shown; it just is not kept.
  }
}

/** Forgets the attempts the server has taken (and any it refused for good), keeping ones added since. */
export function forgetGuestAttempts(attemptIds: ReadonlySet<string>): void {
  try {
    const left = readGuestAttempts().filter((attempt) => !attemptIds.has(attempt.attemptId));
    if (left.length) window.localStorage.setItem(KEY, JSON.stringify(left));
    else window.localStorage.removeItem(KEY);
  } catch {
    // Nothing to do: see addGuestAttempt.
  }
}
