/**
 * What every way of running the server needs first: a data folder, an AUTH_SECRET that survives
 * restarts, valid settings, a migrated database and the shipped decks synced into it. Shared by `npm start`, `npm run dev` and the browser tests.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, resolveDatabaseUrl, sqliteFilePath } from "@/lib/database-url";
import { parseEnv } from "@/lib/env-schema";
import { contentFingerprint, syncedContentFingerprint } from "./content-sync-cache";
import { isDatabaseMigrated } from "./migration-status";

export const DATA_DIR = path.join(process.cwd(), "data");
const SCRIPTS_DIR = path.join(process.cwd(), "scripts");
const AUTH_SECRET_FILE = path.join(DATA_DIR, "auth-secret");

/** Returns AUTH_SECRET from the environment, else from data/auth-secret, generating it once. */
export function ensureAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  mkdirSync(DATA_DIR, { recursive: true });
  if (existsSync(AUTH_SECRET_FILE)) return readFileSync(AUTH_SECRET_FILE, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(AUTH_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  console.log(`Generated AUTH_SECRET in ${path.relative(process.cwd(), AUTH_SECRET_FILE)} (kept across restarts).`);
  return secret;
}

/**
 * Applies pending migrations; returns once the database is current. SQLite (`file:`): `prisma migrate
 * deploy` through the better-sqlite3 adapter (prisma.config.ts), creating the file if needed, then WAL
 * journaling. PostgreSQL: our runner (scripts/migrate-postgresql.ts; Prisma's cannot run here, see
 * docs/decisions/016-postgresql.md) in a child process, as the Prisma CLI is for SQLite, so this stays
 * synchronous for its callers. On either, a failure throws.
 */
export function migrateDatabase(databaseUrl: string): void {
  if (databaseKind(databaseUrl) === "postgresql") {
    execFileSync(process.execPath, ["--import", "tsx", path.join(SCRIPTS_DIR, "db-migrate.ts")], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return;
  }
  const file = path.resolve(sqliteFilePath(databaseUrl));
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "migrate", "deploy"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  // WAL is a property of the file, so setting it once here holds for every later connection.
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.close();
}

/**
 * Upserts the content decks into the database (scripts/sync-content.ts, in a child process), unless the
 * database says its last sync had these very inputs: then starting costs a hash of the files and one
 * query instead of seconds (scripts/content-sync-cache.ts).
 */
export async function syncContent(databaseUrl: string): Promise<void> {
  const started = performance.now();
  if ((await syncedContentFingerprint(databaseUrl)) === contentFingerprint()) {
    console.log(`Content unchanged since the last sync (checked in ${Math.round(performance.now() - started)} ms).`);
    return;
  }
  // The react-server condition lets the data layer's `server-only` imports resolve outside Next.
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sync-content.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

/**
 * Environment for a Next server process: validated inputs with their defaults filled in. A wrong setting
 * stops the start here, before the database is touched, naming the variable.
 */
export async function prepareRuntime(): Promise<NodeJS.ProcessEnv> {
  const databaseUrl = resolveDatabaseUrl(process.env);
  const serverEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: ensureAuthSecret(),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  try {
    parseEnv(serverEnv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (await isDatabaseMigrated(databaseUrl)) console.log("Database migrations: none pending.");
  else migrateDatabase(databaseUrl);
  await syncContent(databaseUrl);
  return serverEnv;
}

/** `-H HOSTNAME` for `next dev` when HOSTNAME is set; without it, it listens everywhere (npm start passes HOSTNAME to its own server). */
export function hostArguments(serverEnv: NodeJS.ProcessEnv): string[] {
  return serverEnv.HOSTNAME ? ["-H", serverEnv.HOSTNAME] : [];
}
