import { describe, expect, it } from "vitest";
import { findNearDuplicates, jaccard, normalizeForComparison, shingles } from "@/lib/content/near-duplicates";
import { mulberry32 } from "@/lib/seeded-random";

describe("near-duplicate detector", () => {
  it("normalizes case, accents, punctuation, Markdown and term links, keeping numbers", () => {
    expect(normalizeForComparison("What is **Précision**, see [[recall|Recall]] and [[kv-cache]]? 0.8.")).toEqual([
      "what",
      "is",
      "precision",
      "see",
      "recall",
      "and",
      "kv",
      "cache",
      "0.8",
    ]);
  });

  it("computes Jaccard similarity of trigram sets", () => {
    const a = shingles(["a", "b", "c", "d"]);
    const b = shingles(["a", "b", "c", "e"]);
    expect([...a]).toEqual(["a b c", "b c d"]);
    expect(jaccard(a, b)).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(1);
    expect([...shingles(["short"])]).toEqual(["short"]);
  });

  it("flags a reworded copy and a copy with reordered choices, not different questions on the same topic", () => {
    const items = [
      {
        id: "original",
        text: "A spam filter flags 50 emails and 40 of them are spam. What is the precision of the filter on this batch of emails?",
      },
      {
        id: "reworded",
        text: "A spam filter flags 50 emails and 40 of them are spam. What is the precision of this filter on this batch of emails?",
      },
      {
        id: "other",
        text: "A spam filter misses 10 of the 50 spam emails in a batch. What is its recall on this batch?",
      },
      { id: "choices-a", text: "Which metric ignores false negatives?\nPrecision\nRecall\nSpecificity\nAccuracy" },
      { id: "choices-b", text: "Which metric ignores false negatives?\nPrecision\nRecall\nSpecificity\nAccuracy!" },
    ];
    const pairs = findNearDuplicates(items);
    expect(pairs.map((pair) => [pair.a, pair.b])).toEqual([
      ["choices-a", "choices-b"],
      ["original", "reworded"],
    ]);
    expect(pairs[1]!.similarity).toBeGreaterThan(0.7);
    expect(pairs[1]!.similarity).toBeLessThan(1);
  });

  it("keeps questions that differ in their numbers apart when the text is short", () => {
    const pairs = findNearDuplicates([
      { id: "a", text: "How much KV cache does a 4096-token sequence need?" },
      { id: "b", text: "How much KV cache does a 8192-token sequence need?" },
    ]);
    expect(pairs).toEqual([]);
  });

  it("scales to a thousand distinct questions without flagging any", () => {
    const random = mulberry32(1);
    const items = Array.from({ length: 1000 }, (_, index) => ({
      id: `q${index}`,
      text: Array.from({ length: 25 }, () => `w${Math.floor(random() * 300)}`).join(" "),
    }));
    const started = performance.now();
    expect(findNearDuplicates(items)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
