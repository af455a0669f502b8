import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; under test the server code runs in Node directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
};

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file gets its own SQLite database; files run in separate workers so they never share one.
          pool: "forks",
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; through
          // Vite it resolves as it does in Next.
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 30_000,
        },
      },
    ],
  },
});
