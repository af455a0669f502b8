/**
 * Text normalization shared by indexing and querying. Both sides pass through exactly the same
 * functions, so a rule only has to map British and American spellings (or singular and plural) to
 * one form; it never has to produce a real word.
 */

const WORD_PATTERN = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export type WordSpan = { start: number; end: number; token: string };

/** Lower-cases and strips accents: "Kneser–Ney Naïve" -> "kneser–ney naive". */
export function foldCase(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase();
}

// Ordered: the first matching suffix rule wins. Each maps a British form onto the American one.
const SPELLING_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/isation$/, "ization"],
  [/isations$/, "izations"],
  [/([iy])s(e|ed|es|er|ers|ing)$/, "$1z$2"],
  [/our(s?)$/, "or$1"],
  [/([a-z]{2})tre(s?)$/, "$1ter$2"],
  [/ogue(s?)$/, "og$1"],
  [/([aeiou])ll(ed|ing|er|ers)$/, "$1l$2"],
];

// Indexing meets the same few thousand words over and over; remembering their canonical forms makes
// building the index several times faster. Bounded so a stream of odd queries cannot grow it forever.
const canonicalCache = new Map<string, string>();
const CANONICAL_CACHE_LIMIT = 200_000;

/**
 * Canonical form of one folded word: British -> American spelling, then a light plural stem.
 * Short words (acronyms such as GQA, MLE, AUC) are left alone: stemming "mae" or "bias" only hurts.
 */
export function canonicalWord(word: string): string {
  const cached = canonicalCache.get(word);
  if (cached !== undefined) return cached;
  const token = computeCanonicalWord(word);
  if (canonicalCache.size >= CANONICAL_CACHE_LIMIT) canonicalCache.clear();
  canonicalCache.set(word, token);
  return token;
}

function computeCanonicalWord(word: string): string {
  let token = word;
  if (token.length > 4) {
    for (const [pattern, replacement] of SPELLING_RULES) {
      if (pattern.test(token)) {
        token = token.replace(pattern, replacement);
        break;
      }
    }
  }
  if (token.length > 4) {
    if (token.endsWith("ies")) token = `${token.slice(0, -3)}y`;
    else if (token.endsWith("s") && !/(ss|us|is|ys)$/.test(token)) token = token.slice(0, -1);
  }
  return token;
}

/** Words of `text` with their offsets in the original string and their canonical tokens. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const start = match.index;
    spans.push({ start, end: start + match[0].length, token: canonicalWord(foldCase(match[0])) });
  }
  return spans;
}

export function tokenize(text: string): string[] {
  return wordSpans(text).map((span) => span.token);
}

/**
 * Words too common to say anything about which term is meant. They are kept out of definition
 * postings and dropped from queries that also contain a meaningful word.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been being but by can do does for from had has have how if in into is it its " +
    "itself may more most no not of on one or other so such than that the their them then there these " +
    "they this those through to too two under up was we were what when where which while who why will " +
    "with without would you your each every both also only very same own just over"
  ).split(" "),
);
