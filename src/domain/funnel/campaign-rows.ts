// Per-campaign and per-fit-grade rows of the funnel. Figure definitions match the campaign card's
// (src/domain/campaigns/results.ts): leads = leads created, SQLs / won = leads that reached SQL / Won, revenue =
// deal value of Won leads, cost per lead = budget / leads, return on spend = revenue / budget. In a period view,
// the counts and revenue are the period's; the budget is the campaign's whole budget.

import { type Bucket, stageCounts } from "../../db/funnel.js";
import { campaignsByIds } from "../../db/funnel-context.js";
import type { FunnelDeps } from "./context.js";
import { centsIn, countsFrom, type Money, type StageCounts } from "./figures.js";

export interface CampaignRow {
  id: string;
  name: string;
  leads: number;
  mqls: number;
  sqls: number;
  won: number;
  revenue: Money[];
  budgetCents: number | null;
  currency: string;
  ownerId: string | null;
  /** Budget / leads, in the campaign's currency; null without a budget or leads. */
  costPerLeadCents: number | null;
  /** Revenue (in the budget's currency) / budget; null without a budget. */
  returnOnSpend: number | null;
}

export interface CampaignRows {
  rows: CampaignRow[];
  /** Campaigns with any activity in the period, of which `rows` are the top ones. */
  total: number;
}

export async function campaignRows(
  deps: FunnelDeps,
  teamId: string,
  bucket: Bucket,
  options: { campaignId?: string; limit: number },
): Promise<CampaignRows> {
  const rows = await stageCounts(deps.db, {
    teamId,
    buckets: [bucket],
    groupBy: "campaignId",
    ...(options.campaignId ? { campaignId: options.campaignId } : {}),
  });
  const byCampaign = countsFrom(
    rows.filter((row) => row.group !== null),
    (row) => row.group ?? "",
  );
  const ranked = [...byCampaign.entries()].sort(([, a], [, b]) => rank(b) - rank(a) || b.sql - a.sql || b.created - a.created);
  const top = ranked.slice(0, options.limit);
  const facts = new Map(
    (
      await campaignsByIds(
        deps.db,
        teamId,
        top.map(([id]) => id),
      )
    ).map((c) => [c.id, c]),
  );
  return {
    total: ranked.length,
    rows: top.flatMap(([id, counts]) => {
      const campaign = facts.get(id);
      if (!campaign) return []; // deleted since: its leads keep their counts in the totals
      return [campaignRow({ ...campaign, counts })];
    }),
  };
}

const rank = (c: StageCounts) => c.revenue.reduce((sum, m) => sum + m.cents, 0);

export function campaignRow(c: {
  id: string;
  name: string;
  budgetCents: number | null;
  currency: string;
  ownerId: string | null;
  counts: StageCounts;
}): CampaignRow {
  const budget = c.budgetCents && c.budgetCents > 0 ? c.budgetCents : null;
  return {
    id: c.id,
    name: c.name,
    leads: c.counts.created,
    mqls: c.counts.mql,
    sqls: c.counts.sql,
    won: c.counts.won,
    revenue: c.counts.revenue,
    budgetCents: c.budgetCents,
    currency: c.currency,
    ownerId: c.ownerId,
    costPerLeadCents: budget !== null && c.counts.created > 0 ? Math.round(budget / c.counts.created) : null,
    returnOnSpend: budget !== null ? centsIn(c.counts.revenue, c.currency) / budget : null,
  };
}

export interface FitRow {
  /** A-D, or null for leads without a grade. */
  grade: string | null;
  leads: number;
  sqls: number;
  won: number;
}

export async function fitGradeRows(deps: FunnelDeps, teamId: string, bucket: Bucket, campaignId?: string): Promise<FitRow[]> {
  const rows = await stageCounts(deps.db, { teamId, buckets: [bucket], groupBy: "fitGrade", ...(campaignId ? { campaignId } : {}) });
  const byGrade = countsFrom(rows, (row) => row.group ?? "");
  return [...byGrade.entries()]
    .map(([grade, c]) => ({ grade: grade === "" ? null : grade, leads: c.created, sqls: c.sql, won: c.won }))
    .sort((a, b) => (a.grade === b.grade ? 0 : a.grade === null ? 1 : b.grade === null ? -1 : a.grade < b.grade ? -1 : 1));
}
