/**
 * The most Markdown one text (a prompt, an explanation, a choice…) may hold before micromark 4 reads it,
 * because some of its work grows with the square of what it reads:
 * - every list item, block quote and setext heading underline that closes moves every event of the
 *   document (micromark/lib/initialize/document.js): 4,000 block quotes in 20 KB took 20 s, and a
 *   line that nests thousands deep overflows the stack;
 * - every `]`, and every run of emphasis marks, looks back over all the markup before it for its
 *   opener: 20 KB of `]` took 2 s, and of `*_` 3 s.
 * Shipped texts have at most 11 of the first and 50 of the second. The checker refuses authored and
 * imported text past these limits, so only a draft in the preview can reach the renderer with one.
 */
export const MAX_MARKDOWN_LENGTH = 20_000;
export const MAX_BLOCK_BOUNDARIES = 100;
export const MAX_INLINE_MARKS = 1_000;
/** What opens or closes inline markup: link and image labels, emphasis, strikethrough, code and math. */
const INLINE_MARKS = new Set(["]", "*", "_", "~", "`", "$"]);

/** Why `markdown` must not reach the parser, or undefined: one pass over its characters. */
export function markdownSizeProblem(markdown: string): string | undefined {
  if (markdown.length > MAX_MARKDOWN_LENGTH) return `is longer than ${MAX_MARKDOWN_LENGTH.toLocaleString("en")} characters`;
  let boundaries = 0;
  let marks = 0;
  // Lines end at \n, \r or both, as micromark reads them.
  for (let start = 0; start < markdown.length; ) {
    let end = start;
    for (; end < markdown.length && markdown[end] !== "\n" && markdown[end] !== "\r"; end++) if (INLINE_MARKS.has(markdown[end]!)) marks++;
    boundaries += blockBoundaries(markdown, start, end);
    if (boundaries > MAX_BLOCK_BOUNDARIES) {
      return `has more than ${MAX_BLOCK_BOUNDARIES} list items, block quotes and heading underlines; split it into several questions`;
    }
    start = end + 1;
  }
  if (marks > MAX_INLINE_MARKS) return `has more than ${MAX_INLINE_MARKS.toLocaleString("en")} of the marks ] * _ ~ \` $ that Markdown reads as markup; simplify it`;
  return undefined;
}

/** How many containers the line from `start` to `end` opens (`>`, `-`, `1.`…, nested on one line), or 1 for a setext underline. */
function blockBoundaries(text: string, start: number, end: number): number {
  const isSpace = (index: number) => index === end || text[index] === " " || text[index] === "\t";
  let count = 0;
  for (let index = start; ; ) {
    while (index < end && (text[index] === " " || text[index] === "\t")) index++;
    if (index === end) return count;
    const character = text[index]!;
    if (character === ">") {
      count++;
      index++;
      continue;
    }
    if ((character === "-" || character === "*" || character === "+") && isSpace(index + 1)) {
      count++;
      index++;
      continue;
    }
    let digits = index;
    while (digits < end && digits - index < 9 && text[digits]! >= "0" && text[digits]! <= "9") digits++;
    if (digits > index && (text[digits] === "." || text[digits] === ")") && isSpace(digits + 1)) {
      count++;
      index = digits + 1;
      continue;
    }
    return count + (isUnderline(text, index, end) ? 1 : 0);
  }
}

/** `===` or `---` up to the end of the line, trailing spaces allowed. */
function isUnderline(text: string, start: number, end: number): boolean {
  const mark = text[start];
  if (mark !== "=" && mark !== "-") return false;
  let index = start;
  while (index < end && text[index] === mark) index++;
  while (index < end && (text[index] === " " || text[index] === "\t")) index++;
  return index === end;
}
