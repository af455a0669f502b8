import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/scripts/runtime";

/**
 * Points this test file's process at a new, migrated SQLite file. Call it before importing anything
 * that reads the environment (lib/env, lib/data): those read DATABASE_URL once, at import.
 */
export function createFreshDatabase(): string {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "mlprep-test-")), "test.db")}`;
  migrateDatabase(url);
  process.env.DATABASE_URL = url;
  return url;
}
