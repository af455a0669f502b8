import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SEARCH_ASSET_DIR, SEARCH_MANIFEST_FILE } from "@/lib/content/generated-paths";
import { SearchEngine } from "./search-engine";
import type { SearchIndexFile } from "./search-index";

/** The same engine and index the browser uses, loaded once per server process. */
let engine: SearchEngine | undefined;

export function serverSearchEngine(): SearchEngine {
  if (!engine) {
    const { file } = JSON.parse(readFileSync(SEARCH_MANIFEST_FILE, "utf8")) as { file: string };
    engine = new SearchEngine(JSON.parse(readFileSync(path.join(SEARCH_ASSET_DIR, file), "utf8")) as SearchIndexFile);
  }
  return engine;
}
