import Fuse from "fuse.js";
import { decodeIndex } from "./index-codec";
import type { IndexData } from "./index-data";
import { FUSE_KEYS, type SearchDoc, type SearchIndexFile } from "./search-index";
import { pickSnippet, snippetSource, type SnippetSource } from "./snippet";
import { STOPWORDS, tokenize } from "./text";
import { type Expansion, popcount, Vocabulary } from "./vocabulary";

/**
 * Glossary search in two stages.
 *
 * 1. Candidates: every query word is expanded against the vocabulary (vocabulary.ts: exact, prefix, and
 *    words within one or two edits), and documents are scored from word postings: a word in the term's
 *    name counts far more than one in its definition, rarer words count more (BM25-style idf), documents
 *    that match every query word beat those that match some, and a query that is a whole name puts that
 *    term first.
 * 2. Ranking: the shortlist is re-scored with fuse.js over the names of its first 10 (queries up to 32
 *    characters), using the records of the prebuilt Fuse index, plus how much of a name the query covers
 *    and, for three words or more, how close together they stand.
 *
 * Stage 1 is sub-linear in practice (postings and length-bucketed vocabulary), and stage 2 runs fuse.js
 * over at most 10 names, so queries stay fast where a plain Fuse over the corpus is linear in
 * the corpus size and the length of every definition.
 */

export type SearchResult = {
  slug: string;
  term: string;
  aliases: string[];
  snippet: string;
  score: number;
};

export type SearchResponse = {
  results: SearchResult[];
  /** Canonical vocabulary words the query matched, for highlighting. */
  matchedTokens: string[];
};

/** How much more a word in the name counts than a saturated word in the definition. */
const NAME_OVER_BODY = 4;
const CANDIDATES_FOR_RERANK = 24;
const EXACT_NAME_BONUS = 3;
/**
 * fuse.js's bitap costs grow with pattern length times candidates (measured: ~0.5 ms for a two-word
 * query over 24 names, ~6 ms for a 50-character phrase). It re-scores only the best few candidates, and
 * only queries that can be names: a longer query is a phrase, where name similarity says nothing.
 */
const FUSE_CANDIDATES = 10;
const FUSE_MAX_QUERY_LENGTH = 32;
const FUSE_THRESHOLD = 0.3;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

export class SearchEngine {
  readonly docs: readonly SearchDoc[];
  private readonly vocabulary: Vocabulary;
  /**
   * Postings, token after token: token t's run is [postingStarts[t], postingStarts[t + 1]), each posting a
   * document with the word's weight in its names and in its definition. Flat, so loading allocates four
   * arrays rather than thousands.
   */
  private readonly postingStarts: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingName: Float32Array;
  private readonly postingBody: Float32Array;
  private readonly idf: Float64Array;
  /**
   * Each definition's words (stop words left out) as token ids with offsets, for phrases and snippets:
   * tokenized when a query first needs them, since a query shows a few definitions of hundreds.
   */
  private readonly bodies: (SnippetSource | undefined)[] = [];
  /** Whole names (term or alias, stop words dropped), spaced and compact, to the documents bearing them. */
  private readonly exactNames = new Map<string, number[]>();
  /** Canonical tokens of each document's term and of each of its aliases. */
  private readonly nameTokens: string[][][];
  private readonly fuseKeys: SearchIndexFile["fuse"]["keys"];
  private readonly fuseRecords: SearchIndexFile["fuse"]["records"];

  // Scratch buffers reused across queries: a query touches few documents, so clearing only what it
  // touched keeps every query independent of the corpus size.
  private readonly nameTotals: Float64Array;
  private readonly bodyTotals: Float64Array;
  private readonly matchedMask: Int32Array;
  private readonly nameMask: Int32Array;
  private readonly wordNameScore: Float64Array;
  private readonly wordBodyScore: Float64Array;
  private readonly wordSeen: Uint8Array;

  /** `data` is derived from `file.index` unless given: tests pass one derived from the documents. */
  constructor(file: SearchIndexFile, data: IndexData = decodeIndex(file.index)) {
    this.docs = file.docs;
    this.fuseKeys = file.fuse.keys;
    this.fuseRecords = file.fuse.records;
    // Re-ranking picks a candidate's Fuse record by document index; an index built any other way would
    // silently score the wrong names.
    if (this.fuseRecords.some((record, index) => record.i !== index))
      throw new Error("search index: Fuse records out of order");
    const documentCount = file.docs.length;

    this.vocabulary = new Vocabulary(data.tokens, data.exactOnly);
    const tokenCount = data.tokens.length;

    const averageBodyLength = data.bodyLengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documentCount);
    const lengthNorms = data.bodyLengths.map(
      (length) => 1 - BM25_B + (BM25_B * length) / Math.max(1, averageBodyLength),
    );

