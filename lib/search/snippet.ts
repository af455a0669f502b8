import { STOPWORDS, wordSpans, type WordSpan } from "./text";

const SNIPPET_LENGTH = 160;
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9$([])/g;

/** A definition prepared once at index time, so picking a snippet per result costs no tokenizing. */
export type SnippetSource = {
  text: string;
  /** Offsets where each sentence starts (the first is 0). */
  sentenceStarts: number[];
  /** Start offset and token id of each indexed word, in order. */
  wordStarts: Int32Array;
  wordTokens: Int32Array;
};

/** A definition's indexed words: stop words say nothing about which term is meant. */
export function definitionWords(text: string): WordSpan[] {
  return wordSpans(text).filter((span) => !STOPWORDS.has(span.token));
}

/** `tokenId` maps each of the definition's words to its vocabulary id. */
export function snippetSource(text: string, tokenId: (token: string) => number): SnippetSource {
  const words = definitionWords(text);
  return {
    text,
    sentenceStarts: [0, ...[...text.matchAll(SENTENCE_END)].map((match) => match.index + match[0].length)],
    wordStarts: Int32Array.from(words, (span) => span.start),
    wordTokens: Int32Array.from(words, (span) => tokenId(span.token)),
  };
}

/**
 * The sentence of a definition holding the most matched words (the first sentence when none does),
 * cut to about 160 characters around its first match.
 */
export function pickSnippet(source: SnippetSource, isMatch: (tokenId: number) => boolean): string {
  const { text, sentenceStarts: starts, wordStarts, wordTokens } = source;
  const hits = new Array<number>(starts.length).fill(0);
  const firstHit = new Array<number>(starts.length).fill(-1);
  let sentence = 0;
  for (let w = 0; w < wordStarts.length; w++) {
    const start = wordStarts[w]!;
    while (sentence + 1 < starts.length && start >= starts[sentence + 1]!) sentence++;
    if (!isMatch(wordTokens[w]!)) continue;
    hits[sentence]!++;
    if (firstHit[sentence] === -1) firstHit[sentence] = start;
  }
  let best = 0;
  for (let s = 1; s < starts.length; s++) if (hits[s]! > hits[best]!) best = s;

  const sentenceStart = starts[best]!;
  const chosen = text.slice(sentenceStart, starts[best + 1] ?? text.length).trim();
  if (chosen.length <= SNIPPET_LENGTH) return chosen;
  const hitOffset = firstHit[best]! - sentenceStart;
  const from = hitOffset > SNIPPET_LENGTH / 2 ? chosen.lastIndexOf(" ", hitOffset - 40) + 1 : 0;
  const to = chosen.lastIndexOf(" ", from + SNIPPET_LENGTH);
  return `${from > 0 ? "…" : ""}${chosen.slice(from, to > from ? to : from + SNIPPET_LENGTH)}…`;
}
