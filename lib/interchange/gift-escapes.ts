/**
 * The lexical side of GIFT that reading (gift.ts, gift-answers.ts) and writing (gift-export.ts) share:
 * escape sequences, the scans that skip over them, and the markers a text must not be mistaken for.
 */

const ESCAPABLE = "~=#{}:\\n";
/** `[markdown]` and the like before a text: read as the text's format, not as part of it. */
export const FORMAT_MARKER = /^\[(?:html|markdown|plain|moodle)\]/;
/** The `%50%` weight that may open an answer after its `=` or `~`. */
export const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;

/**
 * The first offset from `from` on that is not inside an escape sequence (`\~`, `\n`, `\\`… count as one
 * character) and passes `test`, or -1. A plain loop: these scans run over whole files.
 */
export function findUnescaped(text: string, from: number, test: (index: number) => boolean): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === "\\" && index + 1 < text.length && ESCAPABLE.includes(text[index + 1]!)) index++;
    else if (test(index)) return index;
  }
  return -1;
}

export function unescapedIndexes(text: string, characters: string): number[] {
  const found: number[] = [];
  findUnescaped(text, 0, (index) => {
    if (characters.includes(text[index]!)) found.push(index);
    return false;
  });
  return found;
}

export function indexOfUnescaped(text: string, target: string, from = 0): number {
  return findUnescaped(text, from, (index) => text.startsWith(target, index));
}

export function splitUnescaped(text: string, character: string): string[] {
  const cuts = unescapedIndexes(text, character);
  return [-1, ...cuts].map((cut, index) => text.slice(cut + 1, cuts[index] ?? text.length));
}

/** A text field as written in the file: without its format marker, unescaped, trimmed. */
export function cleanText(raw: string): string {
  return unescapeGift(raw.trim().replace(FORMAT_MARKER, "")).trim();
}

export function unescapeGift(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_, character: string) => (character === "n" ? "\n" : character));
}

/** escapeGift, plus a leading format marker doubled so the text's own `[html]` is read back as text. */
export function escapeText(text: string): string {
  return `${FORMAT_MARKER.test(text) ? "[markdown]" : ""}${escapeGift(text)}`;
}

/**
 * The inverse of unescapeGift. A backslash is doubled only where it would otherwise start an escape
 * (before a special character, `n`, a backslash, a line break or the end), so LaTeX such as `\frac`
 * stays readable.
 */
export function escapeGift(text: string): string {
  return text
    .replace(/\\(?=[~=#{}:\\n\n]|$)/g, "\\\\")
    .replace(/[~=#{}:]/g, "\\$&")
    .replace(/\n/g, "\\n");
}
