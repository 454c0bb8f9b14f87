// A campaign's results: the closed loop between what marketing spent and what sales could use and close.
//
// Definitions (all per campaign, "its leads" = leads whose source campaign (Lead.campaignId) it is; with a
// period, [from, to) filters as noted; without one, everything so far):
// - leads:        its leads (created in the period: Lead.createdAt).
// - MQLs:         its leads that reached MQL, i.e. have a stage_changed event to "mql" (in the period). A lead
//                 counts once however often it re-entered the stage.
// - SQLs:         the same for "sql" (sales accepted the lead).
// - won deals:    the same for "won".
// - revenue:      the sum of Lead.dealValueCents of those won leads, in the campaign's currency (a deal with no
//                 currency counts as the campaign's). Deals in other currencies are listed apart; with an
//                 exchange rate for each currency in it, the whole is also converted into the workspace's currency
//                 (src/domain/money/exchange-rates.ts).
// - cost:         the campaign's whole budget (Campaign.budgetCents), also for a period.
// - cost per lead = budget / leads; cost per SQL = budget / SQLs (none without a budget or a count of 0).
// - return on spend = revenue / budget (2.5 means 2.5 times the budget came back; none without a budget; with
//   deals in other currencies than the budget's, both are converted at the workspace's rates, and without a rate
//   for each there is none: it would be built from part of the money).
// - sales acceptance rate = accepted / (accepted + rejected) handoffs of its leads (decided in the period);
//   pending and cancelled handoffs do not count. None while nothing was decided.
// - top rejection reasons: the reasons sales gave most often when rejecting its leads (at most 3).

import { funnelCounts, handoffDecisions, type Period, wonDeals } from "../../db/campaign-results.js";
import { campaignsForResults } from "../../db/campaigns.js";
import type { Db } from "../../db/client.js";
import { workspaceRates } from "../../db/exchange-rates.js";
import { exchangeRates, type Money, noRates, type ReturnOnSpendGap, returnOnSpend, totalOf } from "../money/exchange-rates.js";

export interface CampaignResults {
  campaignId: string;
  name: string;
  currency: string;
  budgetCents: number | null;
  leads: number;
  mqls: number;
  sqls: number;
  wonDeals: number;
  revenueCents: number;
  /** Won deal values in currencies other than the campaign's, never converted. */
  otherRevenue: { currency: string; cents: number }[];
  /** All the revenue in the workspace's currency, at its exchange rates, when it held other currencies and each has a rate. */
  convertedRevenue: Money | null;
  /** The day the exchange rates used (for revenue or return on spend) were set; null when nothing was converted. */
  convertedAt: string | null;
  costPerLeadCents: number | null;
  costPerSqlCents: number | null;
  returnOnSpend: number | null;
  /** Why there is no return on spend. */
  returnOnSpendGap: ReturnOnSpendGap | null;
  accepted: number;
  rejected: number;
  acceptanceRate: number | null;
  topRejectionReasons: { reason: string; count: number }[];
}

export interface ResultsQuery extends Period {
  campaignIds?: string[] | undefined;
}

const TOP_REASONS = 3;

/** One row per campaign of the workspace (or per campaign id given that belongs to it), in creation order. */
export async function campaignResults(db: Db, teamId: string, query: ResultsQuery = {}): Promise<CampaignResults[]> {
  if (query.campaignIds?.length === 0) return [];
  const campaigns = await campaignsForResults(db, teamId, query.campaignIds);
  if (campaigns.length === 0) return [];
  const ids = query.campaignIds ? campaigns.map((c) => c.id) : undefined;
  const period = { from: query.from, to: query.to };
  const [counts, won, decisions, workspace] = await Promise.all([
    funnelCounts(db, teamId, ids, period),
    wonDeals(db, teamId, ids, period),
    handoffDecisions(db, teamId, ids, period),
    workspaceRates(db, teamId),
  ]);
  const rates = workspace
    ? exchangeRates(workspace.currency, workspace.rates, workspace.timezone)
    : noRates(campaigns[0]?.currency ?? "USD");
  return campaigns.map((campaign) => {
    const count = counts.find((row) => row.campaignId === campaign.id);
    const mine = <T extends { campaignId: string }>(rows: T[]) => rows.filter((row) => row.campaignId === campaign.id);
    const revenue = revenueOf(mine(won), campaign.currency);
    const decided = decisionsOf(mine(decisions));
    const budget = campaign.budgetCents;
    const leads = count?.leads ?? 0;
    const sqls = count?.sqls ?? 0;
    const all = [{ currency: campaign.currency, cents: revenue.revenueCents }, ...revenue.otherRevenue];
    const total = totalOf(all, rates);
    const ros = returnOnSpend(all, budget ? { currency: campaign.currency, cents: budget } : null, rates);
    return {
      campaignId: campaign.id,
      name: campaign.name,
      currency: campaign.currency,
      budgetCents: budget,
      leads,
      mqls: count?.mqls ?? 0,
      sqls,
      ...revenue,
      convertedRevenue: total.converted ? (total.amounts[0] ?? { currency: rates.base, cents: 0 }) : null,
      convertedAt: total.converted || ros.converted ? rates.setOn : null,
      costPerLeadCents: ratio(budget, leads, Math.round),
      costPerSqlCents: ratio(budget, sqls, Math.round),
      returnOnSpend: ros.value,
      returnOnSpendGap: ros.gap,
      ...decided,
    };
  });
}

function revenueOf(rows: { currency: string | null; deals: number; valueCents: number }[], currency: string) {
  let revenueCents = 0;
  const other = new Map<string, number>();
  for (const row of rows) {
    const rowCurrency = row.currency ?? currency;
    if (rowCurrency === currency) revenueCents += row.valueCents;
    else other.set(rowCurrency, (other.get(rowCurrency) ?? 0) + row.valueCents);
  }
  return {
    wonDeals: rows.reduce((sum, row) => sum + row.deals, 0),
    revenueCents,
    otherRevenue: [...other].map(([code, cents]) => ({ currency: code, cents })).sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

function decisionsOf(rows: { status: string; rejectReason: string | null; count: number }[]) {
  const accepted = rows.filter((row) => row.status === "accepted").reduce((sum, row) => sum + row.count, 0);
  const rejections = rows.filter((row) => row.status === "rejected");
  const rejected = rejections.reduce((sum, row) => sum + row.count, 0);
  const byReason = new Map<string, number>();
  for (const row of rejections) byReason.set(row.rejectReason ?? "other", (byReason.get(row.rejectReason ?? "other") ?? 0) + row.count);
  const topRejectionReasons = [...byReason]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, TOP_REASONS);
  return { accepted, rejected, acceptanceRate: accepted + rejected > 0 ? accepted / (accepted + rejected) : null, topRejectionReasons };
}

function ratio(numerator: number | null, denominator: number, round: (n: number) => number): number | null {
  return numerator === null || denominator === 0 ? null : round(numerator / denominator);
}
