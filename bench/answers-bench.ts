/**
 * `npm run bench:answers`: throughput of recording an answer (POST /api/attempts, signed-in session,
 * production build) against /api/health measured in the same setup, at 50 connections, in three setups
 * run one after the other in one process:
 * - SQLite, one server (WAL mode, synchronous=FULL);
 * - PostgreSQL, one server;
 * - PostgreSQL, two servers on the same database (the second started once the first answers /api/health),
 *   each run split over both: half the connections and half the requests each, started together, health
 *   the same way (bench/answers-load.ts).
 * Each PostgreSQL setup starts on an empty `mlprep_bench` database (bench/answers-databases.ts, through
 * MLPREP_BENCH_POSTGRES_URL); without a PostgreSQL server, one line says so and SQLite runs alone.
 * Afterwards each setup's Attempt rows must equal its 2xx answers, else the exit code is 1.
 * Each run also reports the app servers' CPU time per request (their process groups, from /proc): steadier
 * than rates and latencies on a machine the load generator shares, and PostgreSQL's own processes are not in it.
 */
import { hash } from "@node-rs/argon2";
import type autocannon from "autocannon";
import {
  type BenchDatabase,
  benchPostgresUrl,
  freshPostgres,
  freshSqlite,
  postgresUnavailable,
} from "./answers-databases";
import { answerTargets, load, REQUESTS_PER_RUN, type Run, signIn } from "./answers-load";
import { startServer } from "./server";
import { median } from "./stats";

const EMAIL = "bench@example.com";
const PASSWORD = "benchmark password";
const ROUNDS = 4;
const WARM_UP_REQUESTS = 1_000;

type Setup = { name: string; ports: number[]; database: () => Promise<BenchDatabase> };
/** A run, with the CPU milliseconds the app servers spent per request during it. */
type Measured = Run & { cpuPerRequest: number };
type Outcome = {
  name: string;
  warmUp: { health: Run; answers: Run };
  health: Measured[];
  answers: Measured[];
  rows: number;
  answered2xx: number;
  durability: string;
};

