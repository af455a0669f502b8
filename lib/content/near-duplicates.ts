/**
 * Near-duplicate detection for questions: two questions whose prompts (with their choices) share most of
 * their word trigrams are the same question twice, even with a word changed or the choices reordered.
 * Pure and deterministic; an inverted index over trigrams keeps it near-linear on a real corpus.
 */

export type TextItem = { id: string; text: string };
export type NearDuplicate = { a: string; b: string; similarity: number };

/** Jaccard similarity of word trigrams at or above which two questions count as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;

/** Lower-case words without Markdown, math delimiters or punctuation; numbers are kept (they change a question). */
export function normalizeForComparison(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, "$2")
    .replace(/\[\[([^\]]+)\]\]/g, (_, slug: string) => slug.replaceAll("-", " "))
    .split(/[^\p{L}\p{N}.]+/u)
    .map((word) => word.replace(/^\.+|\.+$/g, ""))
    .filter((word) => word !== "");
}

export function shingles(words: string[], size = 3): Set<string> {
  if (words.length < size) return new Set(words.length > 0 ? [words.join(" ")] : []);
  const result = new Set<string>();
  for (let index = 0; index + size <= words.length; index++) result.add(words.slice(index, index + size).join(" "));
  return result;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Every pair at or above `threshold`, most similar first. */
export function findNearDuplicates(items: TextItem[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const sets = items.map((item) => shingles(normalizeForComparison(item.text)));
  const postings = new Map<string, number[]>();
  sets.forEach((set, index) => {
    for (const shingle of set) {
      const list = postings.get(shingle);
      if (list) list.push(index);
      else postings.set(shingle, [index]);
    }
  });
  // Shared trigram counts per pair, from the postings: pairs sharing nothing are never looked at.
  const shared = new Map<number, number>();
  const width = items.length;
  for (const list of postings.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i]! * width + list[j]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: NearDuplicate[] = [];
  for (const [key, count] of shared) {
    const i = Math.floor(key / width);
    const j = key % width;
    const similarity = count / (sets[i]!.size + sets[j]!.size - count);
    if (similarity >= threshold) pairs.push({ a: items[i]!.id, b: items[j]!.id, similarity });
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
