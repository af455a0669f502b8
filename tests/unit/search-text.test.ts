import { describe, expect, it } from "vitest";
import { boundedDistance, isAdjacentTransposition, levenshtein, PatternMasks } from "@/lib/search/edit-distance";
import { canonicalWord, foldCase, tokenize } from "@/lib/search/text";

function referenceLevenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe("canonicalWord", () => {
  it.each([
    ["regularisation", "regularization"],
    ["normalised", "normalized"],
    ["optimiser", "optimizer"],
    ["analyse", "analyze"],
    ["behaviour", "behavior"],
    ["neighbours", "neighbor"],
    ["centre", "center"],
    ["modelling", "modeling"],
    ["catalogue", "catalog"],
  ])("maps British %s onto the American form", (british, american) => {
    expect(canonicalWord(british)).toBe(canonicalWord(american));
  });

  it("stems plurals but leaves short words and -ss/-us/-is endings alone", () => {
    expect(canonicalWord("embeddings")).toBe("embedding");
    expect(canonicalWord("probabilities")).toBe("probability");
    expect(canonicalWord("loss")).toBe("loss");
    expect(canonicalWord("analysis")).toBe("analysis");
    expect(canonicalWord("gqa")).toBe("gqa");
    expect(canonicalWord("bias")).toBe("bias");
  });
});

describe("tokenize", () => {
  it("folds case and accents and splits on punctuation", () => {
    expect(foldCase("Naïve")).toBe("naive");
    expect(tokenize("Kneser–Ney, recall@k; F1")).toEqual(["kneser", "ney", "recall", "k", "f1"]);
  });
});

describe("edit distance", () => {
  it("agrees with the textbook dynamic programme on random words", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () =>
      Array.from({ length: 1 + Math.floor(random() * 12) }, () => "abcde"[Math.floor(random() * 5)]).join("");
    for (let trial = 0; trial < 2000; trial++) {
      const a = word();
      const b = word();
      expect(levenshtein(new PatternMasks(a), b)).toBe(referenceLevenshtein(a, b));
    }
  });

  it("counts an adjacent transposition as one edit", () => {
    expect(isAdjacentTransposition("lable", "label")).toBe(true);
    expect(isAdjacentTransposition("label", "label")).toBe(false);
    expect(boundedDistance(new PatternMasks("lable"), "label", 1)).toBe(1);
    expect(boundedDistance(new PatternMasks("gradiant"), "gradient", 2)).toBe(1);
    expect(boundedDistance(new PatternMasks("cat"), "category", 2)).toBe(Infinity);
    // Where two edits are allowed (long words), a swap still counts as one, not as the two Levenshtein sees.
    expect(boundedDistance(new PatternMasks("attnetion"), "attention", 2)).toBe(1);
  });
});
