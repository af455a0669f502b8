/**
 * `npm run bench:progress` (issue 16, "progress at scale"): how long /decks, /progress and
 * /api/me/progress take for a user with 20,000 answers over a year against a new user, on one production
 * server and database, in the same run. Three signed-in users: new (nothing), few (a dozen answers today)
 * and heavy (20,000 answers on every question, with their review cards; bench/progress-seed.ts). Requests
 * go one at a time, interleaved (each round asks every route for every user), so drift on a shared machine
 * hits all alike; each prints median and p95 and the ratio heavy/new per route (goal <= 2).
 * On SQLite, then on PostgreSQL when one answers at MLPREP_BENCH_POSTGRES_URL (bench/answers-databases.ts).
 */
import { hash } from "@node-rs/argon2";
import {
  type BenchDatabase,
  benchPostgresUrl,
  freshPostgres,
  freshSqlite,
  postgresUnavailable,
} from "./answers-databases";
import { signIn } from "./answers-load";
import { history, seeder } from "./progress-seed";
import { startServer } from "./server";
import { format, median, percentile } from "./stats";

const PASSWORD = "benchmark password";
const HEAVY_ATTEMPTS = 20_000;
const ROUNDS = 60;
const WARM_UP_ROUNDS = 5;
const RATIO_GOAL = 2;
/** A zone 5:45 ahead of UTC: days are folded from quarter hours, never from whole hours. */
const TIME_ZONE = "Asia/Kathmandu";
const ROUTES = ["/decks", "/progress", "/api/me/progress"] as const;

type User = { name: string; attempts: number; cookie: string };
type Setup = { name: string; port: number; database: () => Promise<BenchDatabase> };

async function seedUsers(url: string, baseUrl: string): Promise<User[]> {
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  const seed = seeder(url);
  const now = new Date();
  const questions = await seed.liveQuestions();
  // Another process answering /api/health on the port would have let the run start before this server synced.
  if (!questions.length) throw new Error("no live questions: is another server on the port?");
  const histories = [
    { name: "new", rows: [] },
    { name: "few", rows: history(questions, 12, now, 2) },
    { name: "heavy", rows: history(questions, HEAVY_ATTEMPTS, now) },
  ];
  try {
    for (const { name, rows } of histories)
      await seed.addHistory(await seed.createUser(`${name}@example.com`, passwordHash), rows);
  } finally {
    await seed.close();
  }
  // better-sqlite3 writes synchronously: while it did, the server closed idle keep-alive connections
  // that fetch would otherwise take from its pool before the loop has seen them close.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const users: User[] = [];
  for (const { name, rows } of histories) {
    const session = await signIn(baseUrl, `${name}@example.com`, PASSWORD);
    users.push({ name, attempts: rows.length, cookie: `${session}; tz=${TIME_ZONE}` });
  }
  return users;
}

/** One GET's time in ms; anything but 200 stops the run. */
async function timed(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return elapsed;
}

/** The heavy user's report must count every seeded answer, or the run measured something else. */
async function checkHeavy(baseUrl: string, heavy: User): Promise<void> {
  const response = await fetch(`${baseUrl}/api/me/progress`, { headers: { cookie: heavy.cookie } });
  const report = (await response.json()) as { totals: { answered: number }; timeZone: string };
  // Intl's canonical name of the zone ("Asia/Katmandu").
  const zone = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE }).resolvedOptions().timeZone;
  if (report.totals.answered !== heavy.attempts || report.timeZone !== zone) {
    throw new Error(`the heavy user's report says ${report.totals.answered} answers in ${report.timeZone}`);
  }
}

async function runSetup(setup: Setup): Promise<void> {
  const database = await setup.database();
  const { baseUrl, stop } = await startServer(setup.port, database.url);
  try {
    const users = await seedUsers(database.url, baseUrl);
    await checkHeavy(
      baseUrl,
      users.find((user) => user.name === "heavy")!,
    );
    const times = new Map<string, number[]>();
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
      for (const route of ROUTES) {
        for (const user of users) {
          const elapsed = await timed(`${baseUrl}${route}`, user.cookie);
          if (round >= WARM_UP_ROUNDS)
            times.set(`${route} ${user.name}`, [...(times.get(`${route} ${user.name}`) ?? []), elapsed]);
        }
      }
    }
    console.log(`\n### ${setup.name}\n`);
    console.log(
      `| route | ${users.map((user) => `${user.name} (${user.attempts.toLocaleString("en")} answers) median / p95 ms`).join(" | ")} | heavy / new (medians) |`,
    );
    console.log(`|---|${users.map(() => "---|").join("")}---|`);
    for (const route of ROUTES) {
      const of = (name: string) => times.get(`${route} ${name}`)!;
      const cells = users.map((user) => `${format(median(of(user.name)))} / ${format(percentile(of(user.name), 95))}`);
      const ratio = median(of("heavy")) / median(of("new"));
      console.log(
        `| ${route} | ${cells.join(" | ")} | ${ratio.toFixed(2)} (${ratio <= RATIO_GOAL ? "met" : "MISSED"}) |`,
      );
    }
    console.log(
      `\n${ROUNDS} interleaved rounds after ${WARM_UP_ROUNDS} warm-up rounds, one request at a time, tz=${TIME_ZONE}; goal heavy / new <= ${RATIO_GOAL}`,
    );
  } finally {
    await stop();
  }
}

async function main() {
  const setups: Setup[] = [{ name: "SQLite", port: 3261, database: async () => freshSqlite("data/bench-progress.db") }];
  const unavailable = await postgresUnavailable();
  if (unavailable) console.log(`PostgreSQL not run: ${unavailable}.`);
  else
    setups.push({
      name: "PostgreSQL",
      port: 3262,
      database: () => freshPostgres(benchPostgresUrl(), "mlprep_bench_progress"),
    });
  for (const setup of setups) await runSetup(setup);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