async function runSetup(setup: Setup): Promise<Outcome> {
  const database = await setup.database();
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    // One after the other: the second starts once the first has migrated and synced the decks.
    for (const port of setup.ports) servers.push(await startServer(port, database.url));
    const baseUrls = servers.map((server) => server.baseUrl);
    await database.createUser(EMAIL, await hash(PASSWORD, { algorithm: 2 }));
    // Every server shares data/auth-secret, so one session cookie is good on all of them.
    const cookie = await signIn(baseUrls[0]!, EMAIL, PASSWORD);
    const answers = answerTargets(baseUrls, cookie);
    const health: autocannon.Options[] = baseUrls.map((baseUrl) => ({ url: `${baseUrl}/api/health` }));

    const warmUp = { answers: await load(answers, WARM_UP_REQUESTS), health: await load(health, WARM_UP_REQUESTS) };
    const cpuMilliseconds = () => servers.reduce((total, server) => total + server.cpuMilliseconds(), 0);
    const measured = async (targets: autocannon.Options[]): Promise<Measured> => {
      const before = cpuMilliseconds();
      const run = await load(targets);
      return { ...run, cpuPerRequest: (cpuMilliseconds() - before) / (run.ok + run.other) };
    };
    const outcome = { health: [] as Measured[], answers: [] as Measured[] };
    // Alternating rounds, so drift on a shared machine hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      outcome.health.push(await measured(health));
      outcome.answers.push(await measured(answers));
    }
    return {
      name: setup.name,
      warmUp,
      ...outcome,
      rows: await database.countAttempts(),
      answered2xx: warmUp.answers.ok + outcome.answers.reduce((sum, run) => sum + run.ok, 0),
      durability: await database.durability(),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

const list = (runs: Measured[], value: (run: Measured) => number, digits = 0) =>
  runs.map((run) => value(run).toFixed(digits)).join(", ");
const medianRps = (runs: Run[]) => median(runs.map((run) => run.rps));
const medianCpu = (runs: Measured[]) => median(runs.map((run) => run.cpuPerRequest));
/** Non-2xx responses and errors, saying how many of them were timeouts. */
function failures(runs: Run[]): string {
  const other = runs.reduce((sum, run) => sum + run.other, 0);
  const timeouts = runs.reduce((sum, run) => sum + run.timeouts, 0);
  return timeouts > 0 ? `${other} (${timeouts} timeouts)` : String(other);
}

function printOutcome(outcome: Outcome): void {
  console.log(`\n### ${outcome.name}\n`);
  console.log(
    `| endpoint | req/s per run of ${REQUESTS_PER_RUN.toLocaleString("en")} | p50 ms | p99 ms | server CPU ms per request | non-2xx/errors |`,
  );
  console.log("|---|---|---|---|---|---|");
  for (const [name, runs] of [
    ["GET /api/health", outcome.health],
    ["POST /api/attempts (signed in)", outcome.answers],
  ] as const) {
    console.log(
      `| ${name} | ${list(runs, (run) => run.rps)} | ${list(runs, (run) => run.p50)} | ${list(runs, (run) => run.p99)} | ${list(runs, (run) => run.cpuPerRequest, 2)} | ${failures(runs)} |`,
    );
  }
  const { warmUp } = outcome;
  console.log(
    `\nwarm-up runs of ${WARM_UP_REQUESTS.toLocaleString("en")}: health ${warmUp.health.rps.toFixed(0)} req/s, ${failures([warmUp.health])} non-2xx/errors; answers ${warmUp.answers.rps.toFixed(0)} req/s, ${failures([warmUp.answers])} non-2xx/errors`,
  );
  const healthRps = medianRps(outcome.health);
  const answersRps = medianRps(outcome.answers);
  console.log(`median req/s: health ${healthRps.toFixed(0)}, answers ${answersRps.toFixed(0)}`);
  const { answersP99, healthP99 } = p99s(outcome);
  console.log(
    `answers / health throughput = ${(answersRps / healthRps).toFixed(2)} (goal >= 0.8); median p99: answers ${answersP99.toFixed(0)} ms, health ${healthP99.toFixed(0)} ms, ratio ${(answersP99 / healthP99).toFixed(2)} (goal <= ${P99_RATIO_GOAL})`,
  );
  console.log(
    `by the servers' CPU per request: health ${medianCpu(outcome.health).toFixed(2)} ms, answers ${medianCpu(outcome.answers).toFixed(2)} ms, health / answers = ${(medianCpu(outcome.health) / medianCpu(outcome.answers)).toFixed(2)}`,
  );
  console.log(
    `${outcome.durability}; attempt rows = ${outcome.rows}, 2xx answers = ${outcome.answered2xx}: ${outcome.rows === outcome.answered2xx ? "equal" : "MISMATCH"}`,
  );
}

/**
 * The p99 goal as a ratio to /api/health's p99 in the same setup and run (issue 16): on a machine whose
 * cores the load generator shares, Next's own request handling is past any fixed figure.
 */
const P99_RATIO_GOAL = 1.3;
function p99s(outcome: Outcome): { answersP99: number; healthP99: number } {
  return {
    answersP99: median(outcome.answers.map((run) => run.p99)),
    healthP99: median(outcome.health.map((run) => run.p99)),
  };
}

function printSummary(outcomes: Outcome[]): void {
  console.log("\n### Summary\n");
  console.log(
    `| setup | median health req/s | median answers req/s | answers / health | median p99 ms, health / answers | p99 ratio (goal <= ${P99_RATIO_GOAL}) | server CPU ms per request, health / answers | rows = 2xx |`,
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const outcome of outcomes) {
    const healthRps = medianRps(outcome.health);
    const answersRps = medianRps(outcome.answers);
    const { answersP99, healthP99 } = p99s(outcome);
    const rows = `${outcome.rows.toLocaleString("en")} ${outcome.rows === outcome.answered2xx ? "=" : "≠"} ${outcome.answered2xx.toLocaleString("en")}`;
    const cpu = `${medianCpu(outcome.health).toFixed(2)} / ${medianCpu(outcome.answers).toFixed(2)}`;
    console.log(
      `| ${outcome.name} | ${healthRps.toFixed(0)} | ${answersRps.toFixed(0)} | ${(answersRps / healthRps).toFixed(2)} | ${healthP99.toFixed(0)} / ${answersP99.toFixed(0)} | ${(answersP99 / healthP99).toFixed(2)} | ${cpu} | ${rows} |`,
    );
  }
}

async function main() {
  const setups: Setup[] = [
    { name: "SQLite, one server", ports: [3202], database: async () => freshSqlite("data/bench-answers.db") },
  ];
  const unavailable = await postgresUnavailable();
  if (unavailable) {
    console.log(`PostgreSQL setups not run: ${unavailable}.`);
  } else {
    const adminUrl = benchPostgresUrl();
    setups.push(
      { name: "PostgreSQL, one server", ports: [3203], database: () => freshPostgres(adminUrl) },
      { name: "PostgreSQL, two servers", ports: [3204, 3205], database: () => freshPostgres(adminUrl) },
    );
  }
  const outcomes: Outcome[] = [];
  for (const setup of setups) {
    const outcome = await runSetup(setup);
    printOutcome(outcome);
    if (outcome.rows !== outcome.answered2xx) process.exitCode = 1;
    outcomes.push(outcome);
  }
  printSummary(outcomes);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
