// Raw statements on the hot path (a click's few calls) run on the driver's connection directly: through Prisma even
// a raw statement costs about 0.3 ms of CPU in its client engine (the request pipeline, the query plan, the
// result's conversion), on the driver a few microseconds. SQLite: better-sqlite3's one connection, with its
// prepared statements kept (direct-sqlite.ts); PostgreSQL: the `pg` pool, or the connection of the caller's
// transaction (direct-pg.ts). Before Prisma has connected, or should the driver's connection not be found (a Prisma
// upgrade that moved its internals), a statement goes through Prisma as before.
//
// A statement made with a transaction's client runs inside that transaction; one made with the root client runs as
// any statement outside a transaction does. Rows come back typed as Prisma types a raw row (DateTime a Date, Json
// parsed, Boolean a boolean).
import type { DbCallCounter } from "./call-counter.js";
import { type PostgresHandle, postgresConnectionOf, postgresRows } from "./direct-pg.js";
import { type SqliteHandle, sqliteChanges, sqliteOperation, sqliteRows } from "./direct-sqlite.js";
import type { Prisma } from "./generated/sqlite/client.js";

/** The Prisma client or transaction client a statement is made with (client.ts's Db or Tx: not imported, no cycle). */
export interface RawClient {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

export type Driver = { provider: "sqlite"; handle: SqliteHandle } | { provider: "postgresql"; handle: PostgresHandle };

interface Direct {
  driver: Driver;
  counter?: DbCallCounter;
  /** Statements run on the driver so far (test/platform/direct.fast.test.ts reads it). */
  ran: number;
}

const TRANSACTION_ID = Symbol.for("prisma.client.transaction.id");

/** Keyed by the Prisma client's engine, which its transaction clients and extensions share. */
const directs = new WeakMap<object, Direct>();

const engineOf = (db: RawClient): object | undefined => (db as unknown as { _engine?: object })._engine;
const directOf = (db: RawClient): Direct | undefined => {
  const engine = engineOf(db);
  return engine ? directs.get(engine) : undefined;
};

/** Prisma's id of the transaction a client belongs to; undefined for the root client. */
const transactionIdOf = (db: RawClient): string | undefined => (db as unknown as Record<symbol, string | undefined>)[TRANSACTION_ID];

/** Lets the raw statements made with this client (and its transactions) run on the driver's connection directly. */
export function runDirectly(prisma: RawClient, driver: Driver): void {
  const engine = engineOf(prisma);
  if (engine) directs.set(engine, { driver, ran: 0 });
}

/** Tests and the bench: statements run directly are counted as the Prisma calls they replace. */
export function countDirectCalls(prisma: RawClient, counter: DbCallCounter): void {
  const direct = directOf(prisma);
  if (direct) direct.counter = counter;
}

/** How many statements made with this client (or its transactions) ran on the driver: a Prisma upgrade that moved
 * the internals direct-sqlite.ts and direct-pg.ts read shows as none. */
export const statementsRunDirectly = (db: RawClient): number => directOf(db)?.ran ?? 0;

/** `db.$queryRaw<T[]>(query)`, on the driver directly. */
export async function queryRows<T>(db: RawClient, query: Prisma.Sql): Promise<T[]> {
  const rows = await onDriver(db, query, "rows");
  if (rows === undefined) return db.$queryRaw<T[]>(query);
  directOf(db)?.counter?.calls.push("$queryRaw");
  return rows as T[];
}

/** `db.$executeRaw(query)`: the rows changed, on the driver directly. */
export async function executeRaw(db: RawClient, query: Prisma.Sql): Promise<number> {
  const changes = await onDriver(db, query, "changes");
  if (changes === undefined) return db.$executeRaw(query);
  directOf(db)?.counter?.calls.push("$executeRaw");
  return changes as number;
}

/** Runs a query inside `directly`'s work: its rows (none for a statement that returns none). */
export type DirectQuery = <R>(query: Prisma.Sql) => R[];

/**
 * Several statements as one operation, on SQLite's connection directly, all or nothing (a savepoint): counted once,
 * as Prisma counts a nested write that makes several statements. Undefined when it cannot run there (PostgreSQL,
 * not connected yet, or the driver threw and the savepoint undid the work): the caller then makes it through Prisma.
 */
export async function directly<T>(db: RawClient, operation: string, work: (query: DirectQuery) => T): Promise<T | undefined> {
  const direct = directOf(db);
  if (direct?.driver.provider !== "sqlite") return undefined;
  const done = await sqliteOperation(direct.driver.handle, transactionIdOf(db) !== undefined, work);
  if (!done) return undefined;
  direct.ran++;
  direct.counter?.calls.push(operation);
  return done.value;
}

/** The rows or the count of changes, or undefined when the statement is to go through Prisma. */
async function onDriver(db: RawClient, query: Prisma.Sql, want: "rows" | "changes"): Promise<unknown[] | number | undefined> {
  const direct = directOf(db);
  if (!direct) return undefined;
  const result = await onConnection(direct.driver, transactionIdOf(db), query, want);
  if (result !== undefined) direct.ran++;
  return result;
}

async function onConnection(
  driver: Driver,
  transactionId: string | undefined,
  query: Prisma.Sql,
  want: "rows" | "changes",
): Promise<unknown[] | number | undefined> {
  if (driver.provider === "sqlite") {
    const run = want === "rows" ? sqliteRows : sqliteChanges;
    return (await run(driver.handle, transactionId !== undefined, query))?.value;
  }
  const connection = postgresConnectionOf(driver.handle, transactionId);
  if (!connection) return undefined;
  const result = await postgresRows(connection, query, transactionId !== undefined);
  if (!result) return undefined;
  return want === "rows" ? result.rows : result.changes;
}
