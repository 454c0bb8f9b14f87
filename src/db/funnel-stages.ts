// Stage counts for many windows in one statement. Each (window, stage) is its own range of the covering index
// LeadEvent (teamId, type, toStage, at, leadId, campaignId, fitGrade, valueCents, currency): the database reads
// only the index entries of that stage in that window, never the table, and windows may overlap (a month and the
// weeks in it) without a lead being counted in the wrong one. Parts are joined with UNION ALL, so a digest costs
// one round trip (on SQLite every statement waits for the one connection).
import type { Db } from "./client.js";
import { type Bucket, type FunnelFilter, type FunnelStage, num, raw, STAGE_EVENTS, type StageRow } from "./funnel.js";
import { Prisma } from "./generated/sqlite/client.js";
import type { Provider } from "./target.js";

/** A funnel stage, or "revenue": the value of the deals won, without counting the leads (a cheaper pass). */
export type StageMeasure = FunnelStage | "revenue";

export interface StageRequest {
  window: Bucket;
  /** What to count. */
  stages: readonly StageMeasure[];
  /** Per campaign or per fit grade instead of one total. */
  groupBy?: "campaignId" | "fitGrade";
  /** Grouped only: stages that only say which groups moved in the window (rows with 0 leads): no counting. */
  presence?: readonly FunnelStage[];
  /** Grouped only: just these groups. */
  only?: readonly string[];
}

/**
 * SQLite's planner sometimes takes LeadEvent (teamId, leadId, at) for `GROUP BY leadId`, to skip a sort, and then
 * reads every event of the workspace from the table (0.4 s instead of 17 ms for a quarter's MQLs at a million
 * leads, depending on the statistics ANALYZE gathered). Every part is a range of the covering index: say so.
 * (The index is named in prisma/sqlite/schema.prisma.)
 */
const PINNED = raw('"LeadEvent" INDEXED BY "LeadEvent_funnel_idx"');

type Part = { kind: "count"; stage: FunnelStage } | { kind: "revenue" } | { kind: "presence"; stage: FunnelStage };

/** SQLite refuses a compound SELECT of more than 500 parts (SQLITE_MAX_COMPOUND_SELECT). */
const MAX_PARTS = 400;

/**
 * Leads that reached each requested stage in each request's window (the cohort rule: a lead counts in the
 * window of the event that moved it, once however often it moved there). Rows carry `bucket` = the index of
 * their request; "revenue" comes back as a Won row with 0 leads, presence as rows with 0 leads.
 */
export async function stageFigures(db: Db, provider: Provider, filter: FunnelFilter, requests: StageRequest[]): Promise<StageRow[]> {
  const parts = requests.flatMap((request, index) =>
    partsOf(request).map((part) => ({ sql: stagePart(provider, filter, request, index, part), weight: weightOf(request, part) })),
  );
  if (parts.length === 0) return [];
  // PostgreSQL runs one statement on one backend: two statements of about equal work use two (worth it for a
  // digest's dozens of parts, not for a handful). SQLite has one connection: one statement saves round trips.
  const backends = provider === "postgresql" && parts.length >= 8 ? 2 : 1;
  const statements = balance(parts, Math.max(backends, Math.ceil(parts.length / MAX_PARTS)));
  const results = await Promise.all(
    statements.filter((s) => s.length > 0).map((s) => db.$queryRaw<Record<string, unknown>[]>(Prisma.join(s, " UNION ALL "))),
  );
  return results.flat().map((row) => ({
    bucket: num(row.bucket),
    stage: row.stage as FunnelStage,
    group: (row.grp as string | null) ?? null,
    leads: num(row.leads),
    valueCents: num(row.value_cents),
    campaignValueCents: num(row.campaign_value_cents),
    currency: (row.currency as string | null) ?? null,
  }));
}

function partsOf(request: StageRequest): Part[] {
  const counted = request.stages.filter((s): s is FunnelStage => s !== "revenue");
  const parts: Part[] = counted.map((stage) => ({ kind: "count", stage }));
  if (request.stages.includes("revenue") && !counted.includes("won")) parts.push({ kind: "revenue" });
  for (const stage of request.presence ?? []) if (!counted.includes(stage)) parts.push({ kind: "presence", stage });
  return parts;
}

/** Rough share of events per stage in a funnel, to spread the work; only the balance depends on it. */
const STAGE_WEIGHT: Record<FunnelStage, number> = {
  created: 1,
  mql: 0.6,
  sql: 0.35,
  opportunity: 0.2,
  won: 0.1,
  lost: 0.1,
  nurture: 0.2,
};

