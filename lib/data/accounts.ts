import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS, SIGN_UP_LIMIT } from "@/lib/domain/rate-limit";
import type { PrismaClient } from "@/prisma/generated/client";
import { isUniqueViolation } from "./errors";
import { clearLimit, countEvent, findExhaustedLimit } from "./rate-limits";

export type AccountUser = { id: string; email: string; name: string | null };

export type SignInResult =
  | { kind: "signed-in"; user: AccountUser }
  | { kind: "invalid" }
  | { kind: "rate-limited"; retryAfterMs: number };

function signInLimits(email: string, ip: string) {
  return [
    { key: `sign-in:email+ip:${email}|${ip}`, limit: SIGN_IN_LIMITS.emailAndIp },
    { key: `sign-in:email:${email}`, limit: SIGN_IN_LIMITS.email },
    { key: `sign-in:ip:${ip}`, limit: SIGN_IN_LIMITS.ip },
  ];
}

/**
 * Checks an email and password. While a limit is exhausted the password is not even checked, so a
 * locked-out guesser learns nothing; failures count against email+IP, email and IP. One answer for an
 * unknown email and a wrong password, in the same time (verifyPassword).
 */
export async function signInWithPassword(
  client: PrismaClient,
  input: { email: string; password: string; ip: string },
  now: Date,
): Promise<SignInResult> {
  const limits = signInLimits(input.email, input.ip);
  const exhausted = await findExhaustedLimit(client, limits, now);
  if (exhausted) return { kind: "rate-limited", retryAfterMs: exhausted.retryAfterMs };

  const user = await client.user.findUnique({ where: { email: input.email }, include: { password: true } });
  if (await verifyPassword(user?.password?.hash, input.password)) {
    await clearLimit(client, limits[0]!.key);
    return { kind: "signed-in", user: { id: user!.id, email: input.email, name: user!.name } };
  }
  await countEvent(client, limits, now);
  return { kind: "invalid" };
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
  const limits = [{ key: `sign-up:ip:${input.ip}`, limit: SIGN_UP_LIMIT }];
  const exhausted = await findExhaustedLimit(client, limits, now);
  if (exhausted) return { kind: "rate-limited", retryAfterMs: exhausted.retryAfterMs };
  await countEvent(client, limits, now);

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

/** Deletes the user and, by cascade, their password, sessions, OAuth accounts, attempts and cards. */
export async function deleteUser(client: PrismaClient, userId: string): Promise<void> {
  await client.user.deleteMany({ where: { id: userId } });
}
