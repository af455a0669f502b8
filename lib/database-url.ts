/**
 * One place that knows what `DATABASE_URL` means, shared by the Prisma CLI config, the runtime client,
 * the start script and the migration runner, so they can never disagree about which database is "the"
 * database: `file:` is SQLite (the default), `postgresql://` or `postgres://` is PostgreSQL
 * (docs/decisions/016-postgresql.md).
 */
export const DEFAULT_DATABASE_URL = "file:./data/mlprep.db";

export type DatabaseKind = "sqlite" | "postgresql";

export function resolveDatabaseUrl(env: Record<string, string | undefined>): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** The database a URL names, or undefined for a URL neither adapter takes. */
export function databaseKindOf(databaseUrl: string): DatabaseKind | undefined {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return "postgresql";
  return undefined;
}

/**
 * True for a `file:` URL, or a `postgresql://` (`postgres://`) URL that parses (a Unix socket is named as
 * `postgresql:///mlprep?host=/var/run/postgresql`).
 */
export function isSupportedDatabaseUrl(databaseUrl: string): boolean {
  const kind = databaseKindOf(databaseUrl);
  if (kind !== "postgresql") return kind === "sqlite";
  try {
    return new URL(databaseUrl).protocol.startsWith("postgres");
  } catch {
    return false;
  }
}

/** Like databaseKindOf, for a URL already validated (lib/env-schema.ts): anything else is a bug. */
export function databaseKind(databaseUrl: string): DatabaseKind {
  const kind = databaseKindOf(databaseUrl);
  if (!kind) throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
  return kind;
}

/** `file:./data/mlprep.db` -> `./data/mlprep.db`; a plain path is returned unchanged. */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : databaseUrl;
}

/** A URL with its password replaced by `***`, for messages and logs. */
export function redactDatabaseUrl(databaseUrl: string): string {
  if (databaseKindOf(databaseUrl) !== "postgresql") return databaseUrl;
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgresql://…";
  }
}
