import { wordSpans } from "./text";

const SNIPPET_LENGTH = 160;
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9$([])/;

/**
 * The sentence of a definition that contains the most matched words (the first sentence when none
 * does), cut to about 160 characters around its first match.
 */
export function pickSnippet(text: string, matchedTokens: ReadonlySet<string>): string {
  const sentences = text.split(SENTENCE_END);
  let best = sentences[0] ?? "";
  let bestHits = 0;
  for (const sentence of sentences) {
    const hits = wordSpans(sentence).filter((span) => matchedTokens.has(span.token)).length;
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  if (best.length <= SNIPPET_LENGTH) return best;
  const firstHit = wordSpans(best).find((span) => matchedTokens.has(span.token));
  const start = firstHit && firstHit.start > SNIPPET_LENGTH / 2 ? best.lastIndexOf(" ", firstHit.start - 40) + 1 : 0;
  const end = best.lastIndexOf(" ", start + SNIPPET_LENGTH);
  return `${start > 0 ? "…" : ""}${best.slice(start, end > start ? end : start + SNIPPET_LENGTH)}…`;
}
