// PostgreSQL's side of direct.ts: statements on the `pg` pool that Prisma's adapter uses, or, made with a
// transaction's client, on that transaction's own connection. Prisma does not say which connection a transaction
// holds: the adapter is wrapped to see each transaction's connection as it starts, and Prisma's engine to learn the
// id it gives that transaction (both started in one async context, told apart by AsyncLocalStorage).
//
// Inside a transaction a statement that failed has aborted it, so it cannot be made again through Prisma: its
// error is passed on shaped as Prisma's for a raw statement (P2010, the driver's code as the cause), for the checks
// in src/lib/errors.ts. Outside one it is made again through Prisma, as on SQLite.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaPg } from "@prisma/adapter-pg";
import pg, { type Pool, type PoolClient, type QueryResult } from "pg";
import type { Prisma } from "./generated/sqlite/client.js";

export interface PostgresHandle {
  pool?: Pool;
  /** The connection each open transaction holds, by Prisma's transaction id. */
  transactions: Map<string, PoolClient>;
}

export const postgresHandle = (): PostgresHandle => ({ transactions: new Map() });

interface Opening {
  client?: PoolClient;
  id?: string;
  closed?: boolean;
}

const opening = new AsyncLocalStorage<Opening>();

/** Prisma's PostgreSQL adapter, its pool and each transaction's connection told to `handle`. */
export function trackedPostgres(factory: PrismaPg, handle: PostgresHandle): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const pool = adapter.underlyingDriver() as Pool | undefined;
    if (pool && typeof pool.query === "function") handle.pool = pool;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      // Prisma 6.19's PgTransaction keeps its pool connection as `client`; without it, nothing runs directly.
      const client = (tx as unknown as { client?: PoolClient }).client;
      const started = opening.getStore();
      if (!started || !client || typeof client.query !== "function") return tx;
      started.client = client;
      // Forgotten before the connection goes back to the pool (commit and rollback release it).
      const forget = () => {
        started.closed = true;
        if (started.id) handle.transactions.delete(started.id);
      };
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      tx.commit = () => {
        forget();
        return commit();
      };
      tx.rollback = () => {
        forget();
        return rollback();
      };
      return tx;
    };
    return adapter;
  };
  return factory;
}

type Transaction = (action: string, headers: unknown, info: unknown) => Promise<{ id?: string } | undefined>;

/** Learns the id Prisma's engine gives each transaction the adapter started (see trackedPostgres). */
export function trackTransactionIds(prisma: object, handle: PostgresHandle): void {
  const engine = (prisma as { _engine?: { transaction?: Transaction } })._engine;
  if (!engine?.transaction) return;
  const transaction = engine.transaction.bind(engine);
  engine.transaction = async (action, headers, info) => {
    if (action !== "start") return transaction(action, headers, info);
    const started: Opening = {};
    const result = await opening.run(started, () => transaction(action, headers, info));
    if (result?.id && started.client && !started.closed) {
      started.id = result.id;
      handle.transactions.set(result.id, started.client);
    }
    return result;
  };
}

/** The pool, or the transaction's connection; undefined when it is not known (then through Prisma). */
export function postgresConnectionOf(handle: PostgresHandle, transactionId: string | undefined): Pool | PoolClient | undefined {
  return transactionId === undefined ? handle.pool : handle.transactions.get(transactionId);
}

/** The statement's rows and changes; undefined outside a transaction when the driver threw (then through Prisma). */
export async function postgresRows(
  connection: Pool | PoolClient,
  query: Prisma.Sql,
  inTransaction: boolean,
): Promise<{ rows: unknown[]; changes: number } | undefined> {
  let result: QueryResult;
  try {
    result = await connection.query({ text: query.text, values: query.values.map(argOf), types: TYPES });
  } catch (error) {
    if (!inTransaction) return undefined;
    throw asPrismaError(error);
  }
  return { rows: result.rows, changes: result.rowCount ?? 0 };
}

/**
 * A value bound as Prisma's adapter binds it: Dates as UTC text (Baton's columns are `timestamp(3)`, which ignore
 * the zone: `pg` would send local time), JSON values as text (`pg` would make an array a PostgreSQL array).
 */
function argOf(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object" && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;

/** Columns read as Prisma reads a raw row: a `timestamp` as UTC (not local time), `bigint` as a BigInt. */
const TYPES = {
  getTypeParser(oid: number) {
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === TIMESTAMPTZ) return (text: string) => new Date(text);
    if (oid === INT8) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid);
  },
};

/** The driver's error as Prisma throws a raw statement's (P2010), near enough for the checks that read it. */
function asPrismaError(error: unknown): Error {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : String(error);
  return Object.assign(
    new Error(`Raw query failed. Code: \`${String(code)}\`. Message: \`${text}\``, { cause: { kind: "postgres", code } }),
    {
      code: "P2010",
      meta: { code, message: text },
    },
  );
}
