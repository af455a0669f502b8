import "server-only";
import type { Device } from "@/lib/auth/device-token";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { accountDeletionRefusal } from "@/lib/auth/roles";
import { SIGN_IN_LIMITS, SIGN_UP_LIMIT, type Limit } from "@/lib/domain/rate-limit";
import { fail, invalid, ok, refuse, type Outcome } from "@/lib/outcome";
import type { PrismaClient } from "@/prisma/generated/client";
import { raiseCacheVersion } from "./cache-versions";
import { dialect } from "./dialect";
import { isUniqueViolation } from "./errors";
import { clearLimit, countAttempt, deleteLimits, refundAttempts, type KeyedLimit } from "./rate-limits";
import { reportLimitKey } from "./question-reports";
import { joinLimitKey } from "./classes";

export type AccountUser = { id: string; email: string; name: string | null };

/** One message for an unknown email and a wrong password, so the answer never confirms an account exists. */
export const INVALID_SIGN_IN = "Email or password is incorrect.";
export const TOO_MANY_SIGN_INS = "Too many sign-in attempts. Wait 15 minutes and try again.";

function minutesFrom(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const SIGN_IN_EMAIL_AND_IP = "sign-in:email+ip:";
const SIGN_IN_EMAIL = "sign-in:email:";

/**
 * The limits one sign-in attempt counts against. A browser that signed in to this very account before
 * (its device cookie names the user) counts only against itself; any other attempt against its email
 * and IP, its email and its IP (lib/domain/rate-limit.ts). The most specific key comes first.
 */
function signInLimits(input: { email: string; ip: string; device?: Device | undefined }, userId: string | undefined): KeyedLimit[] {
  if (userId && input.device?.userId === userId) return [{ key: `sign-in:device:${input.device.deviceId}`, limit: SIGN_IN_LIMITS.device }];
  return [
    { key: `${SIGN_IN_EMAIL_AND_IP}${input.email}|${input.ip}`, limit: SIGN_IN_LIMITS.emailAndIp },
    { key: `${SIGN_IN_EMAIL}${input.email}`, limit: SIGN_IN_LIMITS.email },
    { key: `sign-in:ip:${input.ip}`, limit: SIGN_IN_LIMITS.ip },
  ];
}

/**
 * Checks an email and password. The attempt is counted first, in one statement per key, and the
 * password is verified only while every limit allows it, so parallel guesses cannot all slip in
 * before their counts are written. A success gives its count back and clears the most specific key.
 * One answer for an unknown email and a wrong password (`unauthorized`), in the same time (verifyPassword).
 */
export async function signInWithPassword(
  client: PrismaClient,
  input: { email: string; password: string; ip: string; device?: Device | undefined },
  now: Date,
): Promise<Outcome<AccountUser>> {
  const user = await client.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, password: { select: { hash: true } } } });
  const limits = signInLimits(input, user?.id);
  const { counted, exceeded } = await countAttempt(client, limits, now);
  if (exceeded) return fail({ code: "rate-limited", message: TOO_MANY_SIGN_INS, retryAfterMs: exceeded.retryAfterMs });

  if (!(await verifyPassword(user?.password?.hash, input.password)) || !user) return refuse("unauthorized", INVALID_SIGN_IN);
  const [specific, ...rest] = counted;
  await clearLimit(client, specific!.key);
  await refundAttempts(client, rest);
  return ok({ id: user.id, email: input.email, name: user.name });
}

/**
 * Creates a user with a password; sign-ups count per IP because each one costs a hash. An address
 * already registered is a `conflict`.
 */
export async function signUpWithPassword(
  client: PrismaClient,
  input: { email: string; password: string; name?: string | undefined; ip: string },
  now: Date,
  limit: Limit = SIGN_UP_LIMIT,
): Promise<Outcome<AccountUser>> {
  const { exceeded } = await countAttempt(client, [{ key: `sign-up:ip:${input.ip}`, limit }], now);
  if (exceeded) {
    const message = `Too many new accounts from this network. Try again in ${minutesFrom(exceeded.retryAfterMs)}.`;
    return fail({ code: "rate-limited", message, retryAfterMs: exceeded.retryAfterMs });
  }

  const hash = await hashPassword(input.password);
  try {
    const user = await client.user.create({
      data: { email: input.email, name: input.name ?? null, password: { create: { hash } } },
    });
    return ok({ id: user.id, email: input.email, name: user.name });
  } catch (error) {
    // Without email verification a sign-up cannot hide that an address is registered; the message at
    // least points the owner to signing in.
    if (isUniqueViolation(error)) return refuse("conflict", "This email cannot be used for a new account. If it is yours, sign in instead.");
    throw error;
  }
}

const WRONG_PASSWORD = invalid("currentPassword", "The current password is not right.");

/**
 * Changes a password once the current one is proven, through the same counted check as sign-in (a
 * stolen session must not become a way to guess the password). The new hash and a raised session
 * version are written together, so every session issued before, on any server, stops working. A wrong
 * current password is `invalid` naming currentPassword.
 */
export async function changePassword(
  client: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string; ip: string; device?: Device | undefined },
  now: Date,
): Promise<Outcome<{ email: string; sessionVersion: number }>> {
  const user = await client.user.findUnique({ where: { id: input.userId }, select: { email: true } });
  if (!user?.email) return WRONG_PASSWORD;
  const check = await signInWithPassword(client, { email: user.email, password: input.currentPassword, ip: input.ip, device: input.device }, now);
  if (!check.ok) return check.error.code === "rate-limited" ? check : WRONG_PASSWORD;
  const hash = await hashPassword(input.newPassword);
  const { sessionVersion } = await client.$transaction(async (tx) => {
    const changed = await tx.user.update({
      where: { id: input.userId },
      data: { sessionVersion: { increment: 1 }, password: { update: { hash } } },
      select: { sessionVersion: true },
    });
    await raiseCacheVersion(tx, "sessions");
    return changed;
  });
  return ok({ email: user.email, sessionVersion });
}

/**
 * Deletes the user and, by cascade, their password, sessions, OAuth accounts, attempts, cards, reports
 * on questions (reports they closed as an author stay, without their name), class memberships and the
 * classes they own, and the rate-limit rows that name them, unless they are the last admin. The admin
 * count is read in the same transaction, after the dialect's admins lock, so two admins deleting themselves
 * at once cannot leave none.
 */
export async function deleteUser(client: PrismaClient, userId: string): Promise<Outcome<void>> {
  return client.$transaction(async (tx) => {
    await dialect.lockAdmins(tx);
    const [user, adminCount] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } }),
      tx.user.count({ where: { role: "admin" } }),
    ]);
    if (!user) return ok(undefined);
    const refusal = accountDeletionRefusal(user.role, adminCount);
    if (refusal) return refuse("forbidden", refusal);
    await tx.user.delete({ where: { id: userId } });
    await raiseCacheVersion(tx, "sessions");
    await clearLimit(tx, reportLimitKey(userId));
    await clearLimit(tx, joinLimitKey(userId));
    if (user.email) {
      const email = user.email.toLowerCase();
      await deleteLimits(tx, { keys: [`${SIGN_IN_EMAIL}${email}`], prefixes: [`${SIGN_IN_EMAIL_AND_IP}${email}|`] });
    }
    return ok(undefined);
  });
}
