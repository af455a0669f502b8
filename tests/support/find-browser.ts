import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** Chromium flags for a headless run as root on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const NO_BROWSER_MESSAGE = `No Chromium found for the browser tests.
Looked at: $CHROMIUM_PATH, /usr/bin/chromium, and Playwright's own installed browsers.
Install one:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  other systems:  npx playwright install chromium   (or set CHROMIUM_PATH to a Chromium/Chrome binary)`;

/** The browser the tests drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own. */
export function findBrowser(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", safePlaywrightPath()];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
