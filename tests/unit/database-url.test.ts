import { describe, expect, it } from "vitest";
import {
  databaseKind,
  databaseKindOf,
  DEFAULT_DATABASE_URL,
  isSupportedDatabaseUrl,
  redactDatabaseUrl,
} from "@/lib/database-url";
import { parseEnv } from "@/lib/env-schema";

describe("DATABASE_URL chooses the database (docs/decisions/016-postgresql.md)", () => {
  it("file: is SQLite, the default", () => {
    expect(parseEnv({}).DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(databaseKind(DEFAULT_DATABASE_URL)).toBe("sqlite");
    expect(databaseKind("file:/tmp/x.db")).toBe("sqlite");
  });

  it("postgresql:// and postgres:// are PostgreSQL", () => {
    for (const url of [
      "postgresql://mlprep:secret@127.0.0.1:5432/mlprep",
      "postgres://db.internal/mlprep?sslmode=require",
      "postgresql:///mlprep?host=/var/run/postgresql",
    ]) {
      expect(databaseKind(url)).toBe("postgresql");
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it("refuses any other URL, naming the variable", () => {
    for (const wrong of [
      "mysql://localhost/mlprep",
      "./data/mlprep.db",
      "sqlite:./x.db",
      "postgresql://user@host:notaport/db",
    ]) {
      expect(isSupportedDatabaseUrl(wrong)).toBe(false);
      expect(() => parseEnv({ DATABASE_URL: wrong })).toThrow(/DATABASE_URL/);
    }
    expect(databaseKindOf("mysql://localhost/mlprep")).toBeUndefined();
    expect(() => databaseKind("mysql://localhost/mlprep")).toThrow(/DATABASE_URL/);
  });

  it("redacts a PostgreSQL password for messages", () => {
    expect(redactDatabaseUrl("postgresql://mlprep:secret@127.0.0.1:5432/mlprep")).toBe(
      "postgresql://mlprep:***@127.0.0.1:5432/mlprep",
    );
    expect(redactDatabaseUrl("file:./data/mlprep.db")).toBe("file:./data/mlprep.db");
  });
});
