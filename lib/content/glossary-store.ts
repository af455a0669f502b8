import "server-only";
import { readFileSync } from "node:fs";
import type { GlossaryEntry } from "./glossary-entries";
import { GLOSSARY_DATA_FILE, SEARCH_MANIFEST_FILE } from "./generated-paths";
import type { Topic } from "./topics";

/**
 * Read access to the glossary the content build rendered. Loaded once per process: at build time for
 * the static pages, at run time for search and the no-JavaScript results page.
 */
let cache: { entries: GlossaryEntry[]; bySlug: Map<string, GlossaryEntry> } | undefined;

function load() {
  if (!cache) {
    const entries = JSON.parse(readFileSync(GLOSSARY_DATA_FILE, "utf8")) as GlossaryEntry[];
    cache = { entries, bySlug: new Map(entries.map((entry) => [entry.slug, entry])) };
  }
  return cache;
}

export function allTerms(): GlossaryEntry[] {
  return load().entries;
}

export function findTerm(slug: string): GlossaryEntry | undefined {
  return load().bySlug.get(slug);
}

export function termsForTopic(topic: Topic | undefined): GlossaryEntry[] {
  const entries = load().entries;
  return topic ? entries.filter((entry) => entry.topics.includes(topic)) : entries;
}

/** URL of the hashed search index asset, passed to the client so it loads only when search is used. */
export function searchIndexUrl(): string {
  return (JSON.parse(readFileSync(SEARCH_MANIFEST_FILE, "utf8")) as { url: string }).url;
}
