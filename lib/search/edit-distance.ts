/**
 * Bounded edit distance for matching a query word against the index vocabulary. The vocabulary is
 * scanned once per query word, so the inner loop is Myers' bit-parallel Levenshtein algorithm
 * (one pass over the candidate, a handful of integer operations per character) instead of a DP table.
 */

/** Per-pattern bit masks: bit i of `mask(c)` is set where pattern[i] === c. */
export class PatternMasks {
  readonly length: number;
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();

  constructor(readonly pattern: string) {
    if (pattern.length > 31) throw new Error("PatternMasks supports words of at most 31 characters");
    this.length = pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (code < 128) this.ascii[code]! |= 1 << i;
      else this.other.set(code, (this.other.get(code) ?? 0) | (1 << i));
    }
  }

  mask(code: number): number {
    return code < 128 ? this.ascii[code]! : (this.other.get(code) ?? 0);
  }
}

/** Levenshtein distance between the pattern and `text` (Hyyrö's formulation of Myers, 1999). */
export function levenshtein(masks: PatternMasks, text: string): number {
  const m = masks.length;
  if (m === 0) return text.length;
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const eq = masks.mask(text.charCodeAt(j));
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh = mh << 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

/** True when `a` becomes `b` by swapping one pair of adjacent letters ("lable" / "label"). */
export function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1) return false;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Edit distance counting an adjacent transposition as one edit, or `Infinity` when it is over
 * `maxDistance` (the caller only cares about close words).
 */
export function boundedDistance(masks: PatternMasks, text: string, maxDistance: number): number {
  if (Math.abs(text.length - masks.length) > maxDistance) return Infinity;
  const distance = levenshtein(masks, text);
  // Checked before the bound: a swap is one edit for long words too, where two edits are allowed.
  if (distance === 2 && maxDistance >= 1 && isAdjacentTransposition(masks.pattern, text)) return 1;
  return distance <= maxDistance ? distance : Infinity;
}
