import { defineConfig } from "@playwright/test";
import { START_ARGS } from "./scripts/start-command";
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from "./tests/support/find-browser";

const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
/**
 * Set by scripts/run-e2e.ts to a fresh database when a PostgreSQL is there: the `postgresql` project's
 * server (port + 1) starts on it, migrating it as `npm start` does on a new deployment.
 */
const postgresUrl = process.env.MLPREP_E2E_POSTGRES_URL;
const postgresBaseURL = `http://127.0.0.1:${port + 1}`;

/** The real start path (scripts/start.ts): migrate the database, sync the decks, build if needed, serve. */
const server = (serverPort: number, databaseUrl: string) => ({
  command: `node ${START_ARGS.join(" ")}`,
  url: `http://127.0.0.1:${serverPort}/api/health`,
  timeout: 600_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: {
    PORT: String(serverPort),
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    MLPREP_TEST_CLOCK: "1",
    // Every browser test signs up from 127.0.0.1; the suite makes more accounts than the default allows an hour.
    SIGN_UPS_PER_HOUR: "1000",
    HOSTNAME: "127.0.0.1",
  },
});

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
  projects: [
    { name: "sqlite", testIgnore: "postgresql/**" },
    ...(postgresUrl
      ? [{ name: "postgresql", testDir: "tests/e2e/postgresql", use: { baseURL: postgresBaseURL } }]
      : []),
  ],
  // Started one after another: the first builds the app when no current build exists, the second finds it.
  webServer: [server(port, "file:./data/e2e.db"), ...(postgresUrl ? [server(port + 1, postgresUrl)] : [])],
});
