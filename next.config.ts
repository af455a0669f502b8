import type { NextConfig } from "next";
import { COMMON_HEADERS, HSTS, pagePolicy, PRERENDERED_PAGES } from "./lib/http/security-headers";

// Prerendered pages hold no sign-in form, so their policy needs no GitHub form-action.
const prerenderedPolicy = pagePolicy("prerendered", {
  githubSignIn: false,
  development: process.env.NODE_ENV === "development",
});

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No ETag: Next.js computes it per response by hashing the whole body in JavaScript, a sixth of the
  // server's time on a term page (docs/decisions/022-serving-prerendered-pages.md).
  generateEtags: false,
  // better-sqlite3 is a native module that must stay a plain require on the server.
  serverExternalPackages: ["better-sqlite3"],
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in user lacks the role for a page.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      // Pages rendered per request replace the Content-Security-Policy in proxy.ts, prerendered ones here.
      // No value may hold a ':' where the source has a parameter: Next.js would compile it as a path
      // template on every request (tests/unit/next-config-headers.test.ts).
      { source: "/:path*", headers: [...COMMON_HEADERS] },
      ...PRERENDERED_PAGES.map((source) => ({
        source,
        headers: [{ key: "content-security-policy", value: prerenderedPolicy }],
      })),
      // Behind a proxy that terminates TLS and says so (browsers ignore HSTS received over plain HTTP).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "strict-transport-security", value: HSTS }],
      },
      {
        source: "/generated/:file*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

export default nextConfig;
