import { describe, expect, it } from "vitest";
import { buildSearchIndexFile } from "@/lib/search/search-index";
import { SearchEngine } from "@/lib/search/search-engine";
import { highlightParts } from "@/lib/search/highlight";
import { LABELLED_QUERIES } from "@/tests/fixtures/labelled-queries";
import { glossarySearchEngine } from "@/tests/support/glossary-engine";

const engine = glossarySearchEngine();
const slugs = (query: string, limit = 5) => engine.search(query, limit).results.map((result) => result.slug);

describe("search ranking on the labelled queries", () => {
  it.each(LABELLED_QUERIES)("$kind: “$query” finds $expected in the top 3", ({ query, expected }) => {
    expect(slugs(query, 3)).toContain(expected);
  });

  it("puts the intended term first for at least 95% of the labelled queries", () => {
    const first = LABELLED_QUERIES.filter(({ query, expected }) => slugs(query, 1)[0] === expected).length;
    expect(first / LABELLED_QUERIES.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe("search behaviour", () => {
  it("ranks the term itself above terms that merely mention it", () => {
    expect(slugs("KV cache")[0]).toBe("kv-cache");
    expect(slugs("calibration")[0]).toBe("calibration");
    expect(slugs("precision")[0]).toBe("precision");
  });

  it("returns nothing for empty or punctuation-only queries", () => {
    expect(engine.search("", 5).results).toEqual([]);
    expect(engine.search(" -- ", 5).results).toEqual([]);
  });

  it("finds words in any order and ignores stop words", () => {
    expect(slugs("the descent of the gradient")[0]).toBe("gradient-descent");
  });

  it("respects the limit and returns scores in decreasing order", () => {
    const { results } = engine.search("attention", 4);
    expect(results).toHaveLength(4);
    const scores = results.map((result) => result.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("picks the snippet sentence that holds the matched words", () => {
    const [result] = engine.search("examination hypothesis", 1).results;
    expect(result?.slug).toBe("position-bias");
    expect(result?.snippet.toLowerCase()).toContain("examination hypothesis");
  });

  it("reports matched tokens that highlight the typed words, typos included", () => {
    const response = engine.search("gradiant desent", 1);
    const parts = highlightParts(response.results[0]!.term, new Set(response.matchedTokens));
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(["Gradient", "descent"]);
  });
});

describe("search engine on a small corpus", () => {
  const small = new SearchEngine(
    buildSearchIndexFile([
      { slug: "kv-cache", term: "KV cache", aliases: ["key-value cache"], text: "Stores keys and values per layer." },
      { slug: "kv-offload", term: "KV cache offloading", aliases: [], text: "Moves the KV cache to host memory." },
      { slug: "colour", term: "Colour calibration", aliases: [], text: "A made-up British term about colours." },
    ]),
  );

  it("prefers the shorter name that the query covers completely", () => {
    expect(small.search("kv cache", 3).results.map((r) => r.slug)).toEqual(["kv-cache", "kv-offload"]);
  });

  it("matches American queries against British text", () => {
    expect(small.search("color", 3).results[0]?.slug).toBe("colour");
  });
});
