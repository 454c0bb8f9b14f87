// Aggregate queries behind campaign results: counted and summed by the database, one row per campaign (or per
// campaign and currency / decision), never loading leads. Plain SQL that reads the same on SQLite and PostgreSQL.
import type { Db } from "./client.js";
import { Prisma } from "./generated/sqlite/client.js";

export interface Period {
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
}

export interface FunnelCountsRow {
  campaignId: string;
  leads: number;
  mqls: number;
  sqls: number;
}

export interface WonRow {
  campaignId: string;
  currency: string | null;
  deals: number;
  valueCents: number;
}

export interface DecisionRow {
  campaignId: string;
  status: string;
  rejectReason: string | null;
  count: number;
}

const within = (column: string, period: Period): Prisma.Sql =>
  Prisma.sql`${period.from ? Prisma.sql` AND ${Prisma.raw(column)} >= ${period.from}` : Prisma.empty}${
    period.to ? Prisma.sql` AND ${Prisma.raw(column)} < ${period.to}` : Prisma.empty
  }`;

const ofCampaigns = (ids: string[] | undefined): Prisma.Sql =>
  ids ? Prisma.sql` AND l."campaignId" IN (${Prisma.join(ids)})` : Prisma.sql` AND l."campaignId" IS NOT NULL`;

/** The lead reached `stage` (a stage_changed event into it) within the period: the funnel's cohort rule. */
const reached = (stage: string, period: Period): Prisma.Sql => Prisma.sql`EXISTS (
  SELECT 1 FROM "LeadEvent" e
  WHERE e."teamId" = l."teamId" AND e."leadId" = l."id" AND e."type" = 'stage_changed' AND e."toStage" = ${stage}${within('e."at"', period)}
)`;

/** Leads created in the period, and leads that reached MQL and SQL in it, per source campaign. */
export async function funnelCounts(db: Db, teamId: string, ids: string[] | undefined, period: Period): Promise<FunnelCountsRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT l."campaignId" AS "campaignId",
      SUM(CASE WHEN 1 = 1${within('l."createdAt"', period)} THEN 1 ELSE 0 END) AS "leads",
      SUM(CASE WHEN ${reached("mql", period)} THEN 1 ELSE 0 END) AS "mqls",
      SUM(CASE WHEN ${reached("sql", period)} THEN 1 ELSE 0 END) AS "sqls"
    FROM "Lead" l
    WHERE l."teamId" = ${teamId}${ofCampaigns(ids)}
    GROUP BY l."campaignId"`;
  return rows.map((row) => ({
    campaignId: String(row.campaignId),
    leads: Number(row.leads ?? 0),
    mqls: Number(row.mqls ?? 0),
    sqls: Number(row.sqls ?? 0),
  }));
}

/** Leads won in the period and their deal values, per source campaign and deal currency. */
export async function wonDeals(db: Db, teamId: string, ids: string[] | undefined, period: Period): Promise<WonRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT l."campaignId" AS "campaignId", l."dealCurrency" AS "currency", COUNT(*) AS "deals",
      COALESCE(SUM(l."dealValueCents"), 0) AS "valueCents"
    FROM "Lead" l
    WHERE l."teamId" = ${teamId}${ofCampaigns(ids)} AND ${reached("won", period)}
    GROUP BY l."campaignId", l."dealCurrency"`;
  return rows.map((row) => ({
    campaignId: String(row.campaignId),
    currency: row.currency === null ? null : String(row.currency),
    deals: Number(row.deals ?? 0),
    valueCents: Number(row.valueCents ?? 0),
  }));
}

/** Handoffs of the campaigns' leads decided (accepted or rejected) in the period, by outcome and reason. */
export async function handoffDecisions(db: Db, teamId: string, ids: string[] | undefined, period: Period): Promise<DecisionRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT l."campaignId" AS "campaignId", h."status" AS "status", h."rejectReason" AS "rejectReason", COUNT(*) AS "count"
    FROM "Handoff" h
    JOIN "Lead" l ON l."id" = h."leadId" AND l."teamId" = h."teamId"
    WHERE h."teamId" = ${teamId} AND h."status" IN ('accepted', 'rejected')${ofCampaigns(ids)}${within('h."decidedAt"', period)}
    GROUP BY l."campaignId", h."status", h."rejectReason"`;
  return rows.map((row) => ({
    campaignId: String(row.campaignId),
    status: String(row.status),
    rejectReason: row.rejectReason === null ? null : String(row.rejectReason),
    count: Number(row.count ?? 0),
  }));
}
