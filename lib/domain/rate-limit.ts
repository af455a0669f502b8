/**
 * Fixed-window rate limits (failed sign-ins, sign-ups). Pure: the caller loads and stores the window and
 * passes `now`.
 */

export type CountWindow = { count: number; windowStartedAt: Date };
export type Limit = { max: number; windowMs: number };

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Sign-in limits, checked together. Per email and IP stops one client guessing one password; per email
 * stops a guess spread over many addresses; per IP stops one client trying many accounts.
 */
export const SIGN_IN_LIMITS = {
  emailAndIp: { max: 5, windowMs: FIFTEEN_MINUTES },
  email: { max: 20, windowMs: FIFTEEN_MINUTES },
  ip: { max: 50, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, Limit>;

/** Sign-ups per IP: each costs an argon2 hash, so a script must not be able to run the server hot. */
export const SIGN_UP_LIMIT: Limit = { max: 20, windowMs: 60 * 60_000 };

function isCurrent(window: CountWindow | undefined, limit: Limit, now: Date): window is CountWindow {
  return window !== undefined && now.getTime() - window.windowStartedAt.getTime() < limit.windowMs;
}

/** Whether another attempt may go ahead; when not, how long until the window ends. */
export function checkLimit(window: CountWindow | undefined, limit: Limit, now: Date): { allowed: boolean; retryAfterMs: number } {
  if (!isCurrent(window, limit, now) || window.count < limit.max) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: window.windowStartedAt.getTime() + limit.windowMs - now.getTime() };
}

/** The window after one more event: counted in the current window, or the first of a new one. */
export function countOne(window: CountWindow | undefined, limit: Limit, now: Date): CountWindow {
  return isCurrent(window, limit, now) ? { count: window.count + 1, windowStartedAt: window.windowStartedAt } : { count: 1, windowStartedAt: now };
}
