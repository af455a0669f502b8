import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";

/**
 * The shipped glossary and decks, parsed once per test worker. Reading and checking all of content/ takes
 * a few seconds (longer on a busy machine), so tests load it in `beforeAll` (whose budget,
 * vitest.config.mts, fits that work) rather than inside a test that has the per-test limit.
 */

let cached: ReturnType<typeof read> | undefined;

function read() {
  const glossarySlugs = new Set(loadGlossary().terms.map((term) => term.slug));
  const decks = loadDecks(glossarySlugs).decks;
  return { glossarySlugs, decks, questions: decks.flatMap((deck) => deck.questions) };
}

export function shippedContent() {
  cached ??= read();
  return cached;
}

/** For tests that walk every shipped question (round trips, re-checks): work proportional to 901 questions. */
export const WHOLE_CONTENT_TEST_TIMEOUT = 120_000;
