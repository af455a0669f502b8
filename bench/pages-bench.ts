/**
 * `npm run bench:pages`: requests per second for a prerendered term page against a trivial prerendered
 * page (/about, same layout) on the same production server (scripts/start.ts), in the same run (autocannon, 50 connections).
 */
import autocannon from "autocannon";
import { startServer } from "./server";

type Run = { rps: number; p99: number; non2xx: number };
type Page = { name: string; url: string; runs: Run[] };

async function load(url: string, duration = 10): Promise<Run> {
  const result = await autocannon({ url, connections: 50, duration });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

const meanRps = (runs: Run[]) => runs.reduce((sum, run) => sum + run.rps, 0) / runs.length;

async function main() {
  const { baseUrl, stop } = await startServer(3201);
  try {
    const pages: Page[] = [
      { name: "/about (trivial)", url: `${baseUrl}/about`, runs: [] },
      { name: "/glossary/kv-cache", url: `${baseUrl}/glossary/kv-cache`, runs: [] },
    ];
    for (const page of pages) await load(page.url, 3); // warm-up
    // Alternating rounds, so drift on a shared machine hits both pages alike.
    for (let round = 0; round < 2; round++) for (const page of pages) page.runs.push(await load(page.url));

    console.log("| page | req/s per 10 s run | p99 ms per run | non-2xx |");
    console.log("|---|---|---|---|");
    for (const page of pages) {
      const rps = page.runs.map((run) => run.rps.toFixed(0)).join(", ");
      const p99 = page.runs.map((run) => run.p99).join(", ");
      console.log(`| ${page.name} | ${rps} | ${p99} | ${page.runs.reduce((sum, run) => sum + run.non2xx, 0)} |`);
    }
    const ratio = meanRps(pages[1]!.runs) / meanRps(pages[0]!.runs);
    console.log(`\nterm page / trivial page = ${ratio.toFixed(2)} (goal >= 0.9)`);
  } finally {
    await stop();
  }
}

void main();