    this.postingDocs = new Int32Array(data.postingDocs);
    this.postingName = new Float32Array(data.nameWeights);
    this.postingBody = new Float32Array(data.termFrequencies.length);
    for (let p = 0; p < this.postingBody.length; p++) {
      const tf = data.termFrequencies[p]!;
      this.postingBody[p] = tf === 0 ? 0 : tf / (tf + BM25_K1 * lengthNorms[this.postingDocs[p]!]!);
    }
    this.postingStarts = new Int32Array(tokenCount + 1);
    this.idf = new Float64Array(tokenCount);
    for (let tokenId = 0; tokenId < tokenCount; tokenId++) {
      const df = data.postingCounts[tokenId]!;
      this.postingStarts[tokenId + 1] = this.postingStarts[tokenId]! + df;
      this.idf[tokenId] = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
    }

    this.nameTokens = [];
    for (let doc = 0, name = 0, token = 0; doc < documentCount; doc++) {
      const names: string[][] = [];
      for (const end = name + data.nameCounts[doc]!; name < end; name++) {
        const ids = data.nameTokens.slice(token, (token += data.nameLengths[name]!));
        names.push(ids.map((id) => data.tokens[id]!));
        const meaningful = names.at(-1)!.filter((word) => !STOPWORDS.has(word));
        for (const key of [meaningful.join(" "), meaningful.join("")]) {
          const list = this.exactNames.get(key) ?? [];
          if (!list.includes(doc)) list.push(doc);
          this.exactNames.set(key, list);
        }
      }
      this.nameTokens.push(names);
    }

