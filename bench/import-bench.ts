/**
 * `npm run bench:import`: importing a 1,000-question GIFT file, and the same questions as a Moodle XML
 * file (exported from the parsed GIFT by exportMoodleXml), into a deck, the steps of POST
 * /api/author/decks/:id/import with commit: parse, infer glossary terms, check every question with the
 * content checker, then insert the drafts in one transaction (SQLite, synchronous=FULL). The route runs
 * the first three in a worker thread (decision 014); here they run in this process, so the figure leaves
 * out the worker's start-up. The baseline, measured in the same process, is parsing the file alone; the
 * two formats alternate within each run. Acceptance: the whole import under 2 s.
 */
import { rmSync } from "node:fs";
import { loadGlossary } from "@/lib/content/load-glossary";
import { parseGift } from "@/lib/interchange/gift";
import type { ImportResult } from "@/lib/interchange/imported-question";
import { parseMoodleXml } from "@/lib/interchange/moodle-xml";
import { exportMoodleXml } from "@/lib/interchange/moodle-xml-export";
import { prepareImport } from "@/lib/interchange/prepare-import";
import { migrateDatabase } from "@/scripts/runtime";
import { format, median } from "./stats";

const QUESTIONS = 1_000;
const RUNS = 7;
const DATABASE_URL = "file:./data/bench-import.db";

/** Six GIFT types in turn, each naming glossary terms and carrying feedback, as a real bank would. */
function giftFile(count: number): string {
  const templates = [
    (n: number) =>
      `::mc-${n}:: Case ${n}: a model flags 50 items and 40 are right. Which metric is 40/50? {=Precision#Right. ~Recall#Recall divides by actual positives. ~Accuracy#Accuracy counts negatives too. ####Precision is TP over predicted positives.}`,
    (n: number) =>
      `::multi-${n}:: Case ${n}: which metrics put true positives in the numerator? {~%50%Precision ~%50%Recall ~%-100%Specificity####Both precision and recall count TP.}`,
    (n: number) =>
      `::tf-${n}:: Case ${n}: raising the threshold usually increases precision. {TRUE####Fewer, surer positives.}`,
    (n: number) =>
      `::num-${n}:: Case ${n}: of ${n + 10} flagged, ${n} are fraud. What is the precision? {#${(n / (n + 10)).toFixed(4)}:0.001####${n} / ${n + 10}.}`,
    (n: number) =>
      `::short-${n}:: Case ${n}: the metric for the share of flagged items that are right? {=precision =PPV####Precision.}`,
    (n: number) =>
      `::essay-${n}:: Case ${n}: explain the precision-recall trade-off. {####The threshold trades recall for precision.\\n\\n\\#\\#\\# Rubric\\n- Names the threshold\\n\\n\\#\\#\\# Explanation\\nBoth move with it.}`,
  ];
  return Array.from({ length: count }, (_, index) => templates[index % templates.length]!(index + 1)).join("\n\n");
}

async function main() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/bench-import.db${suffix}`, { force: true });
  migrateDatabase(DATABASE_URL);
  process.env.DATABASE_URL = DATABASE_URL;
  const { db } = await import("@/lib/data/db");
  const authoring = await import("@/lib/data/authoring/deck-writes");
  const user = await db.user.create({ data: { email: "bench@example.com", role: "instructor" } });
  const actor = { id: user.id, role: "instructor" as const };
  const { terms } = loadGlossary();
  const glossary = { slugs: new Set(terms.map((term) => term.slug)), terms };
  const gift = giftFile(QUESTIONS);
  const formats: { name: "gift" | "moodle-xml"; text: string; parse: (text: string) => ImportResult }[] = [
    { name: "gift", text: gift, parse: parseGift },
    { name: "moodle-xml", text: exportMoodleXml(parseGift(gift).questions), parse: parseMoodleXml },
  ];
  let sequence = 0;

  const timings = new Map(
    formats.map(({ name }) => [
      name,
      { parse: [] as number[], prepare: [] as number[], commit: [] as number[], total: [] as number[] },
    ]),
  );
  for (let run = 0; run < RUNS; run++) {
    for (const { name, text, parse: parseFile } of formats) {
      const times = timings.get(name)!;
      const deckId = `bench-deck-${name}-${run}`;
      await authoring.createDeck(
        db,
        actor,
        { title: `Bench ${name} ${run}`, topic: "metrics", description: "Benchmark.", level: "beginner" },
        deckId,
      );

      let started = performance.now();
      const parsed = parseFile(text);
      times.parse.push(performance.now() - started);
      if (parsed.questions.length !== QUESTIONS)
        throw new Error(`${name}: parsed ${parsed.questions.length} questions`);

      started = performance.now();
      const prepared = prepareImport(name, text, glossary, { defaultTerms: [], newId: () => `q-bench-${sequence++}` });
      const prepareMs = performance.now() - started;
      if (prepared.problems.length > 0 || prepared.questions.length !== QUESTIONS)
        throw new Error(`${name} import problems: ${JSON.stringify(prepared.problems.slice(0, 3))}`);
      const committedAt = performance.now();
      const outcome = await authoring.commitImport(
        db,
        actor,
        deckId,
        prepared.questions.map(({ line: _line, ...question }) => question),
      );
      const commitMs = performance.now() - committedAt;
      if (!outcome.ok || outcome.value.imported !== QUESTIONS) throw new Error(`${name}: commit failed`);
      times.prepare.push(prepareMs);
      times.commit.push(commitMs);
      times.total.push(prepareMs + commitMs);
      console.log(
        `run ${run + 1} ${name}: ${format(text.length / 1024, 0)} KiB, parse ${format(times.parse.at(-1)!)} ms, parse+terms+check ${format(prepareMs)} ms, commit ${format(commitMs)} ms, total ${format(prepareMs + commitMs)} ms`,
      );
    }
  }
  const stored = await db.question.count();
  const expected = QUESTIONS * RUNS * formats.length;
  if (stored !== expected) throw new Error(`expected ${expected} stored questions, found ${stored}`);
  for (const { name } of formats) {
    const { parse, prepare, commit, total } = timings.get(name)!;
    console.log(
      `\n${QUESTIONS} ${name} questions, median of ${RUNS} runs: parse (baseline) ${format(median(parse))} ms; parse + terms + content check ${format(median(prepare))} ms; ` +
        `commit ${format(median(commit))} ms; whole import ${format(median(total))} ms = ${format(median(total) / median(parse), 1)}x the parse alone. ` +
        `Target < 2000 ms: ${median(total) < 2000 ? "met" : "NOT met"}.`,
    );
  }
  await db.$disconnect();
}

void main();
