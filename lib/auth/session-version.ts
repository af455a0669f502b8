import "server-only";
import { checkCacheVersions, onCacheStale } from "@/lib/data/cache-versions";
import { db } from "@/lib/data/db";
import { findSessionVersion } from "@/lib/data/users";
import { ExpiringCache } from "./expiring-cache";

/**
 * Sessions are JWTs, which no server can revoke one by one. Each token carries the user's session
 * version (claim "sv", written at sign-in) and every check compares it with User.sessionVersion: a
 * password change or "sign out of all devices" raises the version, and deleting the user removes it,
 * which ends every session issued before. Each process remembers a user's version for 30 seconds (one
 * indexed read per user and 30 s instead of one per request); the server that made the change notes it
 * at once, and every other server drops what it remembers within about a second, when the "sessions"
 * counter that the change raised moves (lib/data/cache-versions.ts).
 */
const VERSION_TTL_MS = 30_000;
const versions = new ExpiringCache<number | undefined>(10_000);
onCacheStale("sessions", () => versions.clear());

/** The version a token was issued with; tokens from before versions existed count as version 0. */
export function sessionVersionOf(token: Record<string, unknown>): number {
  return typeof token.sv === "number" ? token.sv : 0;
}

/** Whether a session of `userId` issued at `version` is still valid (false once the user is deleted). */
export async function isSessionCurrent(userId: string, version: number, now = Date.now()): Promise<boolean> {
  await checkCacheVersions();
  let current = versions.get(userId, now);
  if (!current) {
    current = { value: await findSessionVersion(db, userId) };
    versions.set(userId, current.value, now + VERSION_TTL_MS);
  }
  return current.value === version;
}

/** Called by the server that changed a version (or deleted the user, `undefined`): it knows at once. */
export function noteSessionVersion(userId: string, version: number | undefined, now = Date.now()): void {
  versions.set(userId, version, now + VERSION_TTL_MS);
}
