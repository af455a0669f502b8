import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { themeBootScript } from "@/components/ui/theme-boot-script";
import { env } from "@/lib/env";
import { isGitHubConfigured } from "@/lib/env-schema";
import { pagePolicy, scriptHash } from "@/lib/http/security-headers";

const options = { githubSignIn: isGitHubConfigured(env), development: process.env.NODE_ENV === "development" };
const hashes = [scriptHash(themeBootScript)];

/**
 * Pages rendered per request get a Content-Security-Policy with a fresh nonce, which Next.js reads from
 * the request's copy of the header and puts on the scripts it renders (docs/decisions/012-security-headers.md).
 */
export function proxy(request: NextRequest) {
  const policy = pagePolicy({ nonce: randomBytes(16).toString("base64"), hashes }, options);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * Not API routes, built assets or public files (next.config.ts gives them a policy for non-pages), and
 * not the prerendered pages of PRERENDERED_PAGES (lib/http/security-headers.ts): running the proxy at all
 * halves their throughput (docs/benchmarks.md), and they get their policy from next.config.ts.
 */
export const config = {
  matcher: ["/((?!api/|_next/|generated/|favicon\\.ico$|about$|mock$|author/item-writing$|glossary/[^/]+$).+)"],
};
