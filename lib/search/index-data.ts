import type { SearchDoc } from "./search-index";
import { definitionWords } from "./snippet";
import { tokenize } from "./text";

const NAME_WEIGHT_TERM = 1;
const NAME_WEIGHT_ALIAS = 0.85;

/**
 * What the engine needs of every document before its first query, derived by tokenizing all of them, as
 * flat arrays of numbers (token after token, or document after document, with the counts that delimit each
 * one's run). Tokenizing 540 definitions takes a phone about a second; reading these arrays takes it little,
 * so they are derived once, at build time, and shipped (compacted by index-codec.ts) with the documents.
 * A definition's word positions, which only snippets and phrase matching need, are not shipped: the engine
 * tokenizes the few definitions a query shows when it first shows them (decision 004).
 */
export type IndexData = {
  /** The vocabulary, sorted: a token's id is its rank, so prefix expansion walks ids in order. */
  tokens: string[];
  /** Compounds of a name ("perplexitymetric") that are no word of their own: matched only exactly. */
  exactOnly: number[];
  /** Per token, how many documents its postings hold. */
  postingCounts: number[];
  /** Per posting, token after token: the document (ascending within a token), ... */
  postingDocs: number[];
  /** ... how often the word stands in the document's definition (0: only in its names), ... */
  termFrequencies: number[];
  /** ... and how much it weighs in the document's names (0: only in its definition). */
  nameWeights: number[];
  /** Per document, how many words (stop words left out) its definition has: BM25's length normalization. */
  bodyLengths: number[];
  /** Per document, how many names it has (its term, then its aliases); per name, how many tokens; the tokens. */
  nameCounts: number[];
  nameLengths: number[];
  nameTokens: number[];
};

export function deriveIndexData(docs: readonly SearchDoc[]): IndexData {
  const names = docs.map((doc) => [doc.term, ...doc.aliases].map((name) => tokenize(name)));
  const bodies = docs.map((doc) => definitionWords(doc.text));
  const compounds = new Set<string>();
  const words = new Set<string>();
  const weights = names.map((docNames, docIndex) => {
    const nameWeights = new Map<string, number>();
    docNames.forEach((tokens, nameIndex) => {
      const weight = nameIndex === 0 ? NAME_WEIGHT_TERM : NAME_WEIGHT_ALIAS;
      // A word says more about a short name than a long one (BM25F's field-length idea): "perplexity"
      // is all of "Perplexity" but half of "Perplexity budget".
      const wordWeight = (weight * 2) / (1 + tokens.length);
      for (const token of tokens) {
        nameWeights.set(token, Math.max(nameWeights.get(token) ?? 0, wordWeight));
        words.add(token);
      }
      // "KV cache" is also indexed as "kvcache", so "kvcache" and "FlashAttention" / "flash attention" meet.
      if (tokens.length > 1) {
        const compound = tokens.join("");
        nameWeights.set(compound, Math.max(nameWeights.get(compound) ?? 0, weight));
        compounds.add(compound);
      }
    });
    const termFrequency = new Map<string, number>();
    for (const { token } of bodies[docIndex]!) {
      termFrequency.set(token, (termFrequency.get(token) ?? 0) + 1);
      words.add(token);
    }
    return { nameWeights, termFrequency };
  });

  const tokens = [...new Set([...words, ...compounds])].sort(compareStrings);
  const ids = new Map(tokens.map((token, id) => [token, id]));
  const idOf = (token: string) => ids.get(token)!;
  const postings = tokens.map(() => ({ docs: [] as number[], termFrequencies: [] as number[], names: [] as number[] }));
  weights.forEach(({ nameWeights, termFrequency }, doc) => {
    for (const token of new Set([...nameWeights.keys(), ...termFrequency.keys()])) {
      const list = postings[idOf(token)]!;
      list.docs.push(doc);
      list.termFrequencies.push(termFrequency.get(token) ?? 0);
      list.names.push(nameWeights.get(token) ?? 0);
    }
  });

  return {
    tokens,
    // A compound that is no word of its own is matched only exactly: as a prefix or typo target its
    // rarity would make it outrank the real word ("perplexity") it merely contains.
    exactOnly: [...compounds].filter((token) => !words.has(token)).map(idOf),
    postingCounts: postings.map((list) => list.docs.length),
    postingDocs: postings.flatMap((list) => list.docs),
    termFrequencies: postings.flatMap((list) => list.termFrequencies),
    nameWeights: postings.flatMap((list) => list.names),
    bodyLengths: bodies.map((spans) => spans.length),
    nameCounts: names.map((docNames) => docNames.length),
    nameLengths: names.flatMap((docNames) => docNames.map((tokens) => tokens.length)),
    nameTokens: names.flatMap((docNames) => docNames.flatMap((tokens) => tokens.map(idOf))),
  };
}

/** Code-unit order, as `<` compares: the engine's binary search over the vocabulary relies on it. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
