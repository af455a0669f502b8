/**
 * Loads the content decks into the database (run by `npm start` and `npm run dev` after migrating).
 * Runs under the react-server condition so the server-only data layer can be imported from a script.
 */
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { syncContentDecks } from "@/lib/data/content-sync";
import { db } from "@/lib/data/db";

async function main() {
  const glossary = loadGlossary();
  const { decks, problems } = loadDecks(new Set(glossary.terms.map((term) => term.slug)));
  const all = [...glossary.problems, ...problems];
  if (all.length > 0) {
    for (const problem of all) console.error(`${problem.path}:${problem.line}: ${problem.message}`);
    throw new Error("content has problems: run npm run content:check");
  }
  const stats = await syncContentDecks(db, decks);
  console.log(
    `Decks synced: ${stats.decks} decks; questions ${stats.created} new, ${stats.revised} revised, ${stats.unchanged} unchanged, ${stats.archived} archived.`,
  );
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
