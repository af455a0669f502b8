import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The content build writes generated data under lib/; better-sqlite3 is a native module that must
  // stay a plain require on the server.
  serverExternalPackages: ["better-sqlite3"],
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in user lacks the role for a page.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/generated/:file*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

export default nextConfig;
