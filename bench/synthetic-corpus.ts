import type { SearchDoc } from "@/lib/search/search-index";
import { STOPWORDS, tokenize } from "@/lib/search/text";
import { mulberry32 } from "@/lib/seeded-random";

/**
 * Grows the real glossary to `size` terms with plausible distractors: names of two or three distinct
 * words from real names (never a real name or alias, in any order), an acronym alias, and 60-word
 * definitions drawn word by word from the real definitions' vocabulary, at its real frequencies (dense
 * postings: a hard case for an inverted index). The real terms stay in, so every labelled query keeps its
 * one right answer, now among many near-misses.
 */
export function syntheticCorpus(real: SearchDoc[], size: number, seed = 42): SearchDoc[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const nameWords = [...new Set(real.flatMap((doc) => doc.term.toLowerCase().split(/[\s-]+/)))].filter(
    (word) => word.length > 2 && !STOPWORDS.has(word),
  );
  const definitionWords = real
    .flatMap((doc) => doc.text.split(/\s+/))
    .filter((word) => /^[A-Za-z][a-z-]*[a-z]$/.test(word));
  const nameKey = (name: string) => tokenize(name).sort().join(" ");
  const takenNames = new Set(real.flatMap((doc) => [doc.term, ...doc.aliases].map(nameKey)));

  const docs = [...real];
  while (docs.length < size) {
    const words = [...new Set(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(nameWords)))];
    const term = words.join(" ").replace(/^./, (c) => c.toUpperCase());
    if (words.length < 2 || takenNames.has(nameKey(term))) continue;
    takenNames.add(nameKey(term));
    const acronym = words.map((word) => word[0]!.toUpperCase()).join("") + (docs.length % 97);
    const text = `${Array.from({ length: 60 }, () => pick(definitionWords)).join(" ")}.`;
    docs.push({ slug: `${words.join("-")}-${docs.length}`, term, aliases: [acronym], text });
  }
  return docs;
}
