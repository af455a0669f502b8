/**
 * `npm run test:e2e`: fails at once, with install instructions, when no Chromium can be found; the
 * browser tests are never skipped for want of a browser.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { findBrowser, NO_BROWSER_MESSAGE } from "@/tests/support/find-browser";

const browser = findBrowser();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
console.log(`Browser tests use ${browser}`);
// Every run starts from an empty database, so tests never meet accounts or rate limits of an earlier run.
for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/e2e.db${suffix}`, { force: true });
const run = spawnSync(process.execPath, [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
