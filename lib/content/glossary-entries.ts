import { drawVariables, fillPlaceholders } from "@/lib/domain/calculated";
import type { SearchDoc } from "@/lib/search/search-index";
import type { ParsedDeck } from "./deck-check";
import type { Topic } from "./topics";
import type { ParsedTerm } from "./glossary-check";
import { findTermLinks } from "./markdown-check";
import { renderMarkdown } from "./markdown-render";
import { firstSentence, markdownSummary, plainText } from "./markdown-text";

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
  /** Built-in questions that exercise the term ("practise this term"). */
  questions: QuestionRef[];
};

export type QuestionRef = { id: string; deckTitle: string; summary: string };

/** Each term's questions, with the start of the prompt as a summary (a calculated one with its first draw). */
function questionsByTerm(decks: readonly ParsedDeck[], termName: (slug: string) => string | undefined): Map<string, QuestionRef[]> {
  const byTerm = new Map<string, QuestionRef[]>();
  for (const deck of decks) {
    for (const question of deck.questions) {
      const prompt = question.type === "calculated" ? fillPlaceholders(question.prompt, drawVariables(question.params, 0)) : question.prompt;
      const ref = { id: question.id, deckTitle: deck.title, summary: markdownSummary(prompt, termName, 160) };
      for (const slug of question.terms) byTerm.set(slug, [...(byTerm.get(slug) ?? []), ref]);
    }
  }
  return byTerm;
}

export function buildGlossaryEntries(terms: ParsedTerm[], decks: readonly ParsedDeck[]): GlossaryEntry[] {
  const names = new Map(terms.map((term) => [term.slug, term.term]));
  const termName = (slug: string) => names.get(slug);
  const questions = questionsByTerm(decks, termName);
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
      questions: questions.get(term.slug) ?? [],
    };
  });
}

export function toSearchDocs(entries: GlossaryEntry[]): SearchDoc[] {
  return entries.map(({ slug, term, aliases, text }) => ({ slug, term, aliases, text }));
}
