/**
 * The most Markdown one text (a prompt, an explanation, a choice…) may hold before micromark 4 reads it,
 * because some of its work grows with the square of what it reads (micromark/lib/initialize/document.js
 * and its label and emphasis resolvers):
 * - every list item, block quote and setext heading that ends moves every event of the document, and
 *   every line continuing an item without its marker walks back over the whole item: 4,000 block quotes
 *   in 20 KB took 20 s, 10,000 lines under one list item 18 s, and a line nesting thousands of quotes
 *   deep overflows the stack. Lines are counted, and list items and quotes (nested ones too);
 * - every `]`, and every run of emphasis marks, looks back over the markup before it for its opener:
 *   20 KB of `]` took 2 s, and of `*_` 3 s. The marks are counted.
 * Short blocks cost much more per character than prose even where they are linear (20 KB of one-letter
 * paragraphs, 1 s), which the line count also bounds. Shipped texts have at most 20 lines, 10 list items
 * or quotes and 54 marks. The checker refuses authored and imported text past these limits, so only a
 * draft in the preview can reach the renderer with one.
 */
export const MAX_MARKDOWN_LENGTH = 20_000;
export const MAX_MARKDOWN_LINES = 200;
export const MAX_CONTAINERS = 200;
export const MAX_INLINE_MARKS = 1_000;
/** What opens or closes inline markup: link and image labels, emphasis, strikethrough, code and math. */
const INLINE_MARKS = new Set(["[", "]", "*", "_", "~", "`", "$"]);

/** Why `markdown` must not reach the parser, or undefined: one pass over its characters. */
export function markdownSizeProblem(markdown: string): string | undefined {
  if (markdown.length > MAX_MARKDOWN_LENGTH) return `is longer than ${MAX_MARKDOWN_LENGTH.toLocaleString("en")} characters`;
  let lines = 0;
  let containers = 0;
  let marks = 0;
  // Lines end at \n, \r or \r\n, as micromark reads them.
  for (let start = 0; start < markdown.length; lines++) {
    let end = start;
    for (; end < markdown.length && markdown[end] !== "\n" && markdown[end] !== "\r"; end++) if (INLINE_MARKS.has(markdown[end]!)) marks++;
    containers += containersOpened(markdown, start, end);
    start = markdown[end] === "\r" && markdown[end + 1] === "\n" ? end + 2 : end + 1;
  }
  if (lines > MAX_MARKDOWN_LINES) return `has more than ${MAX_MARKDOWN_LINES} lines; shorten it or split it into several questions`;
  if (containers > MAX_CONTAINERS) return `has more than ${MAX_CONTAINERS} list items and block quotes; shorten it or split it into several questions`;
  if (marks > MAX_INLINE_MARKS) return `has more than ${MAX_INLINE_MARKS.toLocaleString("en")} of the marks [ ] * _ ~ \` $ that Markdown reads as markup; simplify it`;
  return undefined;
}

/** How many list items and block quotes the line from `start` to `end` opens: `>`, `-`, `*`, `+`, `1.`, `1)`, nested on one line. */
function containersOpened(text: string, start: number, end: number): number {
  const isSpace = (index: number) => index === end || text[index] === " " || text[index] === "\t";
  let count = 0;
  for (let index = start; ; ) {
    while (index < end && (text[index] === " " || text[index] === "\t")) index++;
    if (index === end) return count;
    const character = text[index]!;
    if (character === ">" || ((character === "-" || character === "*" || character === "+") && isSpace(index + 1))) {
      count++;
      index++;
      continue;
    }
    let digits = index;
    while (digits < end && digits - index < 9 && text[digits]! >= "0" && text[digits]! <= "9") digits++;
    if (digits === index || (text[digits] !== "." && text[digits] !== ")") || !isSpace(digits + 1)) return count;
    count++;
    index = digits + 1;
  }
}
