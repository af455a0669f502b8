import { boundedDistance, PatternMasks } from "./edit-distance";

/** A vocabulary word a query word may stand for, and how good a match it is (1 for the word itself). */
export type Expansion = { tokenId: number; quality: number };

const MAX_PREFIX_EXPANSIONS = 40;

/**
 * The glossary's words, sorted (index-data.ts: a token's id is its rank), and what a query word may stand
 * for among them: itself, words it begins, and words within one or two edits. Lookups are binary searches
 * and typo candidates are read by length and filtered by their letters, so a query never walks the whole
 * vocabulary.
 */
export class Vocabulary {
  readonly tokens: readonly string[];
  private readonly tokenIdsByLength: number[][] = [];
  /** Words that only match as typed (acronyms and such): never a prefix or typo expansion. */
  private readonly exactOnly: Uint8Array;
  /** Per token, a bit per letter a-z it contains: a cheap filter before computing edit distances. */
  private readonly letterSets: Int32Array;

  constructor(tokens: readonly string[], exactOnly: readonly number[]) {
    this.tokens = tokens;
    this.letterSets = new Int32Array(tokens.length);
    for (let id = 0; id < tokens.length; id++) {
      const token = tokens[id]!;
      (this.tokenIdsByLength[token.length] ??= []).push(id);
      this.letterSets[id] = letterSet(token);
    }
    this.exactOnly = new Uint8Array(tokens.length);
    for (const id of exactOnly) this.exactOnly[id] = 1;
  }

  /** The token's id, by binary search over the sorted vocabulary (no map to build on load). */
  tokenId(token: string): number | undefined {
    const id = lowerBound(this.tokens, token);
    return this.tokens[id] === token ? id : undefined;
  }

  /** For each query word, the vocabulary words it may stand for, with how good a match each is. */
  expandWords(words: string[]): Expansion[][] {
    const expansions = words.map((word, index) => this.expandWord(word, index === words.length - 1));
    // Adjacent words that form one indexed word ("kv cache" -> "kvcache") match it at both positions.
    for (let i = 0; i + 1 < words.length; i++) {
      const compound = this.tokenId(words[i]! + words[i + 1]!);
      if (compound !== undefined) {
        expansions[i]!.push({ tokenId: compound, quality: 1 });
        expansions[i + 1]!.push({ tokenId: compound, quality: 1 });
      }
    }
    return expansions;
  }

  private expandWord(word: string, isLastWord: boolean): Expansion[] {
    const found = new Map<number, number>();
    const offer = (tokenId: number, quality: number) => {
      if (quality > (found.get(tokenId) ?? 0)) found.set(tokenId, quality);
    };
    const exact = this.tokenId(word);
    if (exact !== undefined) offer(exact, 1);

    // Prefixes: results appear while typing ("gradi" -> gradient). Only the last word is still being
    // typed, so earlier words need a longer prefix to count.
    const minimumPrefix = isLastWord ? 2 : 4;
    if (word.length >= minimumPrefix) {
      let taken = 0;
      for (let tokenId = lowerBound(this.tokens, word); tokenId < this.tokens.length; tokenId++) {
        const token = this.tokens[tokenId]!;
        if (!token.startsWith(word)) break;
        if (token !== word && !this.exactOnly[tokenId]) offer(tokenId, 0.55 + 0.35 * (word.length / token.length));
        if (++taken >= MAX_PREFIX_EXPANSIONS) break;
      }
    }

    // Typos: short words are acronyms or too ambiguous to correct ("gqa" is not "gpa"), and a word the
    // glossary itself uses is taken as meant.
    if (exact === undefined && word.length >= 4 && word.length <= 31) {
      const maxDistance = word.length >= 8 ? 2 : 1;
      const masks = new PatternMasks(word);
      const letters = letterSet(word);
      for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
        for (const tokenId of this.tokenIdsByLength[length] ?? []) {
          // Each edit adds or removes at most one letter from the set of letters, so words whose letter
          // sets differ in more than 2 * maxDistance letters cannot be close.
          if (popcount(letters ^ this.letterSets[tokenId]!) > 2 * maxDistance || this.exactOnly[tokenId]) continue;
          const distance = boundedDistance(masks, this.tokens[tokenId]!, maxDistance);
          if (distance > 0 && distance <= maxDistance) offer(tokenId, distance === 1 ? 0.7 : 0.5);
        }
      }
    }
    return [...found].map(([tokenId, quality]) => ({ tokenId, quality }));
  }
}

/** The number of bits set in a 32-bit mask. */
export function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function letterSet(token: string): number {
  let set = 0;
  for (let i = 0; i < token.length; i++) {
    const letter = token.charCodeAt(i) - 97;
    if (letter >= 0 && letter < 26) set |= 1 << letter;
  }
  return set;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
