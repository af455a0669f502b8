import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { databaseKindOf, resolveDatabaseUrl } from "./lib/database-url";

// The schema engine binary cannot be downloaded here, so the CLI runs through the same driver adapters
// the app uses (docs/decisions/002-prisma-offline-recipe.md). DATABASE_URL picks the provider, its schema
// and its migration history (docs/decisions/016-postgresql.md): file: is SQLite, postgresql:// PostgreSQL.
const databaseUrl = resolveDatabaseUrl(process.env);
process.env.DATABASE_URL = databaseUrl;
const postgresql = databaseKindOf(databaseUrl) === "postgresql";
const folder = postgresql ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  adapter: async () =>
    postgresql ? new PrismaPg({ connectionString: databaseUrl }) : new PrismaBetterSQLite3({ url: databaseUrl }),
});
