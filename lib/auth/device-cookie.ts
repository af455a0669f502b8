import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, issueDeviceToken, readDeviceToken, type Device } from "./device-token";

/** The device this browser proved to be for some user (lib/auth/device-token.ts), if any. */
export async function knownDevice(): Promise<Device | undefined> {
  if (!env.AUTH_SECRET) return undefined;
  return readDeviceToken(env.AUTH_SECRET, (await cookies()).get(DEVICE_COOKIE)?.value);
}

/**
 * Marks this browser as one `userId` signed in from, with a new random id (OWASP: a new device cookie at
 * every successful sign-in). Called during sign-in, in a server action or Auth.js's route, both of which
 * may set cookies.
 */
export async function rememberDevice(userId: string, secure: boolean): Promise<void> {
  if (!env.AUTH_SECRET) return;
  const token = issueDeviceToken(env.AUTH_SECRET, { userId, deviceId: randomBytes(16).toString("base64url") });
  (await cookies()).set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
