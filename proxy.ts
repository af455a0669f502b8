import { randomBytes } from "node:crypto";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { themeBootScript } from "@/components/ui/theme-boot-script";
import { env } from "@/lib/env";
import { isGitHubConfigured } from "@/lib/env-schema";
import { prerenderedScriptHashes } from "@/lib/http/prerendered-scripts";
import { pagePolicy, scriptHash } from "@/lib/http/security-headers";

const development = process.env.NODE_ENV === "development";
// `next dev` prerenders nothing (and a production build's manifest next to it would be stale).
const prerenderedHashes = development ? () => [] : prerenderedScriptHashes(path.join(process.cwd(), ".next"));
const themeHash = scriptHash(themeBootScript);

/**
 * Every page response gets its own Content-Security-Policy (docs/decisions/012-security-headers.md): a
 * fresh nonce, which Next.js reads from the request's copy of the header and puts on the scripts it
 * renders, plus the hashes of the inline scripts of the page if it was prerendered, and of the theme script.
 */
export function proxy(request: NextRequest) {
  const scriptHashes = [...new Set([themeHash, ...prerenderedHashes(request.nextUrl.pathname)])];
  const policy = pagePolicy({ nonce: randomBytes(16).toString("base64"), scriptHashes, githubSignIn: isGitHubConfigured(env), development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Pages only: API routes, built assets and public files keep next.config.ts's policy for non-pages.
export const config = { matcher: ["/((?!api/|_next/|generated/|favicon\\.ico).*)"] };
