import "server-only";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { db } from "@/lib/data/db";
import { findRole } from "@/lib/data/users";
import { env } from "@/lib/env";
import { NO_SESSION, fail, ok, refuse, type Outcome } from "@/lib/outcome";
import { ExpiringCache } from "./expiring-cache";
import type { Role } from "./roles";
import { isSessionCurrent, sessionVersionOf } from "./session-version";
import type { SessionUser } from "./session";

/**
 * The session of an API request, read straight from Auth.js's session cookie. auth() runs Auth.js's whole
 * session endpoint on every call: it derives the key, decrypts the token, re-encrypts a fresh one and
 * builds a response, about 2.5 ms here, as much as the rest of a request. Route handlers only need to
 * know who is calling, so they use Auth.js's own getToken/decode, and remember each decrypted token for
 * a few minutes (never past its expiry). The cache key is the whole encrypted token, which only the
 * server can produce, so a hit is as good as a decryption; whether the session was revoked since is
 * asked apart (lib/auth/session-version.ts). Pages keep using auth(), which also renews
 * the cookie (docs/decisions/006-answer-recording-throughput.md).
 */
const CACHE_TTL_MS = 5 * 60_000;
const verified = new ExpiringCache<JWT>(10_000);

async function cachedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  const now = Date.now();
  const hit = params.token ? verified.get(params.token, now) : undefined;
  if (hit) return hit.value;
  const payload = await decode<JWT>(params);
  if (params.token && payload) {
    const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : now;
    verified.set(params.token, payload, Math.min(expiresAt, now + CACHE_TTL_MS));
  }
  return payload;
}

export async function getRequestUser(request: Request): Promise<SessionUser | null> {
  if (!env.AUTH_SECRET) return null;
  // Auth.js names the cookie __Secure-… when the site is served over https (as seen through a proxy).
  const protocol = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  const token = await getToken({
    req: request,
    secret: env.AUTH_SECRET,
    secureCookie: protocol === "https",
    decode: cachedDecode as typeof decode,
  });
  // The decrypted token may be remembered for minutes; whether it was revoked since is checked apart.
  if (!token?.sub || !(await isSessionCurrent(token.sub, sessionVersionOf(token)))) return null;
  return {
    id: token.sub,
    email: typeof token.email === "string" ? token.email : null,
    name: typeof token.name === "string" ? token.name : null,
  };
}

/**
 * For route handlers that need a role: the caller with their current role (read from the database), or
 * why not: `unauthorized` signed out, `forbidden` without the role.
 */
export async function getRequestCaller(
  request: Request,
  allowed: (role: Role) => boolean,
): Promise<Outcome<SessionUser & { role: Role }>> {
  const user = await getRequestUser(request);
  if (!user) return fail(NO_SESSION);
  const role = await findRole(db, user.id);
  if (!role || !allowed(role)) return refuse("forbidden", "Your account may not do this");
  return ok({ ...user, role });
}
