import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { datasourceProvider, modelsOnly, POSTGRESQL_SCHEMA, postgresqlSchema, SQLITE_SCHEMA } from "@/prisma/schemas";

const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
const postgresql = readFileSync(POSTGRESQL_SCHEMA, "utf8");

const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("one source of truth for the models, two providers (docs/decisions/016-postgresql.md)", () => {
  it("prisma/postgresql/schema.prisma is what scripts/prisma-schemas.ts makes of prisma/schema.prisma", () => {
    // On failure: npx tsx scripts/prisma-schemas.ts, then add the matching PostgreSQL migration.
    expect(postgresql).toBe(postgresqlSchema(sqlite));
  });

  it("the two schemas differ only in their datasource provider", () => {
    expect(datasourceProvider(sqlite)).toBe("sqlite");
    expect(datasourceProvider(postgresql)).toBe("postgresql");
    expect(modelsOnly(postgresql)).toBe(modelsOnly(sqlite));
    expect(modelsOnly(sqlite)).toMatch(/^model User \{/m);
  });

  it("the comparison notices a change to a model, a field's attribute or a doc comment", () => {
    const changes = [
      sqlite.replace("model RateLimit {", "model RateLimit {\n  extra Int?"),
      sqlite.replace('role          String    @default("candidate")', 'role          String    @default("admin")'),
      sqlite.replace("/// FSRS desired retention, 0.7 to 0.99.", "/// FSRS desired retention."),
    ];
    for (const changed of changes) {
      expect(changed).not.toBe(sqlite);
      expect(modelsOnly(changed)).not.toBe(modelsOnly(sqlite));
    }
  });

  it("refuses a source schema that is not SQLite", () => {
    expect(() => postgresqlSchema(postgresql)).toThrow(/sqlite/);
  });

  it("keeps one migration history per provider, each locked to its provider", () => {
    expect(readFileSync(path.join("prisma", "migrations", "migration_lock.toml"), "utf8")).toMatch(
      /provider = "sqlite"/,
    );
    expect(readFileSync(path.join("prisma", "postgresql", "migrations", "migration_lock.toml"), "utf8")).toMatch(
      /provider = "postgresql"/,
    );
  });

  it("every SQLite migration written after the PostgreSQL baseline has a PostgreSQL migration of the same name", () => {
    const postgresqlMigrations = migrationNames(path.join("prisma", "postgresql", "migrations"));
    const baseline = postgresqlMigrations[0];
    expect(baseline).toBeDefined();
    const later = migrationNames(path.join("prisma", "migrations")).filter((name) => name > baseline!);
    expect(later.filter((name) => !postgresqlMigrations.includes(name))).toEqual([]);
  });
});
