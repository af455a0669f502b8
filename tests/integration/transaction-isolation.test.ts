/**
 * A plain query (one Prisma runs outside a transaction) from one request while another request's
 * interactive transaction is open must not take part in that transaction. PostgreSQL gives each its own
 * connection; Prisma's SQLite adapter has one, and before lib/data/sqlite-adapter.ts kept plain queries
 * out of open transactions, such a read saw rows not yet committed and such an `update` was undone by the
 * other transaction's rollback after its caller had been told it was saved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "@/tests/support/fresh-database";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");

/**
 * Keeps the transaction open long enough for a query started inside its callback to run, if it could:
 * the query is not awaited there (on SQLite it now waits for the transaction), so this wait only gives a
 * wrong implementation its chance to show; a slow machine can only make the test pass, never fail.
 */
const LONG_ENOUGH_MS = 200;
const pause = () => new Promise((resolve) => setTimeout(resolve, LONG_ENOUGH_MS));
/** A Prisma query runs only once something awaits it or calls `then`: this starts it now. */
const started = <T>(query: PromiseLike<T>): Promise<T> =>
  new Promise((resolve, reject) => void query.then(resolve, reject));

class RolledBack extends Error {}

let userId = "";
beforeAll(async () => {
  userId = (await db.user.create({ data: { email: "isolation@example.com", name: "before" } })).id;
});
afterAll(async () => {
  await db.$disconnect();
});

describe("plain queries while another transaction is open", () => {
  it("keep a plain update when the other transaction rolls back", async () => {
    let outside: Promise<unknown> | undefined;
    const transaction = db.$transaction(async (tx) => {
      await tx.user.findUniqueOrThrow({ where: { id: userId } });
      outside = started(db.user.update({ where: { id: userId }, data: { name: "updated outside" } }));
      await pause();
      throw new RolledBack();
    });
    await expect(transaction).rejects.toBeInstanceOf(RolledBack);
    await outside;
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("updated outside");
  });

  it("do not read what the other transaction has not committed", async () => {
    let outside: Promise<number> | undefined;
    const transaction = db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: "uncommitted@example.com" } });
      outside = started(db.user.count({ where: { email: "uncommitted@example.com" } }));
      await pause();
      throw new RolledBack();
    });
    await expect(transaction).rejects.toBeInstanceOf(RolledBack);
    expect(await outside).toBe(0);
  });

  it("still run inside the transaction when they go through it, and see its writes", async () => {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { name: "inside" } });
      expect((await tx.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("inside");
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("inside");
  });
});
