import type { Db } from "./client.js";
import { executeRaw } from "./direct.js";
import { Prisma } from "./generated/sqlite/client.js";

/**
 * Claims a "do this once" key. True for the first caller only, across processes (the primary key decides). A raw
 * statement, the same on SQLite and PostgreSQL: every click claims one, and a raw call skips Prisma's query compiler.
 */
export async function claimOnceMarker(db: Db, key: string, teamId: string | null, at: Date): Promise<boolean> {
  const inserted = await executeRaw(
    db,
    Prisma.sql`INSERT INTO "OnceMarker" ("key", "teamId", "createdAt") VALUES (${key}, ${teamId}, ${at}) ON CONFLICT ("key") DO NOTHING`,
  );
  return inserted === 1;
}

export async function releaseOnceMarker(db: Db, key: string): Promise<void> {
  await db.onceMarker.deleteMany({ where: { key } });
}

/** Takes a marker away if it was set at or after `since`: true for exactly one taker. */
export async function takeOnceMarker(db: Db, key: string, since: Date): Promise<boolean> {
  const { count } = await db.onceMarker.deleteMany({ where: { key, createdAt: { gte: since } } });
  return count === 1;
}

/** Sets (or renews) a marker, e.g. a pending request that a later event fulfils. Plain statements, no upsert (see workspaces.ts). */
export async function setOnceMarker(db: Db, key: string, teamId: string | null, at: Date): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await db.onceMarker.updateMany({ where: { key }, data: { createdAt: at } })).count === 1) return;
    if (await claimOnceMarker(db, key, teamId, at)) return;
  }
}

export async function pruneOnceMarkers(db: Db, keyPrefix: string, before: Date): Promise<number> {
  const { count } = await db.onceMarker.deleteMany({ where: { key: { startsWith: keyPrefix }, createdAt: { lt: before } } });
  return count;
}

export async function hasOnceMarkerSince(db: Db, key: string, since: Date): Promise<boolean> {
  return (await db.onceMarker.count({ where: { key, createdAt: { gte: since } } })) > 0;
}

/** When the latest marker whose key starts with `prefix` was set, in this workspace; null if none is kept. */
export async function latestOnceMarkerAt(db: Db, teamId: string, prefix: string): Promise<Date | null> {
  const latest = await db.onceMarker.findFirst({
    where: { teamId, key: { startsWith: prefix } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return latest?.createdAt ?? null;
}
