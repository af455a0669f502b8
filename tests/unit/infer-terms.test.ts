import { describe, expect, it } from "vitest";
import { inferTerms, nameIndex } from "@/lib/interchange/prepare-import";

const index = nameIndex([
  { slug: "mean-average-precision", term: "Mean average precision", aliases: ["MAP", "mAP"] },
  { slug: "precision", term: "Precision", aliases: ["PPV"] },
  { slug: "ordinary-least-squares", term: "Ordinary least squares", aliases: ["OLS", "BLUE"] },
  { slug: "inception-score", term: "Inception score", aliases: ["IS"] },
  { slug: "artificial-intelligence", term: "AI", aliases: [] },
]);

describe("inferring glossary terms from an imported question's text", () => {
  it("prefers the longest name and keeps the order of first mention", () => {
    expect(inferTerms("Mean average precision rewards ranking; precision alone does not.", index, [])).toEqual([
      "mean-average-precision",
      "precision",
    ]);
  });

  it("matches acronyms only in capitals, so everyday words are not mistaken for them", () => {
    expect(inferTerms("Is the sky blue? It is.", index, [])).toEqual([]);
    expect(inferTerms("Compare IS with FID; OLS is BLUE under Gauss-Markov.", index, [])).toEqual([
      "inception-score",
      "ordinary-least-squares",
    ]);
    expect(inferTerms("The PPV of the test", index, [])).toEqual(["precision"]);
  });

  it("adds the import's default terms after the ones found, without repeats", () => {
    expect(inferTerms("Precision matters.", index, ["precision", "inception-score"])).toEqual([
      "precision",
      "inception-score",
    ]);
    expect(inferTerms("Nothing to see.", index, ["precision"])).toEqual(["precision"]);
  });
});
