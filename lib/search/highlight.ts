import { wordSpans } from "./text";

export type HighlightPart = { text: string; match: boolean };

/** Splits `text` into runs, marking the words whose canonical form the query matched. */
export function highlightParts(text: string, matchedTokens: ReadonlySet<string>): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let cursor = 0;
  for (const span of wordSpans(text)) {
    if (!matchedTokens.has(span.token)) continue;
    if (span.start > cursor) parts.push({ text: text.slice(cursor, span.start), match: false });
    parts.push({ text: text.slice(span.start, span.end), match: true });
    cursor = span.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), match: false });
  return parts;
}
