import path from "node:path";
import pg from "pg";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; under test the server code runs in Node directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
};

/**
 * The integration files run once per database: the `integration` project on SQLite, the
 * `integration-postgresql` project on PostgreSQL (tests/support/fresh-database.ts gives each file a fresh
 * database of its project's kind). `npm test` needs no PostgreSQL: the PostgreSQL project is added when
 * one answers at MLPREP_TEST_POSTGRES_URL, or when MLPREP_REQUIRE_POSTGRES=1 (CI), where a missing one
 * then fails its files. One line says which (docs/decisions/016-postgresql.md).
 */
// The names and default of tests/support/test-database.ts, which the files use. The config imports no
// project module: Vite would warn that its future native config loader cannot load them.
const postgresUrl = process.env.MLPREP_TEST_POSTGRES_URL?.trim() || "postgresql://mlprep:mlprep@127.0.0.1:5432/mlprep";
const postgresRequired = process.env.MLPREP_REQUIRE_POSTGRES === "1";

/** Why the test PostgreSQL cannot hold a database per test file, or undefined when it can. */
async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ createdb: boolean }>(
      "SELECT rolcreatedb OR rolsuper AS createdb FROM pg_roles WHERE rolname = current_user",
    );
    return rows[0]?.createdb === true ? undefined : "its role may not create databases (CREATEDB)";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unavailable = await postgresUnavailable();
const where = `PostgreSQL at MLPREP_TEST_POSTGRES_URL (${postgresUrl.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")})`;
console.log(
  unavailable === undefined
    ? `Integration tests run on SQLite and on ${where}.`
    : postgresRequired
      ? `Integration tests run on SQLite and on ${where}, which MLPREP_REQUIRE_POSTGRES=1 requires, but: ${unavailable}.`
      : `Integration tests run on SQLite only: no ${where} (${unavailable}). Set MLPREP_TEST_POSTGRES_URL to run them on PostgreSQL too.`,
);

/** Files that only mean something on SQLite, left out of the PostgreSQL project. */
const SQLITE_ONLY = [
  // Checks the start script's HOSTNAME guard, which refuses before any database is opened, and that no
  // SQLite file was created: running it again with PostgreSQL would test nothing new.
  "tests/integration/start-script.test.ts",
  // npm run db:backup copies a SQLite file with SQLite's backup API; on PostgreSQL it only refuses,
  // pointing at pg_dump (README.md, "Backups"), which the file checks with a PostgreSQL URL anyway.
  "tests/integration/db-backup.test.ts",
  // Another process holding SQLite's one write lock; PostgreSQL locks rows, not the database.
  "tests/integration/sqlite-other-writer.test.ts",
];
/** Files that only mean something on PostgreSQL, left out of the SQLite project. */
const POSTGRESQL_ONLY = [
  // The PostgreSQL migration runner and adapter (it makes its own databases beside the file's).
  "tests/integration/postgresql.test.ts",
];

function integration(kind: "sqlite" | "postgresql"): TestProjectInlineConfiguration {
  return {
    resolve: { alias },
    test: {
      name: kind === "sqlite" ? "integration" : "integration-postgresql",
      include: ["tests/integration/**/*.test.ts"],
      exclude: kind === "sqlite" ? POSTGRESQL_ONLY : SQLITE_ONLY,
      env: { MLPREP_TEST_DATABASE: kind },
      environment: "node",
      // Each file gets its own database; files run in separate workers so they never share one.
      pool: "forks",
      // A real database per file, argon2 hashes and Next route handlers: seconds per test under load.
      // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; through
      // Vite it resolves as it does in Next.
      server: { deps: { inline: ["next-auth"] } },
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      // Shared fixtures (all of content/, a database with every shipped deck) load once per file in
      // beforeAll: seconds on an idle machine, several times that on a busy one, so hooks get a budget
      // that fits the work rather than the 10 s default.
      {
        resolve: { alias },
        // Pure code: milliseconds a test on an idle machine. 15 s leaves room for a busy one (npm run
        // test:under-load); tests that walk all content or time hostile input set their own budget.
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 15_000,
          hookTimeout: 120_000,
        },
      },
      integration("sqlite"),
      ...(unavailable === undefined || postgresRequired ? [integration("postgresql")] : []),
    ],
  },
});
