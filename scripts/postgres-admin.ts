/**
 * Creating and dropping whole PostgreSQL databases through an admin URL (a role with CREATEDB), for the
 * test databases (tests/support/test-database.ts) and the benchmark's (bench/answers-databases.ts).
 */
import pg from "pg";

/** The URL of another database on the same server, as the same role. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** One connection for `work`, closed afterwards; gives up connecting after 3 s. */
export async function withClient<T>(
  url: string,
  applicationName: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 3_000,
    application_name: applicationName,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** SQLSTATE insufficient_privilege: what DROP DATABASE … WITH (FORCE) says when it may not end a session. */
const INSUFFICIENT_PRIVILEGE = "42501";

/**
 * Drops a database if it exists. FORCE ends its sessions (a pool may still hold some), but a role without
 * superuser may not end an autovacuum worker, which PostgreSQL starts on a database that was just written
 * a lot to: DROP then fails with "must be a member of the role whose process is being terminated". The
 * worker is done within seconds, so this tries again for up to 15 s.
 */
export async function dropDatabase(adminUrl: string, database: string, applicationName: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withClient(adminUrl, applicationName, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
