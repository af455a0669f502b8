/**
 * A consistent copy of a live SQLite database, through SQLite's online backup API (better-sqlite3's
 * `database.backup`), for `npm run db:backup` (scripts/db-backup.ts). Copying the file with `cp` while the
 * app writes can catch a transaction half-written, and misses whatever is still in the -wal file.
 *
 * - The copy is taken in one backup step, that is one read transaction: it holds every transaction
 *   committed before it began and none after. With better-sqlite3's default of 100 pages a step, SQLite
 *   restarts the copy whenever another process writes between two steps: against a writer committing
 *   every millisecond, a 5 MB database took over a thousand steps instead of 13. In WAL mode
 *   (scripts/runtime.ts sets it) this reader never blocks the app's writers.
 * - The copy inherits the source's WAL mode. It is switched back to a rollback journal, so it is one
 *   standalone file: copying that file alone restores it.
 * - It is written under a temporary name and checked (`PRAGMA integrity_check`) before it gets its
 *   name, so a file with a backup's name is always a whole, checked one, even after a crash; an existing
 *   file is never overwritten.
 */
import { randomBytes } from "node:crypto";
import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** A refusal or failure the user can act on: its message is the whole story, no stack trace needed. */
export class BackupError extends Error {
  override name = "BackupError";
}

export type BackupReport = {
  /** Absolute path of the backup. */
  file: string;
  bytes: number;
  /** Row counts in the backup, as a quick look that it holds what it should. */
  users: number;
  attempts: number;
};

/** better-sqlite3's largest step: the whole database in one step (see the comment at the top). */
const ALL_PAGES = 0x7fffffff;

/** How long opening the source waits for a lock, as the app's own connections do (lib/data/db.ts). */
const BUSY_TIMEOUT_MS = 5_000;

/** `data/backups/mlprep-20261207T101500Z.db`: UTC, no colons (not allowed in Windows file names). */
export function defaultBackupFile(dataDir: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(dataDir, "backups", `mlprep-${stamp}.db`);
}

/** lstat, not exists: a dangling symbolic link at the destination is still something not to replace. */
function occupied(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

const refuseExisting = (file: string) =>
  new BackupError(`${file} already exists: a backup is never overwritten, name another file`);

/**
 * Copies the SQLite database `sourceFile` to `destinationFile` while other processes keep using it, checks
 * the copy and returns what it holds. Throws BackupError when the source is missing or not a database, the
 * destination exists, or the copy fails its check; the destination is then left as it was.
 */
export async function backupSqliteDatabase(sourceFile: string, destinationFile: string): Promise<BackupReport> {
  const source = path.resolve(sourceFile);
  const destination = path.resolve(destinationFile);
  // Checked first: better-sqlite3 would otherwise create an empty database where the app's was expected.
  if (!existsSync(source)) throw new BackupError(`no SQLite database at ${source}: check DATABASE_URL`);
  if (destination === source) throw new BackupError("the backup must not be the database itself");
  if (occupied(destination)) throw refuseExisting(destination);
  mkdirSync(path.dirname(destination), { recursive: true });

  // Beside the destination, so that giving it its name is a link on the same file system, never a copy.
  const partial = `${destination}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await copyDatabase(source, partial);
    const counts = checkCopy(partial);
    publish(partial, destination);
    return { file: destination, bytes: statSync(destination).size, ...counts };
  } finally {
    // The temporary name, and any journal SQLite left beside it when something failed half-way.
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${partial}${suffix}`, { force: true });
  }
}

async function copyDatabase(source: string, partial: string): Promise<void> {
  let database: Database.Database;
  try {
    database = new Database(source, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new BackupError(`cannot open ${source}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await database.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    throw new BackupError(`cannot copy ${source}: ${(error as Error).message}`, { cause: error });
  } finally {
    database.close();
  }
}

/** Makes the copy standalone (no -wal file), checks it and counts its users and answers. */
function checkCopy(partial: string): Pick<BackupReport, "users" | "attempts"> {
  const copy = new Database(partial, { fileMustExist: true });
  try {
    // Checkpoints anything in the copy's own -wal into the file, deletes it, and records the rollback
    // journal in the file's header, so opening the file alone never looks for a -wal again.
    const mode = copy.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw new BackupError(`the copy stayed in journal mode ${String(mode)}`);
    const problems = (copy.pragma("integrity_check") as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    if (problems.join() !== "ok") {
      throw new BackupError(`the copy failed PRAGMA integrity_check: ${problems.slice(0, 5).join("; ")}`);
    }
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { users: count("User"), attempts: count("Attempt") };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`the copy cannot be read: ${(error as Error).message}`, { cause: error });
  } finally {
    copy.close();
  }
}

/** Gives the checked copy its name, unless something took that name meanwhile. */
function publish(partial: string, destination: string): void {
  try {
    // A hard link fails when the name exists, where a rename would replace it.
    linkSync(partial, destination);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw refuseExisting(destination);
    // A file system without hard links: an exclusive copy refuses an existing name too.
    try {
      copyFileSync(partial, destination, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === "EEXIST") throw refuseExisting(destination);
      throw new BackupError(`cannot write ${destination}: ${(copyError as Error).message}`, { cause: copyError });
    }
  }
}
