import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/**
 * Per-connection settings the driver adapter does not apply. In WAL mode better-sqlite3 is built to
 * default to synchronous=NORMAL, which may lose the last commits on power loss; an answer a candidate was
 * told is saved must survive that, so FULL. busy_timeout makes a second process (the start-up sync, a
 * CLI) wait for the write lock instead of failing at once.
 */
const CONNECTION_PRAGMAS = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * Prisma's better-sqlite3 adapter with what it leaves out for a server: the pragmas above, transactions
 * that take the write lock when they begin, and plain queries kept out of an open transaction.
 * (docs/decisions/006-answer-recording-throughput.md)
 */
export class ConfiguredSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    isolateTransactions(adapter);
    return adapter;
  }
}

/**
 * The adapter opens every transaction with a deferred BEGIN: it takes the write lock at its first write,
 * and a transaction that has read by then and meets another process's write lock (an operator's CLI, a
 * backup) gets SQLITE_BUSY at once, without busy_timeout's wait: SQLite cannot wait there without risking
 * a deadlock. An answer failed that way while `npm run user:role` was writing. Taking the write lock at
 * BEGIN lets busy_timeout apply; it costs this process nothing, whose transactions already run one at a
 * time (the adapter's mutex).
 *
 * The adapter has one connection, and a plain query (one Prisma runs outside a transaction) ran on it
 * whenever it came, so one from another request while a transaction was open ran inside that transaction:
 * it read rows not yet committed, and a plain `update` was undone with the transaction's rollback although
 * its caller had been told it was saved. Plain queries now wait until no transaction is open. Code that
 * awaited the outer client inside a `$transaction` callback would wait for itself until the transaction's
 * time limit: the data layer passes `tx` down, as it must on PostgreSQL too.
 */
function isolateTransactions(adapter: Adapter): void {
  let open: Promise<void> | undefined;
  const begin = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await begin(isolationLevel);
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    open = ended;
    const close = () => {
      if (open === ended) open = undefined;
      end();
    };
    try {
      await adapter.executeScript("COMMIT; BEGIN IMMEDIATE");
    } catch (error) {
      close();
      await transaction.rollback(); // releases the adapter's mutex; no transaction is open
      throw error;
    }
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = () => commit().finally(close);
    transaction.rollback = () => rollback().finally(close);
    return transaction;
  };

  const outsideTransactions =
    <Query, Result>(run: (query: Query) => Promise<Result>) =>
    async (query: Query): Promise<Result> => {
      while (open) await open;
      return run(query);
    };
  adapter.queryRaw = outsideTransactions(adapter.queryRaw.bind(adapter));
  adapter.executeRaw = outsideTransactions(adapter.executeRaw.bind(adapter));
}
