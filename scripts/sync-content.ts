/**
 * Loads the content decks into the database (run by `npm start` and `npm run dev` after migrating, unless
 * the database already holds this content: scripts/content-sync-cache.ts). Runs under the react-server
 * condition so the server-only data layer can be imported from a script.
 */
import { formatProblem } from "@/lib/content/content-problem";
import type { ParsedDeck } from "@/lib/content/deck-check";
import { loadContent } from "@/lib/content/load-glossary";
import { syncContentDecks } from "@/lib/data/content-sync";
import { db } from "@/lib/data/db";
import { cacheCheckedDecks, cachedCheckedDecks, contentFingerprint } from "./content-sync-cache";

/** The checked decks, from data/ when an earlier run checked the same inputs; throws on any problem. */
function checkedDecks(fingerprint: string): ParsedDeck[] {
  const cached = cachedCheckedDecks(fingerprint);
  if (cached) return cached;
  const { decks, problems } = loadContent();
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
    throw new Error("content has problems: run npm run content:check");
  }
  cacheCheckedDecks(fingerprint, decks);
  return decks;
}

async function main() {
  // Taken before reading: content edited during the sync gets a different fingerprint next start.
  const fingerprint = contentFingerprint();
  const stats = await syncContentDecks(db, checkedDecks(fingerprint), fingerprint);
  console.log(
    `Decks synced: ${stats.decks} decks; questions ${stats.created} new, ${stats.revised} revised, ${stats.unchanged} unchanged, ${stats.archived} archived.`,
  );
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
