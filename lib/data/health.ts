import "server-only";
import { db } from "./db";

/** True once the database answers a trivial query. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
