import "server-only";
import type { Device } from "@/lib/auth/device-token";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { accountDeletionRefusal } from "@/lib/auth/roles";
import { SIGN_IN_LIMITS, SIGN_UP_LIMIT } from "@/lib/domain/rate-limit";
import type { PrismaClient } from "@/prisma/generated/client";
import { isUniqueViolation } from "./errors";
import { clearLimit, countAttempt, deleteLimits, refundAttempts, type KeyedLimit } from "./rate-limits";

export type AccountUser = { id: string; email: string; name: string | null };

export type SignInResult =
  | { kind: "signed-in"; user: AccountUser }
  | { kind: "invalid" }
  | { kind: "rate-limited"; retryAfterMs: number };

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
 * One answer for an unknown email and a wrong password, in the same time (verifyPassword).
 */
export async function signInWithPassword(
  client: PrismaClient,
  input: { email: string; password: string; ip: string; device?: Device | undefined },
  now: Date,
): Promise<SignInResult> {
  const user = await client.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, password: { select: { hash: true } } } });
  const limits = signInLimits(input, user?.id);
  const { counted, exceeded } = await countAttempt(client, limits, now);
  if (exceeded) return { kind: "rate-limited", retryAfterMs: exceeded.retryAfterMs };

  if (!(await verifyPassword(user?.password?.hash, input.password)) || !user) return { kind: "invalid" };
  const [specific, ...rest] = counted;
  await clearLimit(client, specific!.key);
  await refundAttempts(client, rest);
  return { kind: "signed-in", user: { id: user.id, email: input.email, name: user.name } };
}

export type SignUpResult =
  | { kind: "created"; user: AccountUser }
  | { kind: "email-taken" }
  | { kind: "rate-limited"; retryAfterMs: number };

/** Creates a user with a password; sign-ups count per IP because each one costs a hash. */
export async function signUpWithPassword(
  client: PrismaClient,
  input: { email: string; password: string; name?: string | undefined; ip: string },
  now: Date,
): Promise<SignUpResult> {
  const { exceeded } = await countAttempt(client, [{ key: `sign-up:ip:${input.ip}`, limit: SIGN_UP_LIMIT }], now);
  if (exceeded) return { kind: "rate-limited", retryAfterMs: exceeded.retryAfterMs };

  const hash = await hashPassword(input.password);
  try {
    const user = await client.user.create({
      data: { email: input.email, name: input.name ?? null, password: { create: { hash } } },
    });
    return { kind: "created", user: { id: user.id, email: input.email, name: user.name } };
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "email-taken" };
    throw error;
  }
}


export type PasswordChangeResult = { kind: "changed"; email: string; sessionVersion: number } | Exclude<SignInResult, { kind: "signed-in" }>;

/**
 * Changes a password once the current one is proven, through the same counted check as sign-in (a
 * stolen session must not become a way to guess the password). The new hash and a raised session
 * version are written together, so every session issued before, on any server, stops working.
 */
export async function changePassword(
  client: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string; ip: string; device?: Device | undefined },
  now: Date,
): Promise<PasswordChangeResult> {
  const user = await client.user.findUnique({ where: { id: input.userId }, select: { email: true } });
  if (!user?.email) return { kind: "invalid" };
  const check = await signInWithPassword(client, { email: user.email, password: input.currentPassword, ip: input.ip, device: input.device }, now);
  if (check.kind !== "signed-in") return check;
  const hash = await hashPassword(input.newPassword);
  const { sessionVersion } = await client.user.update({
    where: { id: input.userId },
    data: { sessionVersion: { increment: 1 }, password: { update: { hash } } },
    select: { sessionVersion: true },
  });
  return { kind: "changed", email: user.email, sessionVersion };
}

/**
 * Deletes the user and, by cascade, their password, sessions, OAuth accounts, attempts and cards, and
 * the rate-limit rows that name their email, unless they are the last admin. The admin count is read
 * in the same transaction, so two admins deleting themselves at once cannot leave none.
 */
export async function deleteUser(client: PrismaClient, userId: string): Promise<{ ok: true } | { ok: false; error: string }> {
  return client.$transaction(async (tx) => {
    const [user, adminCount] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } }),
      tx.user.count({ where: { role: "admin" } }),
    ]);
    if (!user) return { ok: true };
    const refusal = accountDeletionRefusal(user.role, adminCount);
    if (refusal) return { ok: false, error: refusal };
    await tx.user.delete({ where: { id: userId } });
    if (user.email) {
      const email = user.email.toLowerCase();
      await deleteLimits(tx, { keys: [`${SIGN_IN_EMAIL}${email}`], prefixes: [`${SIGN_IN_EMAIL_AND_IP}${email}|`] });
    }
    return { ok: true };
  });
}
