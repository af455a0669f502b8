/**
 * Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (prisma/schemas.ts).
 *
 *   npx tsx scripts/prisma-schemas.ts          rewrite it
 *   npx tsx scripts/prisma-schemas.ts --check  exit 1 when it is not what the source gives
 */
import { readFileSync, writeFileSync } from "node:fs";
import { POSTGRESQL_SCHEMA, postgresqlSchema, SQLITE_SCHEMA } from "@/prisma/schemas";

function main() {
  const expected = postgresqlSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  let current = "";
  try {
    current = readFileSync(POSTGRESQL_SCHEMA, "utf8");
  } catch {
    // Not written yet.
  }
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error(`${POSTGRESQL_SCHEMA} is out of date: run npx tsx scripts/prisma-schemas.ts`);
      process.exit(1);
    }
    console.log(`${POSTGRESQL_SCHEMA} matches ${SQLITE_SCHEMA}.`);
    return;
  }
  if (current === expected) {
    console.log(`${POSTGRESQL_SCHEMA} is up to date.`);
    return;
  }
  writeFileSync(POSTGRESQL_SCHEMA, expected);
  console.log(
    `Wrote ${POSTGRESQL_SCHEMA}: add a PostgreSQL migration for the change (docs/decisions/016-postgresql.md).`,
  );
}

main();
