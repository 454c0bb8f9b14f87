import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

/**
 * The driver's connection under the adapter, once Prisma has opened it, and its turns: what a raw statement on the
 * hot path runs on directly (src/db/direct.ts), taking its turn like any statement outside a transaction.
 */
export interface SqliteHandle {
  connection?: { db: BetterSqlite3.Database; turn: Turns };
}

/**
 * A better-sqlite3 adapter whose one connection is used by one statement or transaction at a time.
 *
 * Prisma's SQLite adapter shares a single connection and only makes transactions take turns: a plain query
 * issued while another request's transaction is open runs inside that transaction, sees its uncommitted rows
 * and is undone by its rollback. Here every statement outside a transaction waits until the open transaction
 * has committed or rolled back. (SQLite has one writer anyway; this only orders work within this process.
 * Other processes on the same file are kept apart by SQLite's own locks and the busy timeout.)
 */
export function serialisedSqlite(file: string, busyTimeoutMs: number, handle: SqliteHandle = {}): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url: file, timeout: busyTimeoutMs });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const turn = new Turns();
    // The adapter keeps its better-sqlite3 Database as `client` (Prisma 6.19's adapter; absent, nothing runs directly).
    const db = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (db && typeof db.prepare === "function") handle.connection = { db, turn };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const done = await turn.take();
      try {
        const tx = await startTransaction(isolationLevel);
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        tx.commit = () => commit().finally(done);
        tx.rollback = () => rollback().finally(done);
        return tx;
      } catch (error) {
        done();
        throw error;
      }
    };
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (query) => turn.run(() => queryRaw(query));
    adapter.executeRaw = (query) => turn.run(() => executeRaw(query));
    return adapter;
  };
  return factory;
}

/** First come, first served turns on one resource. */
export class Turns {
  private last: Promise<void> = Promise.resolve();

  /** Waits for the turn; call the returned function to pass it on. */
  async take(): Promise<() => void> {
    let done!: () => void;
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const previous = this.last;
    this.last = previous.then(() => mine);
    await previous;
    return done;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const done = await this.take();
    try {
      return await work();
    } finally {
      done();
    }
  }
}
