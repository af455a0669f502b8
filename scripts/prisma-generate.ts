/**
 * `postinstall` (and `npm run db:generate`): generates both Prisma clients, prisma/generated (SQLite) and
 * prisma/postgresql/generated (PostgreSQL). prisma.config.ts picks the schema from DATABASE_URL, so each
 * run is given a URL of its kind; nothing connects to a database. (`prisma generate --schema` with the
 * PostgreSQL schema would try to download an engine: the config's JavaScript-only mode only applies to the
 * schema it names.) Warns, without failing the install, when prisma/postgresql/schema.prisma is stale;
 * tests/unit/prisma-schemas.test.ts fails on it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { POSTGRESQL_SCHEMA, postgresqlSchema, SQLITE_SCHEMA } from "@/prisma/schemas";

const PRISMA_CLI = require.resolve("prisma/build/index.js");

for (const databaseUrl of ["file:./data/mlprep.db", "postgresql://localhost:5432/mlprep"]) {
  execFileSync(process.execPath, [PRISMA_CLI, "generate"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

if (readFileSync(POSTGRESQL_SCHEMA, "utf8") !== postgresqlSchema(readFileSync(SQLITE_SCHEMA, "utf8"))) {
  console.warn(
    `Warning: ${POSTGRESQL_SCHEMA} does not match ${SQLITE_SCHEMA}: run npx tsx scripts/prisma-schemas.ts and add a PostgreSQL migration.`,
  );
}
