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
      // Shared fixtures (all of content/, a database with every shipped deck) load once per file in
      // beforeAll: seconds on an idle machine, several times that on a busy one, so hooks get a budget
      // that fits the work rather than the 10 s default.
      {
        resolve: { alias },
        // Pure code: milliseconds a test on an idle machine. 15 s leaves room for a busy one (npm run
        // test:under-load); tests that walk all content or time hostile input set their own budget.
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 15_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file gets its own SQLite database; files run in separate workers so they never share one.
          pool: "forks",
          // A real database per file, argon2 hashes and Next route handlers: seconds per test under load.
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; through
          // Vite it resolves as it does in Next.
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
