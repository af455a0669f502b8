import { highlightParts } from "@/lib/search/highlight";

/** Text with the words the query matched wrapped in <mark>. */
export function HighlightedText({ text, matched }: { text: string; matched: ReadonlySet<string> }) {
  return (
    <>
      {highlightParts(text, matched).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : part.text,
      )}
    </>
  );
}
