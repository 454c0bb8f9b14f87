// Funnel figures computed by the database: grouped counts over indexed columns, never every lead in memory.
// LeadEvent (teamId, type, toStage, at) serves every stage count; Handoff (teamId, decidedAt) and
// (teamId, breachedAt) serve the SLA figures. Raw SQL is portable unless marked per provider.
import type { Db } from "./client.js";
import { Prisma } from "./generated/sqlite/client.js";
import type { Provider } from "./target.js";

export interface Bucket {
  from: Date;
  to: Date;
}

/** Each funnel stage and the LeadEvent rows that say a lead reached it. */
export const STAGE_EVENTS = [
  { stage: "created", type: "created", toStage: "new" },
  { stage: "mql", type: "stage_changed", toStage: "mql" },
  { stage: "sql", type: "stage_changed", toStage: "sql" },
  { stage: "opportunity", type: "stage_changed", toStage: "opportunity" },
  { stage: "won", type: "stage_changed", toStage: "won" },
  { stage: "lost", type: "stage_changed", toStage: "lost" },
  { stage: "nurture", type: "stage_changed", toStage: "nurture" },
] as const;
export type FunnelStage = (typeof STAGE_EVENTS)[number]["stage"];

export interface StageRow {
  bucket: number;
  stage: FunnelStage;
  /** The campaign id or fit grade when grouped by one, else null. */
  group: string | null;
  leads: number;
  /** Won only: deal value in `currency`, and the part of it from leads attributed to a campaign. */
  valueCents: number;
  campaignValueCents: number;
  currency: string | null;
}

export interface FunnelFilter {
  teamId: string;
  campaignId?: string;
}

const raw = (sql: string) => Prisma.raw(sql);
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

function bucketCase(column: string, buckets: Bucket[]): Prisma.Sql {
  const whens = buckets.map((b, i) => Prisma.sql`WHEN ${raw(column)} >= ${b.from} AND ${raw(column)} < ${b.to} THEN ${raw(String(i))}`);
  return Prisma.sql`CASE ${Prisma.join(whens, " ")} END`;
}

function span(buckets: Bucket[]): Bucket {
  return {
    from: new Date(Math.min(...buckets.map((b) => b.from.getTime()))),
    to: new Date(Math.max(...buckets.map((b) => b.to.getTime()))),
  };
}

/**
 * Leads that reached each stage in each bucket (the cohort rule: a lead counts in the period of the event that
 * moved it), optionally per campaign or fit grade. One indexed range per stage, joined with UNION ALL.
 */
export async function stageCounts(
  db: Db,
  filter: FunnelFilter & { buckets: Bucket[]; groupBy?: "campaignId" | "fitGrade" },
): Promise<StageRow[]> {
  if (filter.buckets.length === 0) return [];
  const { from, to } = span(filter.buckets);
  const bucket = bucketCase('"at"', filter.buckets);
  const group = filter.groupBy ? raw(`"${filter.groupBy}"`) : raw("CAST(NULL AS TEXT)");
  const campaign = filter.campaignId ? Prisma.sql`AND "campaignId" = ${filter.campaignId}` : Prisma.empty;
  const parts = STAGE_EVENTS.map(({ stage, type, toStage }) => {
    const won = stage === "won";
    const currency = won ? raw('"currency"') : raw("CAST(NULL AS TEXT)");
    const value = won ? raw('SUM(COALESCE("valueCents", 0))') : raw("0");
    const fromCampaign = won ? raw('SUM(CASE WHEN "campaignId" IS NOT NULL THEN COALESCE("valueCents", 0) ELSE 0 END)') : raw("0");
    return Prisma.sql`SELECT ${bucket} AS bucket, ${raw(`'${stage}'`)} AS stage, ${group} AS grp, ${currency} AS currency,
        COUNT(DISTINCT "leadId") AS leads, ${value} AS value_cents, ${fromCampaign} AS campaign_value_cents
      FROM "LeadEvent"
      WHERE "teamId" = ${filter.teamId} AND "type" = ${type} AND "toStage" = ${toStage} AND "at" >= ${from} AND "at" < ${to} ${campaign}
      GROUP BY 1, 3, 4`;
  });
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`${Prisma.join(parts, " UNION ALL ")}`);
  return rows
    .filter((row) => row.bucket !== null && row.bucket !== undefined)
    .map((row) => ({
      bucket: num(row.bucket),
      stage: row.stage as FunnelStage,
      group: (row.grp as string | null) ?? null,
      leads: num(row.leads),
      valueCents: num(row.value_cents),
      campaignValueCents: num(row.campaign_value_cents),
      currency: (row.currency as string | null) ?? null,
    }));
}

