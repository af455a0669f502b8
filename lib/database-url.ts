/**
 * One place that knows how `DATABASE_URL` maps to a SQLite file, shared by the Prisma CLI config,
 * the runtime client and the start script, so they can never disagree about which file is "the" database.
 */
export const DEFAULT_DATABASE_URL = "file:./data/mlprep.db";

export function resolveDatabaseUrl(env: Record<string, string | undefined>): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** `file:./data/mlprep.db` -> `./data/mlprep.db`; a plain path is returned unchanged. */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : databaseUrl;
}
