import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAdjacentTransposition } from "@/lib/search/edit-distance";
import { type Expansion, popcount, Vocabulary } from "@/lib/search/vocabulary";

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function vocabularyOf(words: string[], exactOnly: string[] = []): Vocabulary {
  const tokens = [...new Set([...words, ...exactOnly])].sort(compareStrings);
  return new Vocabulary(
    tokens,
    exactOnly.map((word) => tokens.indexOf(word)),
  );
}

const asWords = (vocabulary: Vocabulary, expansions: Expansion[]) =>
  Object.fromEntries(expansions.map(({ tokenId, quality }) => [vocabulary.tokens[tokenId], quality]));

/** Plain dynamic-programming Levenshtein distance, independent of the engine's bit-parallel one. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** What expandWords must give for one word (the last one typed), by walking the whole vocabulary. */
function expectedExpansions(words: string[], exactOnly: Set<string>, word: string): Record<string, number> {
  const expected: Record<string, number> = {};
  const offer = (token: string, quality: number) => {
    if (quality > (expected[token] ?? 0)) expected[token] = quality;
  };
  const vocabulary = new Set([...words, ...exactOnly]);
  if (vocabulary.has(word)) offer(word, 1);
  for (const token of vocabulary) {
    if (exactOnly.has(token) || token === word) continue;
    if (word.length >= 2 && token.startsWith(word)) offer(token, 0.55 + 0.35 * (word.length / token.length));
    if (!vocabulary.has(word) && word.length >= 4 && word.length <= 31) {
      const maxDistance = word.length >= 8 ? 2 : 1;
      let distance = levenshtein(word, token);
      if (distance === 2 && isAdjacentTransposition(word, token)) distance = 1;
      if (distance <= maxDistance) offer(token, distance === 1 ? 0.7 : 0.5);
    }
  }
  return expected;
}

describe("the search vocabulary", () => {
  const vocabulary = vocabularyOf(["attention", "cache", "gradient", "kvcache", "kv", "grouped"], ["gqa"]);

  it("finds a word's id by its rank, and nothing for a word it does not hold", () => {
    expect(vocabulary.tokens[vocabulary.tokenId("cache")!]).toBe("cache");
    expect(vocabulary.tokenId("caches")).toBeUndefined();
  });

  it("expands the word being typed as a prefix from two letters, earlier words from four", () => {
    expect(asWords(vocabulary, vocabulary.expandWords(["gr"])[0]!)).toEqual({
      gradient: 0.55 + 0.35 * (2 / 8),
      grouped: 0.55 + 0.35 * (2 / 7),
    });
    expect(vocabulary.expandWords(["gr", "cache"])[0]).toEqual([]);
    expect(Object.keys(asWords(vocabulary, vocabulary.expandWords(["grad", "cache"])[0]!))).toEqual(["gradient"]);
  });

  it("corrects one typo in a word of four letters or more, never in a shorter one or an exact-only word", () => {
    expect(asWords(vocabulary, vocabulary.expandWords(["cahce"])[0]!)).toEqual({ cache: 0.7 });
    expect(vocabulary.expandWords(["gpa"])[0]).toEqual([]);
    expect(asWords(vocabulary, vocabulary.expandWords(["gqa"])[0]!)).toEqual({ gqa: 1 });
    expect(vocabulary.expandWords(["gq"])[0]).toEqual([]);
  });

  it("matches two adjacent words that form one indexed word at both positions", () => {
    const [first, second] = vocabulary.expandWords(["kv", "cache"]);
    expect(asWords(vocabulary, first!)).toMatchObject({ kv: 1, kvcache: 1 });
    expect(asWords(vocabulary, second!)).toMatchObject({ cache: 1, kvcache: 1 });
  });

  it("takes at most 40 prefix expansions", () => {
    const many = vocabularyOf(Array.from({ length: 60 }, (_, index) => `layer${String(index).padStart(2, "0")}`));
    expect(many.expandWords(["lay"])[0]).toHaveLength(40);
  });

  it("gives, for any word, exactly what a walk over the whole vocabulary gives (the filters lose nothing)", () => {
    const letter = fc.constantFrom("a", "b", "c", "d", "e");
    const word = fc.string({ unit: letter, minLength: 1, maxLength: 10 });
    /** A vocabulary word with up to two random edits (insert, delete, replace, swap), or any word. */
    const query = (words: string[]) =>
      fc.oneof(
        word,
        fc
          .tuple(
            fc.constantFrom(...(words.length ? words : ["abcd"])),
            fc.array(fc.tuple(fc.nat(), letter, fc.nat(3)), { maxLength: 2 }),
          )
          .map(([base, edits]) =>
            edits.reduce((text, [at, inserted, kind]) => {
              const i = at % (text.length + 1);
              if (kind === 0) return text.slice(0, i) + inserted + text.slice(i);
              if (kind === 1) return text.slice(0, i) + text.slice(i + 1);
              if (kind === 2) return text.slice(0, i) + inserted + text.slice(i + 1);
              return text.slice(0, i) + text.slice(i + 1, i + 2) + text.slice(i, i + 1) + text.slice(i + 2);
            }, base),
          )
          .filter((text) => text.length > 0),
      );
    const cases = fc
      .tuple(fc.uniqueArray(word, { maxLength: 30 }), fc.uniqueArray(word, { maxLength: 3 }))
      .chain(([words, exactOnly]) => fc.tuple(fc.constant(words), fc.constant(exactOnly), query(words)));
    fc.assert(
      fc.property(cases, ([words, exactOnlyWords, typed]) => {
        const exactOnly = exactOnlyWords.filter((token) => !words.includes(token));
        const subject = vocabularyOf(words, exactOnly);
        const expected = expectedExpansions(words, new Set(exactOnly), typed);
        expect(asWords(subject, subject.expandWords([typed])[0]!)).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it("counts the bits of a mask", () => {
    expect([0, 1, 0b1011, -1].map(popcount)).toEqual([0, 1, 3, 32]);
  });
});