export interface HandoffOutcomeRow {
  bucket: number;
  accepted: number;
  rejected: number;
  /** Decided by the deadline (decidedAt <= slaDueAt; without a deadline: never marked breached). */
  withinSla: number;
}

function handoffScope(filter: FunnelFilter & { deciderId?: string; assigneeId?: string }): { join: Prisma.Sql; where: Prisma.Sql } {
  const join = filter.campaignId ? Prisma.sql`JOIN "Lead" l ON l."id" = h."leadId" AND l."teamId" = h."teamId"` : Prisma.empty;
  const conditions: Prisma.Sql[] = [Prisma.sql`h."teamId" = ${filter.teamId}`];
  if (filter.campaignId) conditions.push(Prisma.sql`l."campaignId" = ${filter.campaignId}`);
  if (filter.deciderId) conditions.push(Prisma.sql`h."decidedById" = ${filter.deciderId}`);
  if (filter.assigneeId) conditions.push(Prisma.sql`h."assigneeId" = ${filter.assigneeId}`);
  return { join, where: Prisma.join(conditions, " AND ") };
}

/** Accepted and rejected handoffs by the bucket they were decided in. */
export async function handoffOutcomes(
  db: Db,
  filter: FunnelFilter & { buckets: Bucket[]; deciderId?: string },
): Promise<HandoffOutcomeRow[]> {
  if (filter.buckets.length === 0) return [];
  const { from, to } = span(filter.buckets);
  const { join, where } = handoffScope(filter);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT ${bucketCase('h."decidedAt"', filter.buckets)} AS bucket,
      SUM(CASE WHEN h."status" = 'accepted' THEN 1 ELSE 0 END) AS accepted,
      SUM(CASE WHEN h."status" = 'rejected' THEN 1 ELSE 0 END) AS rejected,
      SUM(CASE WHEN (h."slaDueAt" IS NOT NULL AND h."decidedAt" <= h."slaDueAt") OR (h."slaDueAt" IS NULL AND h."breachedAt" IS NULL)
        THEN 1 ELSE 0 END) AS within_sla
    FROM "Handoff" h ${join}
    WHERE ${where} AND h."status" IN ('accepted', 'rejected') AND h."decidedAt" >= ${from} AND h."decidedAt" < ${to}
    GROUP BY 1`);
  return rows
    .filter((row) => row.bucket !== null && row.bucket !== undefined)
    .map((row) => ({ bucket: num(row.bucket), accepted: num(row.accepted), rejected: num(row.rejected), withinSla: num(row.within_sla) }));
}

/** Handoffs whose response deadline passed (breachedAt) in each bucket. */
export async function breachCounts(
  db: Db,
  filter: FunnelFilter & { buckets: Bucket[]; assigneeId?: string },
): Promise<Map<number, number>> {
  if (filter.buckets.length === 0) return new Map();
  const { from, to } = span(filter.buckets);
  const { join, where } = handoffScope(filter);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT ${bucketCase('h."breachedAt"', filter.buckets)} AS bucket, COUNT(*) AS breaches
    FROM "Handoff" h ${join}
    WHERE ${where} AND h."breachedAt" >= ${from} AND h."breachedAt" < ${to}
    GROUP BY 1`);
  return new Map(rows.filter((r) => r.bucket !== null && r.bucket !== undefined).map((r) => [num(r.bucket), num(r.breaches)]));
}

export interface Percentiles {
  /** How many accepted handoffs were measured. */
  count: number;
  /** Milliseconds, null when nothing was measured. */
  p50: number | null;
  p90: number | null;
}

