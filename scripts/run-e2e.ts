/**
 * `npm run test:e2e`: fails at once, with install instructions, when no Chromium can be found; the
 * browser tests are never skipped for want of a browser.
 */
import { spawnSync } from "node:child_process";
import { findBrowser, NO_BROWSER_MESSAGE } from "@/tests/support/find-browser";

const browser = findBrowser();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
console.log(`Browser tests use ${browser}`);
const run = spawnSync(process.execPath, [require.resolve("@playwright/test/cli"), "test", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
