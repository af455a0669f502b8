/**
 * `npm run bench:lighthouse`: Lighthouse (desktop preset) performance and accessibility scores for the
 * home page, the glossary index and a term page, on the production server (scripts/start.ts), in Debian's Chromium.
 */
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from "@/tests/support/find-browser";
import { startServer } from "./server";

const PAGES = ["/", "/glossary", "/glossary/kv-cache"];

async function main() {
  const chromePath = process.env.CHROME_PATH ?? findBrowser();
  if (!chromePath) throw new Error(NO_BROWSER_MESSAGE);
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");

  const { baseUrl, stop } = await startServer(3202);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
  try {
    console.log("| page | performance | accessibility | LCP ms | TBT ms | CLS |");
    console.log("|---|---|---|---|---|---|");
    for (const page of PAGES) {
      await lighthouse(`${baseUrl}${page}`, { port: chrome.port }, desktopConfig); // warm the server's caches
      const result = await lighthouse(
        `${baseUrl}${page}`,
        { port: chrome.port, onlyCategories: ["performance", "accessibility"], output: "json", logLevel: "error" },
        desktopConfig,
      );
      const lhr = result!.lhr;
      const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      console.log(
        `| ${page} | ${score("performance")} | ${score("accessibility")} | ${metric("largest-contentful-paint").toFixed(0)} | ${metric("total-blocking-time").toFixed(0)} | ${metric("cumulative-layout-shift").toFixed(3)} |`,
      );
      const failing = (lhr.categories.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
        .map((ref) => ref.id);
      for (const id of failing) {
        // Which elements, so a failure that comes and goes can be traced from the one run that shows it.
        const items =
          (lhr.audits[id]?.details as { items?: { node?: { snippet?: string } }[] } | undefined)?.items ?? [];
        const nodes = items.slice(0, 3).map((item) => item.node?.snippet ?? "?");
        console.error(`${page}: failing accessibility audit ${id} on ${items.length} element(s): ${nodes.join(" ")}`);
      }
    }
  } finally {
    chrome.kill();
    await stop();
  }
}

void main();
