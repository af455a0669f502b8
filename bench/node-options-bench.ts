/**
 * `npm run bench:node-options -- "" "--max-semi-space-size=32" ...`: the production server under runtime
 * settings (NODE_OPTIONS) side by side. One server per setting, each the way `npm start` runs it on its
 * own fresh SQLite file, signed in as one user; then rounds in which every server serves /api/health and
 * then recorded answers (bench/answers-load.ts: 4,000 requests at 50 connections) in turn, so load that
 * comes and goes on a shared machine hits them alike. The first setting is the baseline: each other
 * setting's figure is the median over rounds of its ratio to the baseline in the same round.
 */
import { hash } from "@node-rs/argon2";
import type autocannon from "autocannon";
import { freshSqlite } from "./answers-databases";
import { answerTargets, load, type Run, signIn } from "./answers-load";
import { startServer } from "./server";
import { format, median, medianRatio } from "./stats";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const EMAIL = "bench@example.com";
const PASSWORD = "benchmark password";

type Setting = { name: string; health: autocannon.Options[]; answers: autocannon.Options[]; stop: () => Promise<void> };

async function startSetting(nodeOptions: string, index: number): Promise<Setting> {
  const database = freshSqlite(`data/bench-node-options-${index}.db`);
  // The server inherits this process's environment (bench/server.ts); only its start sees the setting.
  const inherited = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = nodeOptions;
  const server = await startServer(3231 + index, database.url).finally(() => {
    if (inherited === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = inherited;
  });
  await database.createUser(EMAIL, await hash(PASSWORD, { algorithm: 2 }));
  const cookie = await signIn(server.baseUrl, EMAIL, PASSWORD);
  return {
    name: nodeOptions || "(none)",
    health: [{ url: `${server.baseUrl}/api/health` }],
    answers: answerTargets([server.baseUrl], cookie),
    stop: server.stop,
  };
}

async function main() {
  const options = process.argv.slice(2);
  if (options.length < 2) throw new Error('usage: npm run bench:node-options -- "" "--max-semi-space-size=32"');
  const settings: Setting[] = [];
  try {
    for (const [index, nodeOptions] of options.entries()) settings.push(await startSetting(nodeOptions, index));
    const runs = new Map<string, Run[]>();
    const record = (key: string, run: Run) => runs.set(key, [...(runs.get(key) ?? []), run]);
    for (const setting of settings) await load(setting.answers, 1_000); // warm-up: code paths and caches
    for (let round = 0; round < ROUNDS; round++)
      for (const endpoint of ["health", "answers"] as const)
        for (const setting of settings) record(`${setting.name} ${endpoint}`, await load(setting[endpoint]));

    console.log(
      "| endpoint | NODE_OPTIONS | req/s per round | median p99 ms | median req/s ratio to baseline | median p99 ratio to baseline |",
    );
    console.log("|---|---|---|---|---|---|");
    for (const endpoint of ["health", "answers"] as const) {
      const baseline = runs.get(`${settings[0]!.name} ${endpoint}`)!;
      for (const setting of settings) {
        const own = runs.get(`${setting.name} ${endpoint}`)!;
        const rpsRatio = medianRatio(own, baseline, (run) => run.rps);
        const p99Ratio = medianRatio(own, baseline, (run) => run.p99);
        console.log(
          `| ${endpoint} | ${setting.name} | ${own.map((run) => run.rps.toFixed(0)).join(", ")} | ${format(median(own.map((run) => run.p99)))} | ${rpsRatio.toFixed(2)} | ${p99Ratio.toFixed(2)} |`,
        );
      }
    }
    for (const setting of settings) {
      const health = runs.get(`${setting.name} health`)!;
      const answers = runs.get(`${setting.name} answers`)!;
      const throughput = medianRatio(answers, health, (run) => run.rps);
      const p99 = median(answers.map((run) => run.p99)) / median(health.map((run) => run.p99));
      console.log(`${setting.name}: answers / health throughput ${throughput.toFixed(2)}, p99 ratio ${p99.toFixed(2)}`);
    }
  } finally {
    await Promise.all(settings.map((setting) => setting.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
