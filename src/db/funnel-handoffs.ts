// Handoff figures for many windows in one statement each: decisions, breaches and rejection reasons in one,
// speed-to-lead percentiles in another. The covering index Handoff (teamId, status, decidedAt, handedOffAt,
// slaDueAt, breachedAt, rejectReason) answers decisions and percentiles without reading the table; breaches use
// (teamId, breachedAt).
import type { Db } from "./client.js";
import { type Bucket, type FunnelFilter, num, raw } from "./funnel.js";
import { Prisma } from "./generated/sqlite/client.js";
import type { Provider } from "./target.js";

export interface HandoffScope extends FunnelFilter {
  /** Decisions (and their speed) by one rep. */
  deciderId?: string;
  /** Breaches of handoffs assigned to one rep. */
  assigneeId?: string;
}

export interface HandoffOutcomeRow {
  bucket: number;
  accepted: number;
  rejected: number;
  /** Decided by the deadline (decidedAt <= slaDueAt; without a deadline: never marked breached). */
  withinSla: number;
}

export interface HandoffRequest {
  /** Accepted and rejected handoffs by the window they were decided in. */
  outcomes?: Bucket[];
  /** Handoffs whose response deadline passed (breachedAt) in each window. */
  breaches?: Bucket[];
  /** Why sales rejected handoffs in this window. */
  rejections?: Bucket;
}

export interface HandoffCounts {
  /** `bucket`: the index in `request.outcomes`; windows without decisions have no row. */
  outcomes: HandoffOutcomeRow[];
  /** Index in `request.breaches` -> breaches. */
  breaches: Map<number, number>;
  /** Most common first. */
  rejections: { reason: string; count: number }[];
}

export function handoffScope(filter: HandoffScope): { join: Prisma.Sql; where: Prisma.Sql } {
  const join = filter.campaignId ? Prisma.sql`JOIN "Lead" l ON l."id" = h."leadId" AND l."teamId" = h."teamId"` : Prisma.empty;
  const conditions: Prisma.Sql[] = [Prisma.sql`h."teamId" = ${filter.teamId}`];
  if (filter.campaignId) conditions.push(Prisma.sql`l."campaignId" = ${filter.campaignId}`);
  if (filter.deciderId) conditions.push(Prisma.sql`h."decidedById" = ${filter.deciderId}`);
  if (filter.assigneeId) conditions.push(Prisma.sql`h."assigneeId" = ${filter.assigneeId}`);
  return { join, where: Prisma.join(conditions, " AND ") };
}

export async function handoffCounts(db: Db, scope: HandoffScope, request: HandoffRequest): Promise<HandoffCounts> {
  const { join, where } = handoffScope(scope);
  const from = Prisma.sql`FROM "Handoff" h ${join} WHERE ${where}`;
  const parts: Prisma.Sql[] = [];
  (request.outcomes ?? []).forEach((w, i) => {
    parts.push(Prisma.sql`SELECT 'outcome' AS kind, ${raw(String(i))} AS bucket, CAST(NULL AS TEXT) AS reason,
        SUM(CASE WHEN h."status" = 'accepted' THEN 1 ELSE 0 END) AS a,
        SUM(CASE WHEN h."status" = 'rejected' THEN 1 ELSE 0 END) AS b,
        SUM(CASE WHEN (h."slaDueAt" IS NOT NULL AND h."decidedAt" <= h."slaDueAt") OR (h."slaDueAt" IS NULL AND h."breachedAt" IS NULL)
          THEN 1 ELSE 0 END) AS c
      ${from} AND h."status" IN ('accepted', 'rejected') AND h."decidedAt" >= ${w.from} AND h."decidedAt" < ${w.to}`);
  });
  (request.breaches ?? []).forEach((w, i) => {
    parts.push(Prisma.sql`SELECT 'breach' AS kind, ${raw(String(i))} AS bucket, CAST(NULL AS TEXT) AS reason, COUNT(*) AS a, 0 AS b, 0 AS c
      ${from} AND h."breachedAt" >= ${w.from} AND h."breachedAt" < ${w.to}`);
  });
  const r = request.rejections;
  if (r) {
    parts.push(Prisma.sql`SELECT 'rejection' AS kind, 0 AS bucket, COALESCE(h."rejectReason", 'other') AS reason, COUNT(*) AS a, 0 AS b, 0 AS c
      ${from} AND h."status" = 'rejected' AND h."decidedAt" >= ${r.from} AND h."decidedAt" < ${r.to}
      GROUP BY COALESCE(h."rejectReason", 'other')`);
  }
  const result: HandoffCounts = { outcomes: [], breaches: new Map(), rejections: [] };
  if (parts.length === 0) return result;
  // Sorted by the database, so rejection reasons tie-break in its collation as they always did.
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`${Prisma.join(parts, " UNION ALL ")} ORDER BY 1, 4 DESC, 3`);
  for (const row of rows) {
    const bucket = num(row.bucket);
    if (row.kind === "outcome" && num(row.a) + num(row.b) > 0) {
      result.outcomes.push({ bucket, accepted: num(row.a), rejected: num(row.b), withinSla: num(row.c) });
    } else if (row.kind === "breach" && num(row.a) > 0) {
      result.breaches.set(bucket, num(row.a));
    } else if (row.kind === "rejection") {
      result.rejections.push({ reason: String(row.reason), count: num(row.a) });
    }
  }
  return result;
}

