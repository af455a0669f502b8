import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGlossaryEntries, toSearchDocs } from "@/lib/content/glossary-entries";
import { loadGlossary } from "@/lib/content/load-glossary";
import { decodeIndex, encodeIndex } from "@/lib/search/index-codec";
import { deriveIndexData } from "@/lib/search/index-data";
import { SearchEngine } from "@/lib/search/search-engine";
import { buildSearchIndexFile, type SearchDoc } from "@/lib/search/search-index";
import { LABELLED_QUERIES } from "@/tests/fixtures/labelled-queries";

/**
 * The browser and the API build their engine from the shipped file's compact index; these tests hold it
 * to an engine given the index derived from the documents themselves, as if tokenized on load.
 */
function enginePair(docs: SearchDoc[]) {
  const file = buildSearchIndexFile(docs);
  return {
    fromDocs: new SearchEngine(file, deriveIndexData(docs)),
    shipped: new SearchEngine(JSON.parse(JSON.stringify(file))),
  };
}

const docs = toSearchDocs(buildGlossaryEntries(loadGlossary().terms, []));
const glossary = enginePair(docs);
const glossaryWords = [...new Set(docs.flatMap((doc) => [doc.term, ...doc.aliases, doc.text].join(" ").split(/\s+/)))];

/** A word a reader might type: one of the corpus's, often cut short (typing) or with a letter dropped or doubled. */
function typedWord(words: string[]) {
  return fc
    .tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom("whole", "prefix", "drop", "double"))
    .map(([word, at, change]) => {
      const i = at % Math.max(1, word.length);
      if (change === "prefix") return word.slice(0, i + 1);
      if (change === "drop") return word.slice(0, i) + word.slice(i + 1);
      if (change === "double") return word.slice(0, i + 1) + word.slice(i);
      return word;
    });
}

function typedQuery(words: string[]) {
  return fc.oneof(
    fc.array(typedWord(words), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" ")),
    fc.string({ maxLength: 40 }),
  );
}

describe("the shipped compact index", () => {
  it("decodes, after JSON, to exactly the index derived from the glossary", () => {
    const derived = deriveIndexData(docs);
    expect(decodeIndex(JSON.parse(JSON.stringify(encodeIndex(derived))))).toEqual(derived);
  });

  it.each(LABELLED_QUERIES)("answers “$query” exactly as the index derived from the documents", ({ query }) => {
    expect(glossary.shipped.search(query, 10)).toEqual(glossary.fromDocs.search(query, 10));
  });

  it("answers random queries over the glossary exactly as the index derived from the documents", () => {
    fc.assert(
      fc.property(typedQuery(glossaryWords), fc.integer({ min: 1, max: 20 }), (query, limit) => {
        expect(glossary.shipped.search(query, limit)).toEqual(glossary.fromDocs.search(query, limit));
      }),
      { numRuns: 500 },
    );
  });

  it("answers exactly as the derived index on random small corpora", () => {
    const pool = ["KV", "cache", "colour", "Naïve", "Bayes", "attention", "of", "the", "flash", "GQA", "x2", "layers"];
    const text = fc.array(fc.constantFrom(...pool, ".", "Then"), { maxLength: 30 }).map((parts) => parts.join(" "));
    const name = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(" "));
    const corpus = fc
      .array(fc.record({ term: name, aliases: fc.array(name, { maxLength: 2 }), text }), { minLength: 1, maxLength: 8 })
      .map((entries) => entries.map((entry, i) => ({ ...entry, slug: `term-${i}` })));
    fc.assert(
      fc.property(corpus, fc.array(typedQuery(pool), { minLength: 1, maxLength: 5 }), (small, queries) => {
        const { fromDocs, shipped } = enginePair(small);
        for (const query of queries) expect(shipped.search(query, 10)).toEqual(fromDocs.search(query, 10));
      }),
      { numRuns: 200 },
    );
  });
});
