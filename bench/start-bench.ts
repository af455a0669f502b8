/**
 * `npm run bench:start`: what the content step of `npm start` (scripts/runtime.ts syncContent) costs, in
 * three situations measured in turn in each round, on SQLite files under data/:
 * - cold: a fresh database and no checked content in data/, the way every start worked before issue 16
 *   (the baseline): a tsx child parses and checks content/ and syncs it;
 * - fresh database, content checked before: the child syncs decks read back from data/ (a new deployment
 *   or a browser-test run);
 * - unchanged: the same database again: the fingerprint in its ContentSync row matches, nothing runs.
 * Goal (issue 16): unchanged content costs under 0.5 s. The migration step before it, on a database with
 * nothing pending, in the same rounds: `prisma migrate deploy` (what every start ran before, the baseline)
 * against the check that now lets a start skip it (scripts/migration-status.ts).
 */
import { rmSync } from "node:fs";
import { isDatabaseMigrated } from "@/scripts/migration-status";
import { migrateDatabase, syncContent } from "@/scripts/runtime";
import { format, median } from "./stats";

const ROUNDS = 5;
const CHECKED_CONTENT_FILE = "data/checked-content.json";

function freshDatabase(name: string): string {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/${name}.db${suffix}`, { force: true });
  const url = `file:./data/${name}.db`;
  migrateDatabase(url);
  return url;
}

async function timed(step: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await step();
  return performance.now() - started;
}

async function main() {
  const samples = { cold: [] as number[], checked: [] as number[], unchanged: [] as number[] };
  const migration = { deploy: [] as number[], check: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const first = freshDatabase("bench-start-a");
    const second = freshDatabase("bench-start-b");
    rmSync(CHECKED_CONTENT_FILE, { force: true });
    samples.cold.push(await timed(() => syncContent(first)));
    samples.checked.push(await timed(() => syncContent(second)));
    samples.unchanged.push(await timed(() => syncContent(first)));
    migration.deploy.push(await timed(async () => migrateDatabase(first)));
    migration.check.push(
      await timed(async () => {
        if (!(await isDatabaseMigrated(first))) throw new Error("a migrated database reads as not migrated");
      }),
    );
    console.log(
      `round ${round + 1}: cold ${format(samples.cold.at(-1)!, 0)} ms, checked before ${format(samples.checked.at(-1)!, 0)} ms, unchanged ${format(samples.unchanged.at(-1)!, 0)} ms`,
    );
  }
  const line = (name: string, values: number[]) =>
    `${name}: median ${format(median(values), 0)} ms (${format(Math.min(...values), 0)}-${format(Math.max(...values), 0)}), ` +
    `${format(median(samples.cold) / median(values), 1)}x faster than cold`;
  console.log(`\nContent step of npm start, median of ${ROUNDS} rounds:`);
  console.log(line("fresh database, content checked before", samples.checked));
  console.log(line("unchanged content", samples.unchanged));
  console.log(
    `cold (baseline): median ${format(median(samples.cold), 0)} ms (${format(Math.min(...samples.cold), 0)}-${format(Math.max(...samples.cold), 0)})`,
  );
  console.log(`goal: unchanged under 500 ms: ${median(samples.unchanged) < 500 ? "met" : "NOT met"}.`);
  console.log(
    `\nMigration step with nothing pending: prisma migrate deploy (baseline) median ${format(median(migration.deploy), 0)} ms ` +
      `(${format(Math.min(...migration.deploy), 0)}-${format(Math.max(...migration.deploy), 0)}), the check that skips it ` +
      `${format(median(migration.check), 1)} ms (${format(Math.min(...migration.check), 1)}-${format(Math.max(...migration.check), 1)}).`,
  );
}

void main();