function weightOf(request: StageRequest, part: Part): number {
  const span = request.window.to.getTime() - request.window.from.getTime();
  if (part.kind === "revenue") return span * STAGE_WEIGHT.won * 0.5;
  // Listing groups or reading a few campaigns' rows costs about a scan; counting leads about twice that.
  const cheap = part.kind === "presence" || request.only !== undefined;
  return span * STAGE_WEIGHT[part.stage] * (cheap ? 0.5 : request.groupBy ? 1.5 : 1);
}

/** Splits parts into `n` lists of about equal weight (largest first, each to the lightest list). */
function balance(parts: { sql: Prisma.Sql; weight: number }[], n: number): Prisma.Sql[][] {
  const lists = Array.from({ length: n }, () => ({ weight: 0, parts: [] as Prisma.Sql[] }));
  for (const part of [...parts].sort((a, b) => b.weight - a.weight)) {
    const lightest = lists.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.weight += part.weight;
    lightest.parts.push(part.sql);
  }
  return lists.map((list) => list.parts);
}

function stagePart(provider: Provider, filter: FunnelFilter, request: StageRequest, index: number, part: Part): Prisma.Sql {
  const stage: FunnelStage = part.kind === "revenue" ? "won" : part.stage;
  const event = STAGE_EVENTS.find((e) => e.stage === stage) ?? STAGE_EVENTS[0];
  const by = request.groupBy ? `"${request.groupBy}"` : null;
  const campaign = filter.campaignId ? Prisma.sql`AND "campaignId" = ${filter.campaignId}` : Prisma.empty;
  const only = by && request.only ? Prisma.sql`AND ${raw(by)} IN (${Prisma.join(request.only)})` : Prisma.empty;
  const range = Prisma.sql`FROM ${provider === "sqlite" ? PINNED : raw('"LeadEvent"')}
    WHERE "teamId" = ${filter.teamId} AND "type" = ${event.type} AND "toStage" = ${event.toStage}
      AND "at" >= ${request.window.from} AND "at" < ${request.window.to} ${campaign} ${only}`;
  const head = raw(`SELECT ${index} AS bucket, '${stage}' AS stage`);
  const noMoney = raw("0 AS value_cents, 0 AS campaign_value_cents");
  if (part.kind === "presence" && by) {
    // DISTINCT over the few groups: a small hash table (PostgreSQL) or b-tree (SQLite), no per-lead work.
    return Prisma.sql`${head}, d.grp AS grp, CAST(NULL AS TEXT) AS currency, 0 AS leads, ${noMoney}
      FROM (SELECT DISTINCT ${raw(by)} AS grp ${range}) d`;
  }
  if (stage === "won") {
    // Few rows, and their values are summed per event: count leads with COUNT(DISTINCT) in the same pass.
    const leads = part.kind === "count" ? raw('COUNT(DISTINCT "leadId")') : raw("0");
    return Prisma.sql`${head}, ${raw(by ?? "CAST(NULL AS TEXT)")} AS grp, "currency" AS currency, ${leads} AS leads,
        SUM(COALESCE("valueCents", 0)) AS value_cents,
        SUM(CASE WHEN "campaignId" IS NOT NULL THEN COALESCE("valueCents", 0) ELSE 0 END) AS campaign_value_cents
      ${range}
      GROUP BY ${raw(by ? `${by}, "currency"` : '"currency"')}`;
  }
  // One row per lead first, then count them: PostgreSQL hashes instead of sorting for COUNT(DISTINCT), SQLite
  // sorts instead of building a b-tree (measured: 30-45% less time on both at a million leads).
  if (!by) {
    return Prisma.sql`${head}, CAST(NULL AS TEXT) AS grp, CAST(NULL AS TEXT) AS currency, COUNT(*) AS leads, ${noMoney}
      FROM (SELECT "leadId" ${range} GROUP BY "leadId") d`;
  }
  // Per group, SQLite is faster with COUNT(DISTINCT): it sorts by group and keeps one small b-tree per group.
  if (provider === "sqlite") {
    return Prisma.sql`${head}, ${raw(by)} AS grp, CAST(NULL AS TEXT) AS currency, COUNT(DISTINCT "leadId") AS leads, ${noMoney}
      ${range} GROUP BY ${raw(by)}`;
  }
  return Prisma.sql`${head}, d.grp AS grp, CAST(NULL AS TEXT) AS currency, COUNT(*) AS leads, ${noMoney}
    FROM (SELECT ${raw(by)} AS grp, "leadId" ${range} GROUP BY ${raw(by)}, "leadId") d GROUP BY d.grp`;
}
