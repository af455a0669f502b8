import type { ParsedDeck } from "./deck-check";
import type { ContentProblem } from "./content-problem";
import type { ParsedTerm } from "./glossary-check";
import { findTermLinks } from "./markdown-check";
import { findNearDuplicates } from "./near-duplicates";

/**
 * Corpus-wide gates of content:check that need the glossary and the decks together: every term is
 * reachable (some other term or some question points at it), and no question repeats another.
 */

export function checkOrphans(terms: readonly ParsedTerm[], decks: readonly ParsedDeck[]): ContentProblem[] {
  const inbound = new Set<string>();
  for (const term of terms) {
    const targets = [...term.related, ...term.contrast, ...findTermLinks(term.tree).map((link) => link.slug)];
    for (const target of targets) if (target !== term.slug) inbound.add(target);
  }
  for (const question of decks.flatMap((deck) => deck.questions)) for (const slug of question.terms) inbound.add(slug);
  return terms
    .filter((term) => !inbound.has(term.slug))
    .map((term) => ({ path: term.path, line: 1, message: `orphan: no other term (related, contrast or [[link]]) and no question points at "${term.slug}"` }));
}

/** The text two questions are compared on: the prompt and, for choice questions, the choices. */
function comparableText(question: ParsedDeck["questions"][number]): string {
  const choices = question.type === "single" || question.type === "multiple" ? question.choices.map((choice) => choice.text) : [];
  return [question.prompt, ...choices].join("\n");
}

export function checkNearDuplicateQuestions(decks: readonly ParsedDeck[]): ContentProblem[] {
  const located = new Map(decks.flatMap((deck) => deck.questions.map((question) => [question.id, { path: deck.path, line: question.line }] as const)));
  const items = decks.flatMap((deck) => deck.questions.map((question) => ({ id: question.id, text: comparableText(question) })));
  return findNearDuplicates(items).map(({ a, b, similarity }) => {
    const where = located.get(b)!;
    const other = located.get(a)!;
    // Reported on the prompt, where the question's wording starts (its choices count too).
    return { ...where, questionId: b, field: "prompt", message: `nearly duplicates ${a} (${other.path}:${other.line}), ${Math.round(similarity * 100)}% of word trigrams shared` };
  });
}
