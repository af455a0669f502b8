import type { SearchDoc } from "@/lib/search/search-index";
import type { Topic } from "./topics";
import type { ParsedTerm } from "./glossary-check";
import { firstSentence, findTermLinks, plainText, renderMarkdown } from "./markdown";

/** A term as the site shows it: rendered once at build time, read by pages and the search index. */
export type GlossaryEntry = {
  slug: string;
  term: string;
  aliases: string[];
  topics: Topic[];
  related: string[];
  contrast: string[];
  sources: string[];
  reviewed?: string;
  /** Sanitized HTML of the definition, math already rendered by KaTeX. */
  html: string;
  /** Plain text of the definition. */
  text: string;
  /** First sentence: meta description and list summary. */
  description: string;
  /** Terms whose definition or related list points here. */
  backlinks: string[];
};

export function buildGlossaryEntries(terms: ParsedTerm[]): GlossaryEntry[] {
  const names = new Map(terms.map((term) => [term.slug, term.term]));
  const termName = (slug: string) => names.get(slug);
  const backlinks = new Map<string, Set<string>>();
  for (const term of terms) {
    const targets = [...term.related, ...term.contrast, ...findTermLinks(term.tree).map((link) => link.slug)];
    for (const target of targets) {
      if (target === term.slug) continue;
      const set = backlinks.get(target) ?? new Set<string>();
      set.add(term.slug);
      backlinks.set(target, set);
    }
  }
  return terms.map((term) => {
    const text = plainText(term.tree, termName);
    return {
      slug: term.slug,
      term: term.term,
      aliases: term.aliases,
      topics: term.topics,
      related: term.related,
      contrast: term.contrast,
      sources: term.sources,
      ...(term.reviewed ? { reviewed: term.reviewed } : {}),
      html: renderMarkdown(term.body, termName),
      text,
      description: firstSentence(text),
      backlinks: [...(backlinks.get(term.slug) ?? [])].sort(),
    };
  });
}

export function toSearchDocs(entries: GlossaryEntry[]): SearchDoc[] {
  return entries.map(({ slug, term, aliases, text }) => ({ slug, term, aliases, text }));
}
