// Per-campaign and per-fit-grade rows of the funnel. Figure definitions match the campaign card's
// (src/domain/campaigns/results.ts): leads = leads created, SQLs / won = leads that reached SQL / Won, revenue =
// deal value of Won leads, cost per lead = budget / leads, return on spend = revenue / budget. In a period view,
// the counts and revenue are the period's; the budget is the campaign's whole budget.

import type { Bucket } from "../../db/funnel.js";
import { campaignsByIds } from "../../db/funnel-context.js";
import { stageFigures } from "../../db/funnel-stages.js";
import { type ExchangeRates, type ReturnOnSpendGap, returnOnSpend, totalOf } from "../money/exchange-rates.js";
import type { FunnelDeps } from "./deps.js";
import { centsIn, countsFrom, emptyCounts, type FunnelStage, type Money, type StageCounts } from "./figures.js";

export type { ReturnOnSpendGap };

export interface CampaignRow {
  id: string;
  name: string;
  leads: number;
  mqls: number;
  sqls: number;
  won: number;
  /** One amount in the workspace's currency when `converted`, else each currency apart. */
  revenue: Money[];
  /** Revenue (or, for return on spend, the budget) was converted at the workspace's exchange rates. */
  converted: boolean;
  budgetCents: number | null;
  currency: string;
  ownerId: string | null;
  /** Budget / leads, in the campaign's currency; null without a budget or leads. */
  costPerLeadCents: number | null;
  /** Revenue / budget; null without a budget, or when revenue in other currencies than the budget's has no rate. */
  returnOnSpend: number | null;
  /** Why there is no return on spend: "other_currencies" would divide amounts in different currencies. */
  returnOnSpendGap: ReturnOnSpendGap | null;
}

export interface CampaignRows {
  rows: CampaignRow[];
  /** Campaigns with any activity in the period, of which `rows` are the top ones. */
  total: number;
}

/** What the ranking needs for every campaign: Won counted (leads and revenue), the other stages only listed. */
export const CAMPAIGN_RANKING_STAGES = ["won"] as const satisfies readonly FunnelStage[];
/** What a fit-grade row shows. */
export const FIT_ROW_STAGES = ["created", "sql", "won"] as const satisfies readonly FunnelStage[];

/** More tied candidates than this and one pass over every campaign is cheaper than naming them all. */
const MAX_NAMED_CANDIDATES = 100;

/**
 * The top campaigns by revenue in the workspace's currency (converted at its exchange rates when it has a rate for
 * each currency a campaign won in; amounts in different currencies are otherwise never added or compared), then
 * those that won only in other currencies, then the rest; within each, by SQLs, then leads,
 * then id. `moved`: every campaign with any movement in the window, with its Won leads and revenue. Only
 * campaigns ranking at least as high as the `limit`-th by revenue can make the top, so only theirs are counted
 * in full (a second, small query).
 */
export async function campaignRows(
  deps: FunnelDeps,
  {
    scope,
    window,
    moved,
    limit,
    rates,
  }: {
    scope: { teamId: string; campaignId?: string };
    window: Bucket;
    moved: Map<string, StageCounts>;
    limit: number;
    rates: ExchangeRates;
  },
): Promise<CampaignRows> {
  const byMoney = byRevenueIn(rates);
  const byRevenue = [...moved.entries()].filter(([id]) => id !== "").sort(([, a], [, b]) => byMoney(a, b));
  const last = byRevenue[limit - 1];
  const candidates = last ? byRevenue.filter(([, c]) => byMoney(c, last[1]) <= 0) : byRevenue;
  const ids = candidates.map(([id]) => id);
  const few = ids.length <= MAX_NAMED_CANDIDATES;
  const [counted, facts] = await Promise.all([
    candidates.length > 0 ? countCandidates(deps, scope, window, few ? ids : undefined) : new Map<string, StageCounts>(),
    few ? campaignsByIds(deps.db, scope.teamId, ids) : [],
  ]);
  const ranked = candidates
    .map(([id, won]): [string, StageCounts] => {
      const c = counted.get(id) ?? emptyCounts();
      return [id, { ...c, won: won.won, revenue: won.revenue, campaignRevenue: won.campaignRevenue }];
    })
    .sort(([idA, a], [idB, b]) => byMoney(a, b) || b.sql - a.sql || b.created - a.created || (idA < idB ? -1 : 1));
  const top = ranked.slice(0, limit);
  const named = few
    ? facts
    : await campaignsByIds(
        deps.db,
        scope.teamId,
        top.map(([id]) => id),
      );
  const byId = new Map(named.map((c) => [c.id, c]));
  return {
    total: byRevenue.length,
    rows: top.flatMap(([id, counts]) => {
      const campaign = byId.get(id);
      if (!campaign) return []; // deleted since: its leads keep their counts in the totals
      return [campaignRow({ ...campaign, counts }, rates)];
    }),
  };
}

