import { describe, expect, it } from "vitest";
import type { Migration } from "@/scripts/migrate-postgresql";
import { type AppliedMigration, hasExactlyTheseMigrations } from "@/scripts/migration-status";

const migrations: Migration[] = [
  { name: "20260101_init", script: "", checksum: "a" },
  { name: "20260102_more", script: "", checksum: "b" },
];
const done = (name: string, checksum: string): AppliedMigration => ({
  migration_name: name,
  checksum,
  finished_at: "2026-01-02T00:00:00Z",
  rolled_back_at: null,
});

describe("hasExactlyTheseMigrations", () => {
  it("is true only when every folder migration is recorded, finished, with its file's checksum", () => {
    expect(hasExactlyTheseMigrations([done("20260101_init", "a"), done("20260102_more", "b")], migrations)).toBe(true);
    expect(hasExactlyTheseMigrations([done("20260101_init", "a")], migrations)).toBe(false);
    expect(hasExactlyTheseMigrations([], migrations)).toBe(false);
    expect(hasExactlyTheseMigrations([done("20260101_init", "a"), done("20260102_more", "changed")], migrations)).toBe(
      false,
    );
  });

  it("sends a failed or unknown migration to the migrator, and ignores one rolled back", () => {
    const failed = { ...done("20260102_more", "b"), finished_at: null };
    expect(hasExactlyTheseMigrations([done("20260101_init", "a"), failed], migrations)).toBe(false);
    const unknown = done("20260103_newer_server", "c");
    expect(
      hasExactlyTheseMigrations([done("20260101_init", "a"), done("20260102_more", "b"), unknown], migrations),
    ).toBe(false);
    const rolledBack = { ...failed, rolled_back_at: "2026-01-02T00:00:01Z" };
    expect(
      hasExactlyTheseMigrations([done("20260101_init", "a"), rolledBack, done("20260102_more", "b")], migrations),
    ).toBe(true);
  });
});
