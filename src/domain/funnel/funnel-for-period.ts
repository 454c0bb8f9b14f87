// The funnel for a workspace and a period, with the previous period to compare with.
import type { Percentiles } from "../../db/funnel-handoffs.js";
import { totalsOf } from "../money/exchange-rates.js";
import { CAMPAIGN_RANKING_STAGES, type CampaignRows, campaignRows, FIT_ROW_STAGES, type FitRow, fitGradeRows } from "./campaign-rows.js";
import type { FunnelDeps } from "./deps.js";
import { FigureRequests, type Figures } from "./figure-requests.js";
import { conversionRates, type HandoffFigures, type Rates, type StageCounts } from "./figures.js";
import type { FunnelContext } from "./funnel-context.js";
import { monthToDate, type Period, previousPeriod } from "./periods.js";

export type { HandoffFigures };

export interface FunnelReport {
  context: FunnelContext;
  period: Period;
  previous: Period;
  campaign?: { id: string; name: string };
  /** Revenue in `counts` and `previousCounts`: one converted total each when `revenueConverted`, else per currency. */
  counts: StageCounts;
  previousCounts: StageCounts;
  /** Revenue was converted at the workspace's exchange rates (set on `context.rates.setOn`). */
  revenueConverted: boolean;
  rates: Rates;
  previousRates: Rates;
  handoffs: HandoffFigures;
  previousHandoffs: HandoffFigures;
  /** Speed to lead: handoff to acceptance, wall-clock time. */
  speed: Percentiles;
  previousSpeed: Percentiles;
  /** Empty when turned off (FunnelOptions.breakdowns). */
  campaigns: CampaignRows;
  /** Empty when turned off (FunnelOptions.breakdowns). */
  fitGrades: FitRow[];
  /** MQLs delivered in the month of the period's end, against the monthly commitment pro-rated to that point. */
  mqlProgress: { mqls: number; targetToDate: number; monthlyTarget: number };
}

export interface FunnelOptions {
  campaign?: { id: string; name: string };
  /** How many campaigns to rank (default 5). */
  campaignLimit?: number;
  /**
   * The per-campaign and per-fit-grade breakdowns cost a pass over the period each: a digest that does not show
   * them turns them off (they are then empty).
   */
  breakdowns?: { campaigns?: boolean; fitGrades?: boolean };
}

export async function funnelForPeriod(
  deps: FunnelDeps,
  context: FunnelContext,
  period: Period,
  options: FunnelOptions = {},
): Promise<FunnelReport> {
  const requests = new FigureRequests();
  const assemble = planFunnel(requests, context, period, options);
  const figures = await requests.fetch(deps, { teamId: context.teamId, ...(options.campaign ? { campaignId: options.campaign.id } : {}) });
  return assemble(deps, figures);
}

/** Asks `requests` for what the report needs; the returned function builds the report from the answers. */
export function planFunnel(
  requests: FigureRequests,
  context: FunnelContext,
  period: Period,
  options: FunnelOptions = {},
): (deps: FunnelDeps, figures: Figures) => Promise<FunnelReport> {
  const previous = previousPeriod(period);
  const current = { from: period.start, to: period.end };
  const before = { from: previous.start, to: previous.end };
  const month = monthToDate(period);
  const monthWindow = { from: month.start, to: month.end };
  const breakdowns = { campaigns: true, fitGrades: true, ...options.breakdowns };
  const scope = { teamId: context.teamId, ...(options.campaign ? { campaignId: options.campaign.id } : {}) };
  requests.stageCounts(current).stageCounts(before).stageCounts(monthWindow, ["mql"]);
  requests.handoffs(current).handoffs(before).percentile(current, "speed").percentile(before, "speed");
  if (breakdowns.campaigns) requests.groupedCounts(current, "campaignId", CAMPAIGN_RANKING_STAGES);
  if (breakdowns.fitGrades) requests.groupedCounts(current, "fitGrade", FIT_ROW_STAGES);
  return async (deps, figures) => {
    const rawCounts = figures.stageCounts(current);
    const rawPrevious = figures.stageCounts(before);
    const revenue = totalsOf([rawCounts.revenue, rawPrevious.revenue], context.rates);
    const campaignRevenue = totalsOf([rawCounts.campaignRevenue, rawPrevious.campaignRevenue], context.rates);
    const counts = { ...rawCounts, revenue: revenue.amounts[0] ?? [], campaignRevenue: campaignRevenue.amounts[0] ?? [] };
    const previousCounts = { ...rawPrevious, revenue: revenue.amounts[1] ?? [], campaignRevenue: campaignRevenue.amounts[1] ?? [] };
    const monthlyTarget = context.agreement.mqlMonthlyTarget;
    return {
      context,
      period,
      previous,
      ...(options.campaign ? { campaign: options.campaign } : {}),
      counts,
      previousCounts,
      revenueConverted: revenue.converted,
      rates: conversionRates(counts),
      previousRates: conversionRates(previousCounts),
      handoffs: figures.handoffs(current),
      previousHandoffs: figures.handoffs(before),
      speed: figures.percentile(current, "speed"),
      previousSpeed: figures.percentile(before, "speed"),
      campaigns: breakdowns.campaigns
        ? await campaignRows(deps, {
            scope,
            window: current,
            moved: figures.groupedCounts(current, "campaignId"),
            limit: options.campaignLimit ?? 5,
            rates: context.rates,
          })
        : { rows: [], total: 0 },
      fitGrades: breakdowns.fitGrades ? fitGradeRows(figures.groupedCounts(current, "fitGrade")) : [],
      mqlProgress: {
        mqls: figures.stageCounts(monthWindow).mql,
        targetToDate: Math.round(monthlyTarget * month.elapsed),
        monthlyTarget,
      },
    };
  };
}
