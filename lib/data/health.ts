import "server-only";
import { db } from "./db";

/**
 * How long a health check waits for the database. SQLite answers at once or fails; a PostgreSQL server
 * that is down or cut off could leave a connection attempt hanging far longer than a load balancer waits.
 */
const HEALTH_TIMEOUT_MS = 3_000;

/** True once the database answers a trivial query within HEALTH_TIMEOUT_MS. */
export async function isDatabaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
