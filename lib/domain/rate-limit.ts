/**
 * Fixed-window rate limits (sign-in attempts, sign-ups). Pure: the database counts an attempt atomically
 * and hands back the window (lib/data/rate-limits.ts); these rules say what that window means.
 */

export type CountWindow = { count: number; windowStartedAt: Date };
export type Limit = { max: number; windowMs: number };

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Sign-in limits. Attempts are counted before the password is checked, and a success gives its count
 * back, so these bound failures. Per email and IP stops one client guessing one password; per email
 * stops a guess spread over many addresses; per IP stops one client trying many accounts. A browser
 * that signed in to the account before (a device cookie, lib/auth/device-token.ts) is counted on its own
 * instead, so an attack on the email never locks the owner out.
 */
export const SIGN_IN_LIMITS = {
  emailAndIp: { max: 5, windowMs: FIFTEEN_MINUTES },
  email: { max: 20, windowMs: FIFTEEN_MINUTES },
  ip: { max: 50, windowMs: FIFTEEN_MINUTES },
  device: { max: 5, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, Limit>;

/**
 * Sign-ups per IP and hour: each costs an argon2 hash, so a script must not be able to run the server hot.
 * Where many people share one address (a classroom behind NAT), the operator raises it (SIGN_UPS_PER_HOUR).
 */
export function signUpLimit(perHour: number): Limit {
  return { max: perHour, windowMs: 60 * 60_000 };
}
export const DEFAULT_SIGN_UPS_PER_HOUR = 20;
export const SIGN_UP_LIMIT: Limit = signUpLimit(DEFAULT_SIGN_UPS_PER_HOUR);

/**
 * Reports on questions per user and hour: plenty for someone reporting what they meet while practising, and
 * a cap on how fast one account can fill an author's queue (an update to an open report counts too).
 */
export const REPORT_LIMIT: Limit = { max: 20, windowMs: 60 * 60_000 };

/**
 * Attempts to join a class per user, right or wrong: a mistyped code or two is common, a stream of them
 * is someone guessing codes (lib/domain/classes.ts says why a code cannot be guessed at this rate).
 */
export const JOIN_LIMIT: Limit = { max: 10, windowMs: FIFTEEN_MINUTES };

/** No window lasts longer than this, so a row whose window started earlier is over for every limit. */
export const LONGEST_WINDOW_MS = Math.max(
  SIGN_UP_LIMIT.windowMs,
  REPORT_LIMIT.windowMs,
  JOIN_LIMIT.windowMs,
  ...Object.values(SIGN_IN_LIMITS).map((limit) => limit.windowMs),
);

/** A window that started at or before this instant has ended: the next attempt starts a new one. */
export function windowCutoff(limit: Limit, now: Date): Date {
  return new Date(now.getTime() - limit.windowMs);
}

/**
 * Whether an attempt, already counted into `window`, may go ahead; when not, how long until the window
 * ends. The count includes this attempt, so the `max`-th attempt is the last one allowed.
 */
export function checkCounted(window: CountWindow, limit: Limit, now: Date): { allowed: boolean; retryAfterMs: number } {
  if (window.count <= limit.max) return { allowed: true, retryAfterMs: 0 };
  return {
    allowed: false,
    retryAfterMs: Math.max(0, window.windowStartedAt.getTime() + limit.windowMs - now.getTime()),
  };
}
