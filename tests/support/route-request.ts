import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

/** The test secret the integration files sign session cookies with (set as AUTH_SECRET before importing the app). */
export const TEST_AUTH_SECRET = "integration-test-secret-at-least-32-characters";

/** A session cookie for the user, as Auth.js would set it after a sign-in. */
export async function sessionCookie(userId: string, email: string, secret = TEST_AUTH_SECRET): Promise<string> {
  return `authjs.session-token=${await encode({ token: { sub: userId, email }, secret, salt: "authjs.session-token" })}`;
}

/** A request to a route handler, signed in with `cookie` (or not, without one), with a JSON body if given. */
export function routeRequest(cookie: string | undefined, method: string, url: string, body?: unknown): NextRequest {
  const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  return new NextRequest(`http://localhost${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