    this.nameTotals = new Float64Array(documentCount);
    this.bodyTotals = new Float64Array(documentCount);
    this.matchedMask = new Int32Array(documentCount);
    this.nameMask = new Int32Array(documentCount);
    this.wordNameScore = new Float64Array(documentCount);
    this.wordBodyScore = new Float64Array(documentCount);
    this.wordSeen = new Uint8Array(documentCount);
  }

  search(query: string, limit = 10): SearchResponse {
    const words = queryWords(query);
    if (words.length === 0) return { results: [], matchedTokens: [] };
    const expansions = this.vocabulary.expandWords(words);
    const matchedTokenIds = new Set(expansions.flat().map((expansion) => expansion.tokenId));
    const touched = this.scoreDocuments(expansions);

    const wordWeights = expansions.map((list) => Math.max(0, ...list.map((e) => e.quality * this.idf[e.tokenId]!)));
    const totalWeight = wordWeights.reduce((sum, weight) => sum + weight, 0);
    const allWords = (1 << words.length) - 1;
    const exactDocs = new Set([
      ...(this.exactNames.get(words.join(" ")) ?? []),
      ...(this.exactNames.get(words.join("")) ?? []),
    ]);
    const candidates: { doc: number; score: number }[] = [];
    for (const doc of touched) {
      let coveredWeight = 0;
      for (let i = 0; i < words.length; i++) if (this.matchedMask[doc]! & (1 << i)) coveredWeight += wordWeights[i]!;
      const coverage = totalWeight > 0 ? coveredWeight / totalWeight : 0;
      // A name match counts in proportion to how much of the query the name explains: one word of a
      // five-word phrase appearing in some term's name must not outrank the definition holding the phrase.
      const nameShare = popcount(this.nameMask[doc]!) / words.length;
      let score = (this.bodyTotals[doc]! + this.nameTotals[doc]! * nameShare) * coverage * coverage;
      if (this.nameMask[doc] === allWords) score *= 2;
      // The query is a whole name: that term first, however many other names contain its words.
      if (exactDocs.has(doc)) score *= EXACT_NAME_BONUS;
      candidates.push({ doc, score });
      this.nameTotals[doc] = 0;
      this.bodyTotals[doc] = 0;
      this.matchedMask[doc] = 0;
      this.nameMask[doc] = 0;
    }
    candidates.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const shortlist = candidates.slice(0, Math.max(CANDIDATES_FOR_RERANK, limit));

    const matchedTokens = [...matchedTokenIds].map((id) => this.vocabulary.tokens[id]!);
    const ranked = this.rerank(words, expansions, shortlist, new Set(matchedTokens)).slice(0, limit);
    return {
      matchedTokens,
      results: ranked.map(({ doc, score }) => {
        const source = this.docs[doc]!;
        return {
          slug: source.slug,
          term: source.term,
          aliases: source.aliases,
          snippet: pickSnippet(this.body(doc), (tokenId) => matchedTokenIds.has(tokenId)),
          score: Math.round(score * 1000) / 1000,
        };
      }),
    };
  }

  private body(doc: number): SnippetSource {
    return (this.bodies[doc] ??= snippetSource(this.docs[doc]!.text, (token) => this.vocabulary.tokenId(token)!));
  }

  /** Stage 1: fills the scratch buffers from postings and returns the documents touched. */
  private scoreDocuments(expansions: Expansion[][]): number[] {
    const touched: number[] = [];
    const seen = new Set<number>();
    expansions.forEach((list, wordIndex) => {
      const wordTouched: number[] = [];
      for (const { tokenId, quality } of list) {
        const weight = quality * this.idf[tokenId]!;
        for (let p = this.postingStarts[tokenId]!; p < this.postingStarts[tokenId + 1]!; p++) {
          const doc = this.postingDocs[p]!;
          if (this.wordSeen[doc] === 0) {
            this.wordSeen[doc] = 1;
            wordTouched.push(doc);
          }
          const name = weight * NAME_OVER_BODY * this.postingName[p]!;
          const body = weight * this.postingBody[p]!;
          if (name > this.wordNameScore[doc]!) this.wordNameScore[doc] = name;
          if (body > this.wordBodyScore[doc]!) this.wordBodyScore[doc] = body;
        }
      }
      for (const doc of wordTouched) {
        this.nameTotals[doc]! += this.wordNameScore[doc]!;
        this.bodyTotals[doc]! += this.wordBodyScore[doc]!;
        this.matchedMask[doc]! |= 1 << wordIndex;
        if (this.wordNameScore[doc]! > 0) this.nameMask[doc]! |= 1 << wordIndex;
        this.wordNameScore[doc] = 0;
        this.wordBodyScore[doc] = 0;
        this.wordSeen[doc] = 0;
        if (!seen.has(doc)) {
          seen.add(doc);
          touched.push(doc);
        }
      }
    });
    return touched;
  }

  /** Stage 2: fuse.js over the shortlisted names, plus whole-name bonuses. */
  private rerank(
    words: string[],
    expansions: Expansion[][],
    shortlist: { doc: number; score: number }[],
    matchedTokens: Set<string>,
  ) {
    if (shortlist.length === 0) return [];
    const wordsOfToken = new Map<number, number>();
    expansions.forEach((list, wordIndex) => {
      for (const { tokenId } of list) wordsOfToken.set(tokenId, (wordsOfToken.get(tokenId) ?? 0) | (1 << wordIndex));
    });
    const joinedQuery = words.join(" ");
    const fuseScores = new Map<number, number>();
    if (joinedQuery.length <= FUSE_MAX_QUERY_LENGTH) {
      const records = shortlist.slice(0, FUSE_CANDIDATES).map(({ doc }) => this.fuseRecords[doc]!);
      const keys = this.fuseKeys as Parameters<typeof Fuse.parseIndex>[0]["keys"];
      const index = Fuse.parseIndex<SearchDoc>({ keys, records });
      const options = { keys: FUSE_KEYS, includeScore: true, ignoreLocation: true, threshold: FUSE_THRESHOLD };
      for (const result of new Fuse(this.docs, options, index).search(joinedQuery)) {
        fuseScores.set(result.refIndex, result.score ?? 1);
      }
    }

    return shortlist
      .map(({ doc, score }) => {
        let factor = 1;
        const fuseScore = fuseScores.get(doc);
        if (fuseScore !== undefined) factor *= 1 + (1 - fuseScore);
        let bestNameCoverage = 0;
        for (const name of this.nameTokens[doc]!) {
          if (name.length === 0) continue;
          const covered = name.filter((token) => matchedTokens.has(token)).length / name.length;
          bestNameCoverage = Math.max(bestNameCoverage, covered);
        }
        // The term itself ("KV cache") above longer names that merely contain the query ("KV cache offloading").
        factor *= 0.6 + 0.4 * bestNameCoverage;
        if (words.length >= 3) factor *= 1 + this.phraseAdjacency(doc, wordsOfToken, words.length);
        return { doc, score: score * factor };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /**
   * Share of consecutive query-word pairs that also stand next to each other in the definition (0..1),
   * so a phrase quoted from a definition beats a term that only mentions the same words apart.
   */
  private phraseAdjacency(doc: number, wordsOfToken: Map<number, number>, wordCount: number): number {
    let pairs = 0;
    let previous = 0;
    for (const tokenId of this.body(doc).wordTokens) {
      const current = wordsOfToken.get(tokenId) ?? 0;
      pairs |= (previous << 1) & current;
      previous = current;
    }
    let found = 0;
    for (let bit = 1; bit < wordCount; bit++) if (pairs & (1 << bit)) found++;
    return found / (wordCount - 1);
  }
}

/** Canonical query words, without stop words unless the query is nothing else; duplicates dropped. */
export function queryWords(query: string): string[] {
  const all = tokenize(query).slice(0, 16);
  const meaningful = all.filter((word) => !STOPWORDS.has(word));
  return [...new Set(meaningful.length > 0 ? meaningful : all)];
}
