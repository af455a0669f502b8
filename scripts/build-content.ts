/**
 * Build step before `next build`: checks the content (the build fails on any problem), renders every
 * term once, and writes the data the app reads plus the search index asset shipped to browsers.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildGlossaryEntries, toSearchDocs } from "@/lib/content/glossary-entries";
import {
  GENERATED_DIR,
  GLOSSARY_DATA_FILE,
  SEARCH_ASSET_DIR,
  SEARCH_MANIFEST_FILE,
} from "@/lib/content/generated-paths";
import { buildSearchIndexFile } from "@/lib/search/search-index";
import { formatProblem } from "@/lib/content/content-problem";
import { loadContent } from "@/lib/content/load-glossary";

const { terms, decks, problems } = loadContent();
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\nbuild stopped: content:check found ${problems.length} problem(s).`);
  process.exit(1);
}

const entries = buildGlossaryEntries(terms, decks);
mkdirSync(GENERATED_DIR, { recursive: true });
writeFileSync(GLOSSARY_DATA_FILE, JSON.stringify(entries));

// The file name carries a content hash, so browsers may cache it forever and a new build is never stale.
const searchIndex = JSON.stringify(buildSearchIndexFile(toSearchDocs(entries)));
const hash = createHash("sha256").update(searchIndex).digest("hex").slice(0, 12);
const fileName = `search-index.${hash}.json`;
mkdirSync(SEARCH_ASSET_DIR, { recursive: true });
for (const old of readdirSync(SEARCH_ASSET_DIR))
  if (old.startsWith("search-index.")) rmSync(path.join(SEARCH_ASSET_DIR, old));
writeFileSync(path.join(SEARCH_ASSET_DIR, fileName), searchIndex);
writeFileSync(SEARCH_MANIFEST_FILE, JSON.stringify({ url: `/generated/${fileName}`, file: fileName }));
console.log(
  `content built: ${entries.length} terms, search index ${(searchIndex.length / 1024).toFixed(0)} KiB (${fileName}).`,
);
