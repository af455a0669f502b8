/**
 * `npm run bench:class-dashboard`: what the class dashboard's data costs (loadClassProgress in
 * lib/data/class-progress.ts: the members, their attempts on the assigned decks counted by the database,
 * their cards on those decks for mastery, and the table, topics and behind flags built from them) for a
 * class of 300 members with 10 assigned decks and 200,000 answers among them, against a class of 3 members
 * on the same 10 decks (the baseline), in the same process and database, interleaved. Each member has
 * answered ~667 times over the past year (bench/progress-seed.ts's learner), with review cards to match.
 * SQLite, a fresh file under data/.
 */
import { rmSync } from "node:fs";
import { history, seeder } from "./progress-seed";
import { format, median, percentile } from "./stats";

const DATABASE_URL = "file:./data/bench-classes.db";
const ROUNDS = 15;
const DECKS = 10;
const ANSWERS_PER_MEMBER = 667;
const CLASSES = [
  { name: "300 members", members: 300 },
  { name: "3 members (baseline)", members: 3 },
] as const;

async function main() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/bench-classes.db${suffix}`, { force: true });
  const { migrateDatabase, syncContent } = await import("@/scripts/runtime");
  migrateDatabase(DATABASE_URL);
  await syncContent(DATABASE_URL);
  process.env.DATABASE_URL = DATABASE_URL;
  const { db } = await import("@/lib/data/db");
  const { loadClassProgress } = await import("@/lib/data/class-progress");

  const now = new Date();
  const decks = await db.deck.findMany({
    where: { source: "content" },
    orderBy: [{ questions: { _count: "desc" } }, { id: "asc" }],
    take: DECKS,
    select: { id: true },
  });
  const questions = await db.question.findMany({
    where: { deckId: { in: decks.map((deck) => deck.id) }, archived: false, status: "published" },
    select: { id: true, revision: true },
  });
  const owner = await db.user.create({ data: { email: "owner@example.com", role: "instructor" } });
  const seed = seeder(DATABASE_URL);
  const seeded = performance.now();
  const classIds: string[] = [];
  let answers = 0;
  for (const [index, { members }] of CLASSES.entries()) {
    const created = await db.class.create({
      data: {
        name: `Bench class ${index}`,
        ownerId: owner.id,
        joinCode: `BENCH${index}CODE`.padEnd(10, "X"),
        assignments: { create: decks.map((deck) => ({ deckId: deck.id })) },
      },
    });
    for (let member = 0; member < members; member++) {
      const userId = await seed.createUser(`class${index}-member${member}@example.com`, "not a real hash");
      const rows = history(questions, ANSWERS_PER_MEMBER, now, index * 1_000 + member + 1);
      await seed.addHistory(userId, rows);
      await db.classMember.create({ data: { classId: created.id, userId } });
      answers += rows.length;
    }
    classIds.push(created.id);
  }
  await seed.close();
  console.log(`Seeded ${answers} answers in ${format((performance.now() - seeded) / 1000, 1)} s.`);

  const actor = { id: owner.id, role: "instructor" as const };
  const timings = CLASSES.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const [index, classId] of classIds.entries()) {
      const started = performance.now();
      const progress = await loadClassProgress(db, actor, classId, now);
      const elapsed = performance.now() - started;
      if (!progress.ok || progress.value.members.length !== CLASSES[index]!.members) throw new Error("wrong dashboard");
      if (round > 0) timings[index]!.push(elapsed); // round 0 warms the caches and the query plans
    }
  }
  console.log(`\n| class | median | p90 | range |\n|---|---|---|---|`);
  for (const [index, { name }] of CLASSES.entries()) {
    const values = timings[index]!;
    console.log(
      `| ${name} | ${format(median(values), 1)} ms | ${format(percentile(values, 90), 1)} ms | ${format(Math.min(...values), 1)}-${format(Math.max(...values), 1)} ms |`,
    );
  }
  console.log(
    `\n300 members / 3 members = ${format(median(timings[0]!) / median(timings[1]!), 1)}x (medians of ${ROUNDS}).`,
  );
  await db.$disconnect();
}

void main();
