/**
 * `npm run bench:search`: mlprep's search against naive fuse.js (the default configuration over term,
 * aliases and definition, with a prebuilt index) and minisearch, in one process, on the real glossary and
 * on synthetic corpora of 500, 5,000 and 50,000 terms. Prints latency (p50/p95 per query), quality on the
 * labelled queries (top-1/top-3) and index sizes as a Markdown table for docs/benchmarks.md.
 */
import { gzipSync } from "node:zlib";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { buildGlossaryEntries, toSearchDocs } from "@/lib/content/glossary-entries";
import { loadGlossary } from "@/lib/content/load-glossary";
import { SearchEngine } from "@/lib/search/search-engine";
import { buildSearchIndexFile, type SearchDoc } from "@/lib/search/search-index";
import { LABELLED_QUERIES } from "@/tests/fixtures/labelled-queries";
import { format, median, percentile } from "./stats";
import { syntheticCorpus } from "./synthetic-corpus";

type Searcher = (query: string) => string[];
type Row = {
  corpus: string;
  terms: number;
  approach: string;
  p50: number;
  p95: number;
  top1: number;
  top3: number;
  queries: number;
};

const queries = LABELLED_QUERIES.map((entry) => entry.query);

function measure(search: Searcher, budgetMs: number, maxQueries = queries.length) {
  const used = LABELLED_QUERIES.slice(0, maxQueries);
  for (const { query } of used) search(query); // warm-up: JIT and lazy structures
  const times: number[] = [];
  let top1 = 0;
  let top3 = 0;
  const started = performance.now();
  let pass = 0;
  do {
    for (const { query, expected } of used) {
      const t0 = performance.now();
      const slugs = search(query);
      times.push(performance.now() - t0);
      if (pass === 0) {
        if (slugs[0] === expected) top1++;
        if (slugs.slice(0, 3).includes(expected)) top3++;
      }
    }
    pass++;
  } while (performance.now() - started < budgetMs);
  return { p50: median(times), p95: percentile(times, 95), top1, top3, queries: used.length };
}

function naiveFuse(docs: SearchDoc[]): Searcher {
  const keys = ["term", "aliases", "text"];
  const fuse = new Fuse(docs, { keys }, Fuse.createIndex(keys, docs));
  return (query) => fuse.search(query, { limit: 10 }).map((result) => result.item.slug);
}

function miniSearch(docs: SearchDoc[]): Searcher {
  const index = new MiniSearch<SearchDoc & { id: string; aliasText: string }>({
    fields: ["term", "aliasText", "text"],
    storeFields: ["slug"],
    searchOptions: { boost: { term: 3, aliasText: 2 }, fuzzy: 0.2, prefix: true },
  });
  index.addAll(docs.map((doc) => ({ ...doc, id: doc.slug, aliasText: doc.aliases.join(" ") })));
  return (query) =>
    index
      .search(query)
      .slice(0, 10)
      .map((result) => result.id as string);
}

function mlprep(docs: SearchDoc[]): { search: Searcher; loadMs: number; bytes: number; gzipBytes: number } {
  const json = JSON.stringify(buildSearchIndexFile(docs));
  const t0 = performance.now();
  const engine = new SearchEngine(JSON.parse(json));
  const loadMs = performance.now() - t0;
  return {
    search: (query) => engine.search(query, 10).results.map((result) => result.slug),
    loadMs,
    bytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
  };
}

const real = toSearchDocs(buildGlossaryEntries(loadGlossary().terms, []));
const corpora: { name: string; docs: SearchDoc[] }[] = [
  { name: "real glossary", docs: real },
  { name: "synthetic", docs: syntheticCorpus(real, 500) },
  { name: "synthetic", docs: syntheticCorpus(real, 5_000) },
  { name: "synthetic", docs: syntheticCorpus(real, 50_000) },
];

const rows: Row[] = [];
const sizes: string[] = [];
for (const { name, docs } of corpora) {
  const terms = docs.length;
  const ours = mlprep(docs);
  sizes.push(
    `| ${name} | ${terms} | ${(ours.bytes / 1024).toFixed(0)} KiB | ${(ours.gzipBytes / 1024).toFixed(0)} KiB | ${format(ours.loadMs, 1)} ms |`,
  );
  rows.push({ corpus: name, terms, approach: "mlprep", ...measure(ours.search, 3_000) });
  rows.push({
    corpus: name,
    terms,
    approach: "minisearch 7.2 (fuzzy 0.2, prefix)",
    ...measure(miniSearch(docs), 3_000),
  });
  // Naive fuse.js is linear in the corpus: at 50,000 terms one query takes seconds, so it runs a subset once.
  const fuseQueries = terms > 10_000 ? 10 : queries.length;
  rows.push({ corpus: name, terms, approach: "fuse.js 7.5 default", ...measure(naiveFuse(docs), 0, fuseQueries) });
  console.error(`done: ${name} ${terms}`);
}

console.log(
  `Labelled queries: ${queries.length}. Node ${process.version}. Latency per query after one warm-up pass.\n`,
);
console.log("| corpus | terms | approach | p50 ms | p95 ms | top-1 | top-3 | p95 vs mlprep |");
console.log("|---|---|---|---|---|---|---|---|");
for (const row of rows) {
  const ours = rows.find((other) => other.terms === row.terms && other.approach === "mlprep")!;
  const quality = (hits: number) => `${hits}/${row.queries} (${((100 * hits) / row.queries).toFixed(0)}%)`;
  console.log(
    `| ${row.corpus} | ${row.terms} | ${row.approach} | ${format(row.p50, 3)} | ${format(row.p95, 3)} | ${quality(row.top1)} | ${quality(row.top3)} | ${(row.p95 / ours.p95).toFixed(1)}x |`,
  );
}
console.log("\nIndex shipped to the browser (mlprep):\n");
console.log("| corpus | terms | JSON | gzip | engine build on load |");
console.log("|---|---|---|---|---|");
for (const line of sizes) console.log(line);
