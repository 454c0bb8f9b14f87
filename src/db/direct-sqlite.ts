// Raw statements on the hot path (a click's few calls), on SQLite run on the driver's connection directly: through
// Prisma even a raw statement costs about 0.3 ms of CPU in its client engine (the request pipeline, the query
// plan, the result's conversion), on the driver a few microseconds, with its prepared statement kept. PostgreSQL,
// and SQLite before Prisma has connected, go through Prisma as before.
//
// The connection is the one Prisma's adapter uses (sqlite-connection.ts), so a statement made with a transaction
// client runs inside that transaction: while it is open it holds the connection's turn, and this process runs
// nothing else on it. A statement made with the root client takes its turn, as every statement outside a
// transaction does. Rows come back typed as Prisma types a raw row (DateTime a Date, Json parsed, Boolean a
// boolean), from the columns' declared types. Should the driver throw (a lock, a constraint), the statement, which
// did nothing, is made again through Prisma, so the error the caller sees is Prisma's, as before.
import type BetterSqlite3 from "better-sqlite3";
import type { DbCallCounter } from "./call-counter.js";
import type { Prisma } from "./generated/sqlite/client.js";
import type { SqliteHandle } from "./sqlite-connection.js";

/** The Prisma client or transaction client a statement is made with (client.ts's Db or Tx: not imported, no cycle). */
interface RawClient {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}
type Db = RawClient;
type Tx = RawClient;

const TRANSACTION_ID = Symbol.for("prisma.client.transaction.id");
/** Statements kept prepared per connection: the hot path's handful, with room to spare. */
const KEPT_STATEMENTS = 64;

interface Direct {
  handle: SqliteHandle;
  counter?: DbCallCounter;
  statements: Map<string, BetterSqlite3.Statement>;
}

/** Keyed by the Prisma client's engine, which its transaction clients and extensions share. */
const directs = new WeakMap<object, Direct>();

const engineOf = (db: Db | Tx): object | undefined => (db as unknown as { _engine?: object })._engine;

/** Lets the raw statements made with this client (and its transactions) run on the SQLite connection directly. */
export function runDirectly(prisma: Db, handle: SqliteHandle): void {
  const engine = engineOf(prisma);
  if (engine) directs.set(engine, { handle, statements: new Map() });
}

/** Tests and the bench: statements run directly are counted as the Prisma calls they replace. */
export function countDirectCalls(prisma: Db, counter: DbCallCounter): void {
  const engine = engineOf(prisma);
  const direct = engine ? directs.get(engine) : undefined;
  if (direct) direct.counter = counter;
}

/** `db.$queryRaw<T[]>(query)`, directly on SQLite. */
export function queryRows<T>(db: Db | Tx, query: Prisma.Sql): Promise<T[]> {
  return run(
    db,
    query,
    "$queryRaw",
    (statement, args) => rowsOf<T>(statement, args),
    () => db.$queryRaw<T[]>(query),
  );
}

/** `db.$executeRaw(query)`: the rows changed, directly on SQLite. */
export function executeRaw(db: Db | Tx, query: Prisma.Sql): Promise<number> {
  return run(
    db,
    query,
    "$executeRaw",
    (statement, args) => statement.run(args).changes,
    () => db.$executeRaw(query),
  );
}

/** Runs a query inside `directly`'s work: its rows (none for a statement that returns none). */
export type DirectQuery = <R>(query: Prisma.Sql) => R[];

/**
 * Several statements as one operation, on SQLite's connection directly, all or nothing (a savepoint): counted once,
 * as Prisma counts a nested write that makes several statements. Undefined when it cannot run there (PostgreSQL,
 * not connected yet, or the driver threw and the savepoint undid the work): the caller then makes it through Prisma.
 */
export async function directly<T>(db: Db | Tx, operation: string, work: (query: DirectQuery) => T): Promise<T | undefined> {
  const engine = engineOf(db);
  const direct = engine ? directs.get(engine) : undefined;
  const connection = direct?.handle.connection;
  if (!direct || !connection) return undefined;
  const sqlite = connection.db;
  const query: DirectQuery = <R>(q: Prisma.Sql) => rowsOf<R>(prepared(direct, sqlite, q.sql), q.values.map(argOf));
  const once = (): { value: T } | undefined => {
    prepared(direct, sqlite, "SAVEPOINT baton_direct").run();
    try {
      const value = work(query);
      prepared(direct, sqlite, "RELEASE baton_direct").run();
      return { value };
    } catch {
      prepared(direct, sqlite, "ROLLBACK TO baton_direct").run();
      prepared(direct, sqlite, "RELEASE baton_direct").run();
      return undefined;
    }
  };
  const inTransaction = (db as unknown as Record<symbol, unknown>)[TRANSACTION_ID] !== undefined;
  const done = inTransaction ? once() : await connection.turn.run(async () => once());
  if (done) direct.counter?.calls.push(operation);
  return done?.value;
}

async function run<T>(
  db: Db | Tx,
  query: Prisma.Sql,
  operation: string,
  onDriver: (statement: BetterSqlite3.Statement, args: unknown[]) => T,
  throughPrisma: () => Promise<T>,
): Promise<T> {
  const engine = engineOf(db);
  const direct = engine ? directs.get(engine) : undefined;
  const connection = direct?.handle.connection;
  if (!direct || !connection) return throughPrisma();
  const once = () => {
    try {
      return { value: onDriver(prepared(direct, connection.db, query.sql), query.values.map(argOf)) };
    } catch {
      return undefined;
    }
  };
  const inTransaction = (db as unknown as Record<symbol, unknown>)[TRANSACTION_ID] !== undefined;
  const done = inTransaction ? once() : await connection.turn.run(async () => once());
  if (!done) return throughPrisma();
  direct.counter?.calls.push(operation);
  return done.value;
}

function prepared(direct: Direct, db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statement = direct.statements.get(sql);
  if (statement) {
    // Most recently used last: the first is the one to drop.
    direct.statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    // Int columns as numbers, as Prisma returns them from a raw statement (the adapter's connection reads BigInts).
    if (statement.reader) statement.safeIntegers(false);
    if (direct.statements.size >= KEPT_STATEMENTS) {
      const oldest = direct.statements.keys().next().value;
      if (oldest !== undefined) direct.statements.delete(oldest);
    }
  }
  direct.statements.set(sql, statement);
  return statement;
}

/** A value bound as the adapter binds it: Dates as ISO 8601 text (its default format), booleans as 0 and 1. */
function argOf(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "object" && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

function rowsOf<T>(statement: BetterSqlite3.Statement, args: unknown[]): T[] {
  if (!statement.reader) {
    statement.run(args);
    return [];
  }
  const columns = statement.columns();
  const convert = columns.map((column) => converterOf(column.type));
  return (statement.raw(true).all(args) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const value = values[i];
      row[(columns[i] as BetterSqlite3.ColumnDefinition).name] = value === null ? null : (convert[i] as Convert)(value);
    }
    return row as T;
  });
}

type Convert = (value: unknown) => unknown;
const asIs: Convert = (value) => value;

/** From the column's declared type, as the migrations declare them (DATETIME, BOOLEAN, JSONB). */
function converterOf(declared: string | null): Convert {
  switch (declared?.toUpperCase()) {
    case "DATETIME":
      return (value) => new Date(typeof value === "bigint" ? Number(value) : (value as string | number));
    case "BOOLEAN":
      return (value) => value === 1 || value === 1n || value === true;
    case "JSONB":
    case "JSON":
      return (value) => (typeof value === "string" ? JSON.parse(value) : value);
    default:
      return asIs;
  }
}
