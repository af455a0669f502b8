import { checkDecks } from "./deck-check";
import { checkGlossary } from "./glossary-check";
import { DECKS_DIR, GLOSSARY_DIR, readMarkdownFiles } from "./read-content";

/** The glossary in content/, parsed and checked. */
export function loadGlossary(root = process.cwd()) {
  return checkGlossary(readMarkdownFiles(GLOSSARY_DIR, root));
}

/** The decks in content/, parsed and checked against the glossary's slugs. */
export function loadDecks(glossarySlugs: ReadonlySet<string>, root = process.cwd()) {
  return checkDecks(readMarkdownFiles(DECKS_DIR, root), glossarySlugs);
}
