// Driver adapters for the Prisma CLI's JS schema engine (prisma.config.ts). Only the migration path uses this
// file: `prisma migrate deploy` (start-up and `npm run db:migrate`) and `prisma migrate diff` (`npm run db:diff`).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { DatabaseTarget } from "./target.js";

export function migrationAdapter(target: DatabaseTarget) {
  return target.provider === "postgresql" ? postgresAdapter(target.url) : sqliteAdapter(target.file ?? "");
}

/** Postgres catalog types the adapter cannot map: `"char"` (oid 18) and `name` (oid 19). */
const CATALOG_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function catalogNamesAsText<T>(result: T): T {
  const results = (Array.isArray(result) ? result : [result]) as QueryResultLike[];
  for (const r of results) for (const field of r?.fields ?? []) if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return result;
}

/**
 * Works around prisma/orm#27403: the JS schema engine reads Postgres catalog columns of type `name` (oid 19)
 * and, when it describes a schema for `migrate diff`, `"char"` (oid 18), which @prisma/adapter-pg cannot map
 * ("Column type 'name' could not be deserialized"). Both are text underneath: reporting them as `text`
 * (oid 25) is lossless. Confined to migrations: the app's runtime client never uses this class.
 */
class CatalogNameAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this wrapper forwards them all.
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : catalogNamesAsText(res));
      // biome-ignore lint/suspicious/noExplicitAny: see above
      return (super.query as any)(...args);
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const pending = (super.query as any)(...args);
    return typeof pending?.then === "function" ? pending.then(catalogNamesAsText) : pending;
  }
}

function postgresAdapter(url: string): PrismaPg {
  const pool = (connectionString: string) =>
    new pg.Pool({ connectionString, Client: CatalogNameAsTextClient, max: 2, idleTimeoutMillis: 100, allowExitOnIdle: true });
  const factory = new PrismaPg(pool(url), { disposeExternalPool: true });
  // The adapter's own shadow database is dropped while its pool still holds a connection ("being accessed by
  // other users"); this one closes the pool first.
  factory.connectToShadowDb = async () => {
    const name = `baton_shadow_${randomUUID().replaceAll("-", "")}`;
    await adminQuery(url, `CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    const shadow = await new PrismaPg(pool(shadowUrl.toString()), { disposeExternalPool: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await adminQuery(url, `DROP DATABASE IF EXISTS "${name}"`);
    };
    return shadow;
  };
  return factory;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function sqliteAdapter(file: string): PrismaBetterSQLite3 {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const factory = new PrismaBetterSQLite3({ url: file });
  // `migrate diff --from-migrations` replays each migration on an in-memory shadow database through
  // `executeRaw`, which better-sqlite3 limits to one statement: route whole scripts to `executeScript`.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0 || !query.sql.includes(";")) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    return shadow;
  };
  return factory;
}
