/**
 * Loads the content decks into the database (run by `npm start` and `npm run dev` after migrating).
 * Runs under the react-server condition so the server-only data layer can be imported from a script.
 */
import { formatProblem } from "@/lib/content/content-problem";
import { loadContent } from "@/lib/content/load-glossary";
import { syncContentDecks } from "@/lib/data/content-sync";
import { db } from "@/lib/data/db";

async function main() {
  const { decks, problems } = loadContent();
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
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
