import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Device cookies (OWASP's "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed in to an account successfully gets a token naming that user and a random id, signed with
 * AUTH_SECRET. Sign-in attempts from it are counted per device instead of per email and IP, so an
 * attacker guessing the account's password from elsewhere never locks its owner out, while a new
 * device stays limited. Pure: the secret and the random id are passed in.
 */
export const DEVICE_COOKIE = "mlprep-device";
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Longer than any token issued here; anything longer is refused before it is split or hashed. */
const MAX_TOKEN_LENGTH = 256;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export type Device = { userId: string; deviceId: string };

function signature(secret: string, userId: string, deviceId: string): string {
  // A purpose prefix keeps this MAC apart from anything else signed with the same secret.
  return createHmac("sha256", secret).update(`mlprep-device-cookie\0${userId}\0${deviceId}`).digest("base64url");
}

export function issueDeviceToken(secret: string, device: Device): string {
  if (!ID.test(device.userId) || !ID.test(device.deviceId))
    throw new Error("device ids must be url-safe and at most 64 characters");
  return `${device.userId}.${device.deviceId}.${signature(secret, device.userId, device.deviceId)}`;
}

/** The device a token names, when its signature is right; undefined for anything else. */
export function readDeviceToken(secret: string, token: string | undefined): Device | undefined {
  if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
  const [userId, deviceId, mac, ...rest] = token.split(".");
  if (rest.length || !userId || !deviceId || !mac || !ID.test(userId) || !ID.test(deviceId)) return undefined;
  const expected = Buffer.from(signature(secret, userId, deviceId));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, deviceId } : undefined;
}
