import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from "./tests/support/find-browser";

const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  // Budgets for a busy machine, not a quiet one: a newcomer's laptop or a shared CI runner can take
  // several times longer than an idle run for a server round trip (argon2, a worker thread, a cold page).
  // Journeys that chain many round trips add test.slow() (3x).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  // The real start path (scripts/start.ts): migrate a fresh database, build if needed, serve.
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: "file:./data/e2e.db",
      NEXT_TELEMETRY_DISABLED: "1",
      MLPREP_TEST_CLOCK: "1",
      HOSTNAME: "127.0.0.1",
    },
  },
});
