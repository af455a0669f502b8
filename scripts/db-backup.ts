/**
 * `npm run db:backup [file]`: a consistent copy of DATABASE_URL's SQLite database (default
 * file:./data/mlprep.db) while the app keeps running, to `file` or data/backups/mlprep-<UTC time>.db.
 * Restoring is copying that one file back while the app is stopped (README.md, "Backups"). PostgreSQL
 * has pg_dump for this, so it is refused with the command to use.
 */
import path from "node:path";
import { databaseKind, isSupportedDatabaseUrl, resolveDatabaseUrl, sqliteFilePath } from "@/lib/database-url";
import { DATA_DIR } from "./runtime";
import { backupSqliteDatabase, defaultBackupFile } from "./sqlite-backup";

const USAGE = "Usage: npm run db:backup [-- <backup file>] (default: data/backups/mlprep-<UTC time>.db)";

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A path under the current folder as typed there (data/backups/…), any other one in full. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((arg) => arg.startsWith("-"))) {
    console.error(USAGE);
    process.exit(2);
  }
  const databaseUrl = resolveDatabaseUrl(process.env);
  if (!isSupportedDatabaseUrl(databaseUrl)) {
    console.error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
    process.exit(1);
  }
  if (databaseKind(databaseUrl) === "postgresql") {
    console.error(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump --format=custom --file=mlprep.dump "$DATABASE_URL" (README.md, "Backups").',
    );
    process.exit(1);
  }
  const source = sqliteFilePath(databaseUrl);
  const report = await backupSqliteDatabase(source, args[0] ?? defaultBackupFile(DATA_DIR));
  console.log(
    [
      `Backed up ${source} to ${shown(report.file)}`,
      `  size: ${report.bytes} bytes (${mebibytes(report.bytes)}), integrity_check: ok`,
      `  rows: ${report.users} User, ${report.attempts} Attempt`,
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  // A message, not a stack: BackupError says what to do, and a system error (a full disk, a folder it may
  // not write to) names its file.
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
