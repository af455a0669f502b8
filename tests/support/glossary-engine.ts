import { buildGlossaryEntries, toSearchDocs } from "@/lib/content/glossary-entries";
import { loadGlossary } from "@/lib/content/load-glossary";
import { SearchEngine } from "@/lib/search/search-engine";
import { buildSearchIndexFile } from "@/lib/search/search-index";

/** The search engine over the real glossary in content/, built in-process the way the build does. */
export function glossarySearchEngine(): SearchEngine {
  const entries = buildGlossaryEntries(loadGlossary().terms, []);
  return new SearchEngine(JSON.parse(JSON.stringify(buildSearchIndexFile(toSearchDocs(entries)))));
}
