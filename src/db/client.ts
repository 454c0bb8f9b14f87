import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import { serialisedSqlite } from "./sqlite-connection.js";
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

export async function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Promise<Database> {
  const prisma = target.provider === "postgresql" ? await postgresClient(target, options.poolSize ?? 10) : await sqliteClient(target);
  return { prisma, provider: target.provider, close: () => prisma.$disconnect() };
}

async function postgresClient(target: DatabaseTarget, max: number): Promise<Db> {
  // The PostgreSQL client is generated from the same schema; only its provider differs.
  const { PrismaClient } = await import("./generated/postgresql/client.js");
  const adapter = new PrismaPg({ connectionString: target.url, max, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter }) as unknown as Db;
}

async function sqliteClient(target: DatabaseTarget): Promise<Db> {
  const file = target.file ?? "";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // 10 s: how long a writer waits for another process's lock (SQLITE_BUSY) before failing.
  const prisma = new SqliteClient({ adapter: serialisedSqlite(file, 10_000) });
  // WAL lets readers run beside the writer; foreign keys are off by default in SQLite.
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  return prisma;
}
