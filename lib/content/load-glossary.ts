import { checkAnswerCues, positionalOptionWarnings } from "./answer-cue-gates";
import { checkDecks } from "./deck-check";
import { checkGlossary } from "./glossary-check";
import { checkNearDuplicateQuestions, checkOrphans } from "./quality-gates";
import { DECKS_DIR, GLOSSARY_DIR, readMarkdownFiles } from "./read-content";

/** The glossary in content/, parsed and checked. */
export function loadGlossary(root = process.cwd()) {
  return checkGlossary(readMarkdownFiles(GLOSSARY_DIR, root));
}

/** The decks in content/, parsed and checked against the glossary's slugs. */
export function loadDecks(glossarySlugs: ReadonlySet<string>, root = process.cwd()) {
  return checkDecks(readMarkdownFiles(DECKS_DIR, root), glossarySlugs);
}

/** All of content/ (glossary, then decks checked against it), with every problem of both, and warnings. */
export function loadContent(root = process.cwd()) {
  const glossary = loadGlossary(root);
  const decks = loadDecks(new Set(glossary.terms.map((term) => term.slug)), root);
  const gates = [...checkOrphans(glossary.terms, decks.decks), ...checkNearDuplicateQuestions(decks.decks), ...checkAnswerCues(decks.decks)];
  return { terms: glossary.terms, decks: decks.decks, problems: [...glossary.problems, ...decks.problems, ...gates], warnings: positionalOptionWarnings(decks.decks) };
}
