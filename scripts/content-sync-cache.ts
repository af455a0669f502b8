/**
 * Makes starting on unchanged content cheap (issue 16). Two caches, keyed by one fingerprint of everything
 * the synced rows depend on:
 * - in the database, the ContentSync row: the sync (scripts/sync-content.ts) records the fingerprint in
 *   the same transaction as the decks, and `npm start` compares it before spawning the sync at all;
 * - in data/, the checked decks: a fresh database (a new deployment, every browser-test run) still needs
 *   the sync, but not the seconds of parsing and checking 901 questions again.
 * Either is only a shortcut: a different fingerprint, a missing row or an unreadable file means the full
 * path, so a stale cache costs time, never correctness.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ParsedDeck } from "@/lib/content/deck-check";
import { filesFingerprint } from "./build-fingerprint";
import { queryDatabase } from "./direct-query";

/**
 * What the synced rows depend on: the content and every line of code that parses, checks or writes it
 * (all of lib/, conservatively: a deploy that changes any of it syncs once more), and the dependencies.
 */
const SYNC_INPUTS = ["content", "lib", "scripts/sync-content.ts", "prisma/schema.prisma", "package-lock.json"];

const CHECKED_CONTENT_FILE = path.join("data", "checked-content.json");

type CheckedContent = { fingerprint: string; decks: ParsedDeck[] };

export function contentFingerprint(): string {
  return filesFingerprint(SYNC_INPUTS);
}

/** The fingerprint of the last completed sync into this (migrated) database, or null if none. */
export async function syncedContentFingerprint(databaseUrl: string): Promise<string | null> {
  const rows = await queryDatabase<{ fingerprint: string }>(
    databaseUrl,
    `SELECT "fingerprint" FROM "ContentSync" LIMIT 1`,
  );
  return rows[0]?.fingerprint ?? null;
}

/** The decks checked from the same inputs by an earlier sync, if data/ holds them. */
export function cachedCheckedDecks(fingerprint: string): ParsedDeck[] | undefined {
  try {
    const cached = JSON.parse(readFileSync(CHECKED_CONTENT_FILE, "utf8")) as CheckedContent;
    return cached.fingerprint === fingerprint ? cached.decks : undefined;
  } catch {
    return undefined; // none yet, or unreadable: check the content again
  }
}

/** Keeps decks that passed every check; written whole (rename), so a reader never sees half a file. */
export function cacheCheckedDecks(fingerprint: string, decks: ParsedDeck[]): void {
  mkdirSync(path.dirname(CHECKED_CONTENT_FILE), { recursive: true });
  const partial = `${CHECKED_CONTENT_FILE}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify({ fingerprint, decks } satisfies CheckedContent));
  renameSync(partial, CHECKED_CONTENT_FILE);
}