/**
 * Median and 90th percentile over every accepted handoff decided in the period, computed by the database
 * (linear interpolation between neighbours, like PostgreSQL's percentile_cont). `speed`: handedOffAt ->
 * decidedAt; `margin`: slaDueAt -> decidedAt (negative: answered before the deadline).
 */
export async function acceptedHandoffPercentiles(
  db: Db,
  provider: Provider,
  filter: FunnelFilter & { from: Date; to: Date; measure: "speed" | "margin"; deciderId?: string },
): Promise<Percentiles> {
  const { join, where } = handoffScope(filter);
  const since = filter.measure === "speed" ? 'h."handedOffAt"' : 'h."slaDueAt"';
  const scope = Prisma.sql`FROM "Handoff" h ${join}
    WHERE ${where} AND h."status" = 'accepted' AND h."decidedAt" >= ${filter.from} AND h."decidedAt" < ${filter.to}
      AND ${raw(since)} IS NOT NULL`;
  if (provider === "postgresql") {
    const seconds = raw(`EXTRACT(EPOCH FROM (h."decidedAt" - ${since}))`);
    const [row] = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      SELECT COUNT(*) AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) AS p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}) AS p90
      ${scope}`);
    const count = num(row?.n);
    return count === 0 ? { count, p50: null, p90: null } : { count, p50: toMs(row?.p50), p90: toMs(row?.p90) };
  }
  // SQLite has no percentile function: count, then read the one or two neighbouring values for each rank.
  const seconds = raw(`((julianday(h."decidedAt") - julianday(${since})) * 86400.0)`);
  const [counted] = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`SELECT COUNT(*) AS n ${scope}`);
  const count = num(counted?.n);
  if (count === 0) return { count, p50: null, p90: null };
  const at = async (p: number) => {
    const rank = p * (count - 1);
    const lower = Math.floor(rank);
    const values = await db.$queryRaw<Record<string, unknown>[]>(
      Prisma.sql`SELECT ${seconds} AS s ${scope} ORDER BY 1 LIMIT 2 OFFSET ${lower}`,
    );
    const a = num(values[0]?.s);
    const b = values[1] === undefined ? a : num(values[1].s);
    return toMs(a + (b - a) * (rank - lower));
  };
  return { count, p50: await at(0.5), p90: await at(0.9) };
}

/** Whole seconds in milliseconds: the stores keep milliseconds, but SQLite's julianday arithmetic is not exact. */
function toMs(seconds: unknown): number {
  return Math.round(num(seconds)) * 1000;
}

/** Why sales rejected handoffs in the period, most common first. */
export async function rejectionReasons(
  db: Db,
  filter: FunnelFilter & { from: Date; to: Date },
): Promise<{ reason: string; count: number }[]> {
  const { join, where } = handoffScope(filter);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT COALESCE(h."rejectReason", 'other') AS reason, COUNT(*) AS n
    FROM "Handoff" h ${join}
    WHERE ${where} AND h."status" = 'rejected' AND h."decidedAt" >= ${filter.from} AND h."decidedAt" < ${filter.to}
    GROUP BY 1 ORDER BY 2 DESC, 1`);
  return rows.map((row) => ({ reason: String(row.reason), count: num(row.n) }));
}

export interface WaitingHandoffs {
  waiting: number;
  overdue: number;
  oldestSince: Date | null;
}

/** Handoffs still waiting for sales right now (optionally one rep's), and how many are past their deadline. */
export async function waitingHandoffs(db: Db, filter: FunnelFilter & { now: Date; assigneeId?: string }): Promise<WaitingHandoffs> {
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

/** Leads in each stage right now (optionally one owner's). */
export async function leadsByStage(db: Db, filter: { teamId: string; ownerId?: string; stages?: string[] }): Promise<Map<string, number>> {
  const rows = await db.lead.groupBy({
    by: ["stage"],
    where: {
      teamId: filter.teamId,
      ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
      ...(filter.stages ? { stage: { in: filter.stages } } : {}),
    },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.stage, row._count._all]));
}
