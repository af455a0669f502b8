/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL's database (default
 * file:./data/mlprep.db) and exits; for deployments that migrate once before starting the servers.
 * `npm start` runs the same step, so it is never required; on PostgreSQL a second process migrating
 * at the same time waits for the first (docs/decisions/016-postgresql.md).
 */
import { databaseKind, isSupportedDatabaseUrl, redactDatabaseUrl, resolveDatabaseUrl } from "@/lib/database-url";
import { migratePostgresql } from "./migrate-postgresql";
import { migrateDatabase } from "./runtime";

async function main() {
  const databaseUrl = resolveDatabaseUrl(process.env);
  // Only the database matters here: another setting being wrong must not stop a deployment's migration.
  if (!isSupportedDatabaseUrl(databaseUrl)) {
    console.error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
    process.exit(1);
  }
  if (databaseKind(databaseUrl) === "postgresql") {
    await migratePostgresql(databaseUrl);
  } else {
    migrateDatabase(databaseUrl);
    console.log(`SQLite database ${redactDatabaseUrl(databaseUrl)} is migrated.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Migration failed: ${error.message}` : error);
  process.exit(1);
});
