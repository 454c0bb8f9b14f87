// The funnel for a workspace and a period, with the previous period to compare with.
import { acceptedHandoffPercentiles, breachCounts, handoffOutcomes, type Percentiles, stageCounts } from "../../db/funnel.js";
import { type CampaignRows, campaignRows, type FitRow, fitGradeRows } from "./campaign-rows.js";
import type { FunnelContext, FunnelDeps } from "./context.js";
import { bucketCounts, conversionRates, type Rates, ratio, type StageCounts } from "./figures.js";
import { monthToDate, type Period, previousPeriod } from "./periods.js";

export interface HandoffFigures {
  accepted: number;
  rejected: number;
  decided: number;
  /** Decided by their working-hours deadline. */
  withinSla: number;
  /** Deadlines that passed without a decision, in the period. */
  breaches: number;
  /** accepted / decided */
  acceptanceRate: number | null;
  /** withinSla / decided */
  withinSlaShare: number | null;
}

export interface FunnelReport {
  context: FunnelContext;
  period: Period;
  previous: Period;
  campaign?: { id: string; name: string };
  counts: StageCounts;
  previousCounts: StageCounts;
  rates: Rates;
  previousRates: Rates;
  handoffs: HandoffFigures;
  previousHandoffs: HandoffFigures;
  /** Speed to lead: handoff to acceptance, wall-clock time. */
  speed: Percentiles;
  previousSpeed: Percentiles;
  campaigns: CampaignRows;
  fitGrades: FitRow[];
  /** MQLs delivered in the month of the period's end, against the monthly commitment pro-rated to that point. */
  mqlProgress: { mqls: number; targetToDate: number; monthlyTarget: number };
}

export interface FunnelOptions {
  campaign?: { id: string; name: string };
  /** How many campaigns to rank (default 5). */
  campaignLimit?: number;
}

export async function funnelForPeriod(
  deps: FunnelDeps,
  context: FunnelContext,
  period: Period,
  options: FunnelOptions = {},
): Promise<FunnelReport> {
  const { teamId } = context;
  const previous = previousPeriod(period);
  const campaignId = options.campaign?.id;
  const scope = { teamId, ...(campaignId ? { campaignId } : {}) };
  const buckets = [
    { from: period.start, to: period.end },
    { from: previous.start, to: previous.end },
  ];
  const month = monthToDate(period);
  const [stageRows, outcomeRows, breaches, speed, previousSpeed, campaigns, fitGrades, monthRows] = await Promise.all([
    stageCounts(deps.db, { ...scope, buckets }),
    handoffOutcomes(deps.db, { ...scope, buckets }),
    breachCounts(deps.db, { ...scope, buckets }),
    acceptedHandoffPercentiles(deps.db, deps.provider, { ...scope, from: period.start, to: period.end, measure: "speed" }),
    acceptedHandoffPercentiles(deps.db, deps.provider, { ...scope, from: previous.start, to: previous.end, measure: "speed" }),
    campaignRows(deps, teamId, buckets[0] ?? { from: period.start, to: period.end }, {
      limit: options.campaignLimit ?? 5,
      ...(campaignId ? { campaignId } : {}),
    }),
    fitGradeRows(deps, teamId, { from: period.start, to: period.end }, campaignId),
    stageCounts(deps.db, { ...scope, buckets: [{ from: month.start, to: month.end }] }),
  ]);
  // bucketCounts returns exactly one StageCounts per bucket.
  const [counts, previousCounts] = bucketCounts(stageRows, 2) as [StageCounts, StageCounts];
  const monthlyTarget = context.agreement.mqlMonthlyTarget;
  return {
    context,
    period,
    previous,
    ...(options.campaign ? { campaign: options.campaign } : {}),
    counts,
    previousCounts,
    rates: conversionRates(counts),
    previousRates: conversionRates(previousCounts),
    handoffs: handoffFigures(outcomeRows, breaches, 0),
    previousHandoffs: handoffFigures(outcomeRows, breaches, 1),
    speed,
    previousSpeed,
    campaigns,
    fitGrades,
    mqlProgress: {
      mqls: bucketCounts(monthRows, 1)[0]?.mql ?? 0,
      targetToDate: Math.round(monthlyTarget * month.elapsed),
      monthlyTarget,
    },
  };
}

export function handoffFigures(
  rows: { bucket: number; accepted: number; rejected: number; withinSla: number }[],
  breaches: Map<number, number>,
  bucket: number,
): HandoffFigures {
  const row = rows.find((r) => r.bucket === bucket) ?? { accepted: 0, rejected: 0, withinSla: 0 };
  const decided = row.accepted + row.rejected;
  return {
    accepted: row.accepted,
    rejected: row.rejected,
    decided,
    withinSla: row.withinSla,
    breaches: breaches.get(bucket) ?? 0,
    acceptanceRate: ratio(row.accepted, decided),
    withinSlaShare: ratio(row.withinSla, decided),
  };
}
