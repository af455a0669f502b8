/**
 * `npm run bench:builds -- base=/path/to/checkout other=/path/to/checkout ...`: page throughput of several
 * production builds of mlprep, each served by `npm start`'s path from its own checkout (built, with its
 * own data/), loaded in rounds by this one process: each round runs every build on a page back to back,
 * so load that comes and goes on a shared machine hits them alike. The first build is the baseline; each
 * other build's figure is the median over rounds of its ratio to the baseline in the same round. Used to
 * price the Content-Security-Policy choices (docs/decisions/012-security-headers.md).
 */
import autocannon from "autocannon";
import { startServer } from "./server";
import { format, median, medianRatio } from "./stats";

const PAGES = ["/about", "/glossary/kv-cache", "/decks"];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = 10;

type Run = { rps: number; p99: number; non2xx: number };

async function load(url: string, duration: number): Promise<Run> {
  const result = await autocannon({ url, connections: 50, duration });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

function parseBuilds(args: string[]): { name: string; dir: string }[] {
  const builds = args.map((arg) => {
    const [name, dir] = arg.split("=");
    if (!name || !dir) throw new Error(`expected name=/path/to/checkout, got "${arg}"`);
    return { name, dir };
  });
  if (builds.length === 0) throw new Error("usage: npm run bench:builds -- base=/path other=/path ...");
  return builds;
}

async function main() {
  const builds = parseBuilds(process.argv.slice(2));
  const servers = [];
  for (const [index, build] of builds.entries())
    servers.push({ ...build, ...(await startServer(3211 + index, "file:./data/bench.db", build.dir)) });
  try {
    for (const server of servers) {
      // Which policy each build sends, so a table can never describe the wrong build.
      for (const page of PAGES) {
        const response = await fetch(`${server.baseUrl}${page}`);
        const csp = response.headers.get("content-security-policy");
        console.log(
          `${server.name} ${page}: ${response.status}, x-nextjs-cache ${response.headers.get("x-nextjs-cache") ?? "-"}, CSP ${csp ?? "none"}`,
        );
      }
    }
    const runs = new Map<string, Run[]>();
    for (const server of servers) for (const page of PAGES) await load(`${server.baseUrl}${page}`, 3); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const page of PAGES) {
        for (const server of servers) {
          const key = `${server.name} ${page}`;
          runs.set(key, [...(runs.get(key) ?? []), await load(`${server.baseUrl}${page}`, SECONDS)]);
        }
      }
    }
    // Each round measures every build of a page back to back, so a round's ratio to the baseline is the
    // least disturbed by load that comes and goes; the median of those ratios is the headline figure.
    console.log(
      `\n| page | build | req/s per round (${SECONDS} s runs) | median req/s | median p99 ms | median ratio to ${servers[0]!.name} per round | non-2xx |`,
    );
    console.log("|---|---|---|---|---|---|---|");
    for (const page of PAGES) {
      const baseline = runs.get(`${servers[0]!.name} ${page}`)!;
      for (const server of servers) {
        const pageRuns = runs.get(`${server.name} ${page}`)!;
        const all = pageRuns.map((run) => run.rps.toFixed(0)).join(", ");
        const ratio = medianRatio(pageRuns, baseline, (run) => run.rps);
        const non2xx = pageRuns.reduce((sum, run) => sum + run.non2xx, 0);
        console.log(
          `| ${page} | ${server.name} | ${all} | ${format(median(pageRuns.map((run) => run.rps)))} | ${format(median(pageRuns.map((run) => run.p99)))} | ${ratio.toFixed(2)} | ${non2xx} |`,
        );
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

void main();
