import { describe, expect, it } from "vitest";
import type { ParsedDeck } from "@/lib/content/deck-check";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");

const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
const edited = (source: ParsedDeck[], change: (deck: ParsedDeck) => ParsedDeck) =>
  source.map((deck, index) => (index === 0 ? change(deck) : deck));
/** The content with the first deck's question at `position` given a longer explanation. */
const explainedFurther = (position: number, addition: string) =>
  edited(decks, (deck) => ({
    ...deck,
    questions: deck.questions.map((question, index) =>
      index === position ? { ...question, explanation: `${question.explanation} ${addition}` } : question,
    ),
  }));

describe(`syncContentDecks against ${testDatabaseKind()}`, () => {
  it("loads every deck and question once, and a second sync changes nothing", async () => {
    const questionCount = decks.reduce((sum, deck) => sum + deck.questions.length, 0);
    expect(await syncContentDecks(db, decks)).toMatchObject({ created: questionCount, revised: 0, archived: 0 });
    expect(await syncContentDecks(db, decks)).toMatchObject({ created: 0, revised: 0, unchanged: questionCount });
    expect(await db.question.count()).toBe(questionCount);
    expect(await db.questionRevision.count()).toBe(questionCount);
    expect(await db.deck.count()).toBe(decks.length);
  });

  it("adds a revision when a question's content changes, keeping the old one", async () => {
    const first = decks[0]!.questions[0]!;
    const changed = explainedFurther(0, "More.");
    expect(await syncContentDecks(db, changed)).toMatchObject({ created: 0, revised: 1 });
    const question = await db.question.findUniqueOrThrow({ where: { id: first.id }, include: { revisions: true } });
    expect(question.revision).toBe(2);
    expect(question.revisions.map((revision) => revision.revision).sort()).toEqual([1, 2]);
    expect(JSON.parse(question.revisions.find((revision) => revision.revision === 1)!.body).explanation).toBe(
      first.explanation,
    );
  });

  it("archives a question removed from content instead of deleting it, and revives it when it returns", async () => {
    const removed = decks[0]!.questions.at(-1)!;
    const without = edited(decks, (deck) => ({ ...deck, questions: deck.questions.slice(0, -1) }));
    expect((await syncContentDecks(db, without)).archived).toBe(1);
    expect(await db.question.findUniqueOrThrow({ where: { id: removed.id } })).toMatchObject({ archived: true });
    await syncContentDecks(db, decks);
    expect(await db.question.findUniqueOrThrow({ where: { id: removed.id } })).toMatchObject({ archived: false });
  });

  // Servers started together on one database sync at the same moment. Without the sync lock, on
  // PostgreSQL both read the old revision and both insert the next one: the second fails on its key.
  it("two syncs at once of a changed question add one revision, and both succeed", async () => {
    const first = decks[0]!.questions[1]!;
    const changed = explainedFurther(1, "Again.");
    const before = await db.question.findUniqueOrThrow({ where: { id: first.id } });
    const results = await Promise.all([syncContentDecks(db, changed), syncContentDecks(db, changed)]);
    expect(results.map((result) => result.revised).sort()).toEqual([0, 1]);
    expect(await db.questionRevision.count({ where: { questionId: first.id } })).toBe(before.revision + 1);
  });
});
