import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { countingCalls, type DbCallCounter } from "./call-counter.js";
import { countDirectCalls, runDirectly } from "./direct.js";
import { postgresHandle, trackedPostgres, trackTransactionIds } from "./direct-pg.js";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import { type Checkpointer, FALLBACK_CHECKPOINT_PAGES, startCheckpointer } from "./sqlite-checkpoints.js";
import { type SqliteHandle, serialisedSqlite } from "./sqlite-connection.js";
import type { DatabaseTarget, Provider } from "./target.js";

/**
 * The app-wide client type. Both generated clients come from one schema, so they share this shape; the SQLite
 * type is the stricter one (no Postgres-only filters), which keeps every query portable.
 */
export type Db = SqliteClient;

/** The transaction client handed to a use case's `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface Database {
  prisma: Db;
  provider: Provider;
  close(): Promise<void>;
}

export interface OpenOptions {
  poolSize?: number;
  /**
   * How long one operation may wait for a lock, a connection or an answer before it fails (and the person is told
   * to try again) instead of hanging: SQLite's busy timeout; PostgreSQL's connection, lock and statement timeouts.
   */
  timeoutMs?: number;
  /** Tests and the bench: count every Prisma operation made through this database. */
  countCalls?: DbCallCounter;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { prisma, checkpointer } =
    target.provider === "postgresql"
      ? { prisma: await postgresClient(target, options.poolSize ?? 10, timeoutMs), checkpointer: undefined }
      : await sqliteClient(target, timeoutMs);
  const close = async () => {
    await prisma.$disconnect();
    await checkpointer?.stop();
  };
  if (options.countCalls) {
    countDirectCalls(prisma, options.countCalls);
    return { prisma: countingCalls(prisma, options.countCalls), provider: target.provider, close };
  }
  return { prisma, provider: target.provider, close };
}

async function postgresClient(target: DatabaseTarget, max: number, timeoutMs: number): Promise<Db> {
  // The PostgreSQL client is generated from the same schema; only its provider differs.
  const { PrismaClient } = await import("./generated/postgresql/client.js");
  const handle = postgresHandle();
  const factory = new PrismaPg({
    connectionString: target.url,
    max,
    // Also how long a statement waits for a free connection: under load, as long as any other wait may.
    connectionTimeoutMillis: timeoutMs,
    lock_timeout: timeoutMs,
    statement_timeout: timeoutMs,
  });
  const prisma = new PrismaClient({ adapter: trackedPostgres(factory, handle), transactionOptions: transactionOptions(timeoutMs) });
  // The hot path's raw statements run on the pool, or the transaction's connection, directly (direct.ts).
  trackTransactionIds(prisma, handle);
  runDirectly(prisma, { provider: "postgresql", handle });
  return prisma as unknown as Db;
}

/**
 * A transaction waits for a connection (or, on SQLite, its turn) as long as any other operation may, rather than
 * Prisma's default 2 s: in a burst of clicks the work has been acked already, and finishing late beats failing.
 */
const transactionOptions = (timeoutMs: number) => ({ maxWait: timeoutMs, timeout: timeoutMs });

/**
 * better-sqlite3 is synchronous: while a writer waits for another process's lock, the whole event loop waits too,
 * and no request can be acked. The wait is therefore capped well below Slack's 3 seconds; past it the operation
 * fails and the person is told to try again.
 */
export const SQLITE_MAX_BUSY_MS = 2_000;

async function sqliteClient(target: DatabaseTarget, timeoutMs: number): Promise<{ prisma: Db; checkpointer: Checkpointer | undefined }> {
  const file = target.file ?? "";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // How long a writer waits for another process's lock (SQLITE_BUSY) before failing.
  const handle: SqliteHandle = {};
  const prisma = new SqliteClient({
    adapter: serialisedSqlite(file, Math.min(timeoutMs, SQLITE_MAX_BUSY_MS), handle),
    transactionOptions: transactionOptions(timeoutMs),
  });
  // The hot path's raw statements run on the connection directly once it is open (direct.ts).
  runDirectly(prisma, { provider: "sqlite", handle });
  // WAL lets readers run beside the writer; foreign keys are off by default in SQLite.
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  // Checkpoints off the event loop (sqlite-checkpoints.ts); the connection's own only as a fallback.
  const checkpointer = await startCheckpointer(file);
  if (checkpointer) {
    await prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
    // A log grown under sustained writes is cut back to SQLite's usual size when it starts over.
    await prisma.$queryRawUnsafe(`PRAGMA journal_size_limit = ${4 * 1024 * 1024}`);
  }
  return { prisma, checkpointer };
}
