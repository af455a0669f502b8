import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-glossary";
import { cachedCheckedDecks, contentFingerprint, syncedContentFingerprint } from "@/scripts/content-sync-cache";
import { isDatabaseMigrated } from "@/scripts/migration-status";
import { syncContent } from "@/scripts/runtime";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";

const url = await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { syncContentDecks } = await import("@/lib/data/content-sync");

// Each step spawns the sync in a tsx child (seconds, more on a busy machine): a budget, not a tuning.
const CHILD_SYNC = { timeout: 180_000 };

describe(`npm start's migration check against ${testDatabaseKind()}`, () => {
  it("finds a migrated database current, and not once a migration is missing from its record", async () => {
    expect(await isDatabaseMigrated(url)).toBe(true);
    const [last] = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
    );
    await db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET "migration_name" = 'renamed' WHERE "migration_name" = '${last!.migration_name}'`,
    );
    expect(await isDatabaseMigrated(url)).toBe(false);
    await db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET "migration_name" = '${last!.migration_name}' WHERE "migration_name" = 'renamed'`,
    );
    expect(await isDatabaseMigrated(url)).toBe(true);
  });

  it("finds a database that does not exist yet not migrated", async () => {
    expect(await isDatabaseMigrated(`${url}-missing`)).toBe(false);
  });
});

describe(`npm start's content step against ${testDatabaseKind()}`, () => {
  it("syncs a fresh database and records what it synced", CHILD_SYNC, async () => {
    expect(await syncedContentFingerprint(url)).toBeNull();
    await syncContent(url);
    expect(await db.deck.count({ where: { source: "content" } })).toBe(loadContent().decks.length);
    expect(await syncedContentFingerprint(url)).toBe(contentFingerprint());
  });

  it("skips the sync when the database holds these inputs, and syncs again when it does not", CHILD_SYNC, async () => {
    const deck = await db.deck.findFirstOrThrow({ where: { source: "content" }, orderBy: { id: "asc" } });
    // A change only a sync would undo: left in place proves no sync ran.
    await db.deck.update({ where: { id: deck.id }, data: { title: "Edited behind the sync's back" } });
    await syncContent(url);
    expect((await db.deck.findUniqueOrThrow({ where: { id: deck.id } })).title).toBe("Edited behind the sync's back");

    await db.contentSync.update({ where: { id: 1 }, data: { fingerprint: "another content/" } });
    await syncContent(url);
    expect((await db.deck.findUniqueOrThrow({ where: { id: deck.id } })).title).toBe(deck.title);
    expect(await syncedContentFingerprint(url)).toBe(contentFingerprint());
  });

  it("keeps checked decks in data/ that sync exactly as freshly checked ones", async () => {
    const cached = cachedCheckedDecks(contentFingerprint());
    expect(cached).toBeDefined();
    const stats = await syncContentDecks(db, cached!);
    expect(stats).toMatchObject({ created: 0, revised: 0, archived: 0 });
    expect(stats.unchanged).toBe(loadContent().decks.reduce((sum, deck) => sum + deck.questions.length, 0));
    expect(cachedCheckedDecks("another content/")).toBeUndefined();
  });
});
