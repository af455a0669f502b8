import Fuse, { type FuseIndex, type FuseOptionKey } from "fuse.js";
import { encodeIndex, type CompactIndex } from "./index-codec";
import { deriveIndexData } from "./index-data";

/** What the search index knows about one glossary term. */
export type SearchDoc = {
  slug: string;
  term: string;
  aliases: string[];
  /** The definition as plain text (no Markdown, display math left out), for postings and snippets. */
  text: string;
};

/** The static asset shipped to the browser and read by the API: built once, at build time. */
export type SearchIndexFile = {
  version: 2;
  docs: SearchDoc[];
  /** `Fuse.createIndex` over the names, serialized. Record `i` belongs to `docs[i]`. */
  fuse: ReturnType<FuseIndex<SearchDoc>["toJSON"]>;
  /** The vocabulary, postings and tokenized definitions and names of `docs`, prebuilt (index-data.ts). */
  index: CompactIndex;
};

/**
 * fuse.js scores only the names (term and aliases). Over long definitions its bitap pass dominates the
 * cost of a query and adds little: definitions are matched through word postings instead.
 */
export const FUSE_KEYS: FuseOptionKey<SearchDoc>[] = [
  { name: "term", weight: 2 },
  { name: "aliases", weight: 1 },
];

export function buildSearchIndexFile(docs: SearchDoc[]): SearchIndexFile {
  const fuse = Fuse.createIndex(FUSE_KEYS, docs).toJSON();
  return {
    version: 2,
    docs,
    fuse: { keys: fuse.keys, records: fuse.records },
    index: encodeIndex(deriveIndexData(docs)),
  };
}
