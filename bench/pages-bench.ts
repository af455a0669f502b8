/**
 * `npm run bench:pages`: requests per second for a prerendered term page against a trivial prerendered
 * page (/about, same layout) on the same production server (scripts/start.ts), in the same run (autocannon,
 * 50 connections). Autocannon runs on the same cores as the server, so throughput also counts the load
 * generator's cost of reading a bigger response: the server's own CPU time per request is reported too.
 * The headline is the median over rounds of each round's ratio: a round loads both pages back to back, so
 * load that comes and goes on a shared machine hits them alike (single runs swing by +-20% here).
 */
import autocannon from "autocannon";
import { startServer } from "./server";
import { medianRatio } from "./stats";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Run = { rps: number; p99: number; non2xx: number; bytes: number; serverCpuPerRequest: number };
type Page = { name: string; url: string; runs: Run[] };

async function load(url: string, cpuMilliseconds: () => number, duration = 10): Promise<Run> {
  const cpuBefore = cpuMilliseconds();
  const result = await autocannon({ url, connections: 50, duration });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    bytes: result.throughput.total / result.requests.total,
    serverCpuPerRequest: (cpuMilliseconds() - cpuBefore) / result.requests.total,
  };
}

async function main() {
  const { baseUrl, stop, cpuMilliseconds } = await startServer(3201);
  try {
    const pages: Page[] = [
      { name: "/about (trivial)", url: `${baseUrl}/about`, runs: [] },
      { name: "/glossary/kv-cache", url: `${baseUrl}/glossary/kv-cache`, runs: [] },
    ];
    for (const page of pages) await load(page.url, cpuMilliseconds, 3); // warm-up
    // Alternating rounds, so drift on a shared machine hits both pages alike.
    for (let round = 0; round < ROUNDS; round++)
      for (const page of pages) page.runs.push(await load(page.url, cpuMilliseconds));

    console.log("| page | bytes | req/s per 10 s run | p99 ms per run | server CPU ms per request | non-2xx |");
    console.log("|---|---|---|---|---|---|");
    for (const page of pages) {
      const rps = page.runs.map((run) => run.rps.toFixed(0)).join(", ");
      const p99 = page.runs.map((run) => run.p99).join(", ");
      const cpu = page.runs.map((run) => run.serverCpuPerRequest.toFixed(2)).join(", ");
      const non2xx = page.runs.reduce((sum, run) => sum + run.non2xx, 0);
      console.log(`| ${page.name} | ${page.runs[0]!.bytes.toFixed(0)} | ${rps} | ${p99} | ${cpu} | ${non2xx} |`);
    }
    const [trivial, term] = pages as [Page, Page];
    const ratio = medianRatio(term.runs, trivial.runs, (run) => run.rps);
    const cpuRatio = medianRatio(term.runs, trivial.runs, (run) => 1 / run.serverCpuPerRequest);
    const perRound = term.runs.map((run, round) => (run.rps / trivial.runs[round]!.rps).toFixed(2)).join(", ");
    console.log(
      `\nterm page / trivial page = ${ratio.toFixed(2)}, median of ${ROUNDS} rounds (${perRound}) (goal >= 0.9: ${ratio >= 0.9 ? "met" : "NOT met"})`,
    );
    console.log(
      `by the server's CPU per request alone: ${cpuRatio.toFixed(2)} (the trivial page's cost / the term page's)`,
    );
  } finally {
    await stop();
  }
}

void main();