/** Leads, MQLs and SQLs in the window of the campaigns `only` (of every campaign without it). */
async function countCandidates(
  deps: FunnelDeps,
  scope: { teamId: string; campaignId?: string },
  window: Bucket,
  only: string[] | undefined,
): Promise<Map<string, StageCounts>> {
  const rows = await stageFigures(deps.db, deps.provider, scope, [
    { window, stages: ["created", "mql", "sql"], groupBy: "campaignId", ...(only ? { only } : {}) },
  ]);
  return countsFrom(rows, (row) => row.group ?? "");
}

/**
 * Negative when `a` ranks first: revenue in the workspace's currency, converted where it can be (more first), then
 * revenue in other currencies only, then none.
 */
function byRevenueIn(rates: ExchangeRates): (a: StageCounts, b: StageCounts) => number {
  const inBase = (c: StageCounts) => centsIn(totalOf(c.revenue, rates).amounts, rates.base);
  const tier = (c: StageCounts) => (inBase(c) > 0 ? 0 : c.revenue.length > 0 ? 1 : 2);
  return (a, b) => tier(a) - tier(b) || inBase(b) - inBase(a);
}

export function campaignRow(
  c: {
    id: string;
    name: string;
    budgetCents: number | null;
    currency: string;
    ownerId: string | null;
    counts: StageCounts;
  },
  rates: ExchangeRates,
): CampaignRow {
  const budget = c.budgetCents && c.budgetCents > 0 ? c.budgetCents : null;
  const revenue = totalOf(c.counts.revenue, rates);
  const ros = returnOnSpend(c.counts.revenue, budget === null ? null : { currency: c.currency, cents: budget }, rates);
  return {
    id: c.id,
    name: c.name,
    leads: c.counts.created,
    mqls: c.counts.mql,
    sqls: c.counts.sql,
    won: c.counts.won,
    revenue: revenue.amounts,
    converted: revenue.converted || ros.converted,
    budgetCents: c.budgetCents,
    currency: c.currency,
    ownerId: c.ownerId,
    costPerLeadCents: budget !== null && c.counts.created > 0 ? Math.round(budget / c.counts.created) : null,
    returnOnSpend: ros.value,
    returnOnSpendGap: ros.gap,
  };
}

export interface FitRow {
  /** A-D, or null for leads without a grade. */
  grade: string | null;
  leads: number;
  sqls: number;
  won: number;
}

/** The period's counts per fit grade ("" for leads without one), ungraded last. */
export function fitGradeRows(perGrade: Map<string, StageCounts>): FitRow[] {
  return [...perGrade.entries()]
    .map(([grade, c]) => ({ grade: grade === "" ? null : grade, leads: c.created, sqls: c.sql, won: c.won }))
    .sort((a, b) => (a.grade === b.grade ? 0 : a.grade === null ? 1 : b.grade === null ? -1 : a.grade < b.grade ? -1 : 1));
}