export interface Percentiles {
  /** How many accepted handoffs were measured. */
  count: number;
  /** Milliseconds, null when nothing was measured (nearest rank: see handoffPercentiles). */
  p50: number | null;
  p90: number | null;
}

/** `speed`: handedOffAt -> decidedAt; `margin`: slaDueAt -> decidedAt (negative: answered before the deadline). */
export interface PercentileSeries {
  window: Bucket;
  measure: "speed" | "margin";
  /** False: the median alone (p90 comes back null). */
  p90?: boolean;
}

const NOTHING: Percentiles = { count: 0, p50: null, p90: null };

/**
 * Median and 90th percentile over the accepted handoffs decided in each window, one result per series, in one
 * statement, by nearest rank so that they read literally: over the n values sorted, the p-th percentile is the
 * value at 1-based rank ceil(p * n), the smallest value that at least p of the handoffs took or less ("90%
 * within X" is then true). Ranks are integer arithmetic (ceil(n / 2) = (n + 1) / 2, ceil(9n / 10) =
 * (9n + 9) / 10), never a float to round, and the same window functions on both databases: one sort per series.
 */
export async function handoffPercentiles(
  db: Db,
  provider: Provider,
  scope: HandoffScope,
  series: PercentileSeries[],
): Promise<Percentiles[]> {
  if (series.length === 0) return [];
  const { join, where } = handoffScope(scope);
  const parts = series.map((s, i) => {
    const since = s.measure === "speed" ? 'h."handedOffAt"' : 'h."slaDueAt"';
    const seconds = raw(
      provider === "postgresql"
        ? `EXTRACT(EPOCH FROM (h."decidedAt" - ${since}))`
        : `((julianday(h."decidedAt") - julianday(${since})) * 86400.0)`,
    );
    const p90 = s.p90 === false ? raw("NULL") : raw("MAX(CASE WHEN rn = (9 * total + 9) / 10 THEN s END)");
    return Prisma.sql`SELECT ${raw(String(i))} AS series, COUNT(*) AS n, MAX(CASE WHEN rn = (total + 1) / 2 THEN s END) AS p50, ${p90} AS p90
      FROM (SELECT s, ROW_NUMBER() OVER (ORDER BY s) AS rn, COUNT(*) OVER () AS total
        FROM (SELECT ${seconds} AS s FROM "Handoff" h ${join}
          WHERE ${where} AND h."status" = 'accepted' AND h."decidedAt" >= ${s.window.from} AND h."decidedAt" < ${s.window.to}
            AND ${raw(since)} IS NOT NULL) x) ranked`;
  });
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.join(parts, " UNION ALL "));
  const bySeries = new Map(rows.map((row) => [num(row.series), row]));
  return series.map((_, i) => {
    const row = bySeries.get(i);
    const count = num(row?.n);
    if (count === 0) return NOTHING;
    return { count, p50: toMs(row?.p50), p90: row?.p90 === null || row?.p90 === undefined ? null : toMs(row.p90) };
  });
}

/** Whole seconds in milliseconds: the stores keep milliseconds, but SQLite's julianday arithmetic is not exact. */
function toMs(seconds: unknown): number {
  return Math.round(num(seconds)) * 1000;
}

export interface AnsweredHandoff {
  handedOffAt: Date;
  decidedAt: Date;
  slaDueAt: Date | null;
}

/**
 * The times of the handoffs accepted in a window, for what the database cannot compute: time in working hours.
 * Only three timestamps per handoff of one period, read from the covering index.
 */
export async function acceptedHandoffTimes(db: Db, scope: HandoffScope, window: Bucket): Promise<AnsweredHandoff[]> {
  const { join, where } = handoffScope(scope);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT h."handedOffAt" AS handed, h."decidedAt" AS decided, h."slaDueAt" AS due
    FROM "Handoff" h ${join}
    WHERE ${where} AND h."status" = 'accepted' AND h."decidedAt" >= ${window.from} AND h."decidedAt" < ${window.to}`);
  const date = (value: unknown) => new Date(value as string | Date);
  return rows.map((row) => ({
    handedOffAt: date(row.handed),
    decidedAt: date(row.decided),
    slaDueAt: row.due === null || row.due === undefined ? null : date(row.due),
  }));
}

export interface WaitingHandoffs {
  waiting: number;
  overdue: number;
  oldestSince: Date | null;
}

/** Handoffs still waiting for sales right now (optionally one rep's), and how many are past their deadline. */
export async function waitingHandoffs(db: Db, filter: HandoffScope & { now: Date }): Promise<WaitingHandoffs> {
  const { join, where } = handoffScope(filter);
  const [row] = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT COUNT(*) AS waiting,
      SUM(CASE WHEN h."slaDueAt" < ${filter.now} THEN 1 ELSE 0 END) AS overdue,
      MIN(h."handedOffAt") AS oldest
    FROM "Handoff" h ${join}
    WHERE ${where} AND h."status" = 'pending'`);
  const oldest = row?.oldest;
  return {
    waiting: num(row?.waiting),
    overdue: num(row?.overdue),
    oldestSince: oldest === null || oldest === undefined ? null : new Date(oldest as string | Date),
  };
}
