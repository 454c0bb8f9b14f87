// SQLite's side of direct.ts: statements on better-sqlite3's one connection (the one Prisma's adapter uses,
// sqlite-connection.ts), prepared once. A statement made with a transaction client runs inside that transaction:
// while it is open it holds the connection's turn, and this process runs nothing else on it. Any other takes its
// turn, as every statement outside a transaction does. Should the driver throw (a lock, a constraint), the
// statement, which did nothing, is made again through Prisma, so the error the caller sees is Prisma's, as before.
import type BetterSqlite3 from "better-sqlite3";
import type { Prisma } from "./generated/sqlite/client.js";
import type { SqliteHandle } from "./sqlite-connection.js";

export type { SqliteHandle };

/** Statements kept prepared per connection: the hot path's handful, with room to spare. */
const KEPT_STATEMENTS = 64;

const preparedBy = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

type Done<T> = { value: T } | undefined;

/** The query's rows; undefined when it is to go through Prisma (not connected yet, or the driver threw). */
export function sqliteRows(handle: SqliteHandle, inTransaction: boolean, query: Prisma.Sql): Promise<Done<unknown[]>> {
  return onConnection(handle, inTransaction, (db) => rowsOf(prepared(db, query.sql), query.values.map(argOf)));
}

/** The rows the statement changed; undefined as for sqliteRows. */
export function sqliteChanges(handle: SqliteHandle, inTransaction: boolean, query: Prisma.Sql): Promise<Done<number>> {
  return onConnection(handle, inTransaction, (db) => prepared(db, query.sql).run(query.values.map(argOf)).changes);
}

/** Several statements in one savepoint: undefined when not connected, or when the driver threw and all was undone. */
export function sqliteOperation<T>(
  handle: SqliteHandle,
  inTransaction: boolean,
  work: (query: <R>(query: Prisma.Sql) => R[]) => T,
): Promise<Done<T>> {
  return onConnection(handle, inTransaction, (db) => {
    const query = <R>(q: Prisma.Sql) => rowsOf(prepared(db, q.sql), q.values.map(argOf)) as R[];
    prepared(db, "SAVEPOINT baton_direct").run();
    try {
      const value = work(query);
      prepared(db, "RELEASE baton_direct").run();
      return value;
    } catch (error) {
      prepared(db, "ROLLBACK TO baton_direct").run();
      prepared(db, "RELEASE baton_direct").run();
      throw error;
    }
  });
}

async function onConnection<T>(handle: SqliteHandle, inTransaction: boolean, work: (db: BetterSqlite3.Database) => T): Promise<Done<T>> {
  const connection = handle.connection;
  if (!connection) return undefined;
  const once = (): Done<T> => {
    try {
      return { value: work(connection.db) };
    } catch {
      return undefined;
    }
  };
  return inTransaction ? once() : await connection.turn.run(async () => once());
}

function prepared(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = preparedBy.get(db);
  if (!statements) {
    statements = new Map();
    preparedBy.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement) {
    // Most recently used last: the first is the one to drop.
    statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    // Int columns as numbers, as Prisma returns them from a raw statement (the adapter's connection reads BigInts).
    if (statement.reader) statement.safeIntegers(false);
    if (statements.size >= KEPT_STATEMENTS) {
      const oldest = statements.keys().next().value;
      if (oldest !== undefined) statements.delete(oldest);
    }
  }
  statements.set(sql, statement);
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

/** Each reading statement's columns and their converters, read once (`columns()` costs about 1.5 µs a column). */
const shapes = new WeakMap<BetterSqlite3.Statement, { names: string[]; convert: Convert[] }>();

function rowsOf(statement: BetterSqlite3.Statement, args: unknown[]): unknown[] {
  if (!statement.reader) {
    statement.run(args);
    return [];
  }
  let shape = shapes.get(statement);
  if (!shape) {
    const columns = statement.columns();
    shape = { names: columns.map((column) => column.name), convert: columns.map((column) => converterOf(column.type)) };
    shapes.set(statement, shape);
  }
  const { names, convert } = shape;
  return (statement.raw(true).all(args) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = values[i];
      row[names[i] as string] = value === null ? null : (convert[i] as Convert)(value);
    }
    return row;
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
