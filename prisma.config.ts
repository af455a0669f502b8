import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/database-url";

// The schema engine binary cannot be downloaded here, so the CLI runs migrations through the same
// better-sqlite3 driver adapter the app uses (docs/decisions/002-prisma-offline-recipe.md).
const databaseUrl = resolveDatabaseUrl(process.env);
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl }),
});
