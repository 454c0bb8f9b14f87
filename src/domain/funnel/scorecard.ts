// The alignment scorecard: each side held to the agreement, with the trend over the last four periods.
import type { Percentiles } from "../../db/funnel-handoffs.js";
import { totalsOf } from "../money/exchange-rates.js";
import type { FunnelDeps } from "./deps.js";
import { FigureRequests, type Figures } from "./figure-requests.js";
import { centsIn, type HandoffFigures, type Money, ratio, type StageCounts } from "./figures.js";
import type { FunnelContext } from "./funnel-context.js";
import { monthToDate, type Period, trailingPeriods } from "./periods.js";
import { acceptanceStatus, marketingRevenueStatus, mqlStatus, type Status, speedStatus, withinSlaStatus } from "./scorecard-rules.js";

export type { Status };

export const TREND_PERIODS = 4;

interface Line<K extends string, Extra = object> {
  key: K;
  status: Status;
  /** Oldest first; the last value is the period the scorecard is for. */
  trend: (number | null)[];
  extra: Extra;
}

export type ScorecardLine =
  | Line<"mqls", { mqls: number; targetToDate: number; monthlyTarget: number }>
  | Line<"acceptance", { rate: number | null; target: number; accepted: number; decided: number }>
  | Line<"speed", { medianMs: number | null; slaMinutes: number; medianMarginMs: number | null }>
  | Line<"within_sla", { share: number | null; withinSla: number; decided: number }>
  | Line<
      "marketing_revenue",
      {
        cents: number;
        currency: string;
        expectedCents: number;
        /** One pace in the workspace's currency when `converted` (at its exchange rates), else one per currency. */
        byCurrency: CurrencyPace[];
        /** The day the rates used were set, when converted; null when each currency is on its own. */
        convertedAt: string | null;
      }
    >;

/** Marketing-sourced revenue in one currency against that currency's usual pace (currencies never added up). */
export interface CurrencyPace {
  currency: string;
  cents: number;
  expectedCents: number;
  /** Oldest first, like the line's trend. */
  trend: number[];
  status: Status;
}

export interface Scorecard {
  period: Period;
  periods: Period[];
  lines: ScorecardLine[];
}

export async function scorecardFor(deps: FunnelDeps, context: FunnelContext, period: Period, campaignId?: string): Promise<Scorecard> {
  const requests = new FigureRequests();
  const assemble = planScorecard(requests, context, period);
  return assemble(await requests.fetch(deps, { teamId: context.teamId, ...(campaignId ? { campaignId } : {}) }));
}

/** Asks `requests` for what the scorecard needs; the returned function builds it from the answers. */
export function planScorecard(requests: FigureRequests, context: FunnelContext, period: Period): (figures: Figures) => Scorecard {
  const periods = trailingPeriods(period, TREND_PERIODS);
  const windows = periods.map((p) => ({ from: p.start, to: p.end }));
  const month = monthToDate(period);
  const monthWindow = { from: month.start, to: month.end };
  const currentWindow = { from: period.start, to: period.end };
  // The trend shows MQLs, marketing-sourced revenue and median speeds: no Won count, no 90th percentile.
  for (const window of windows)
    requests.stageCounts(window, ["mql", "revenue"]).handoffs(window).percentile(window, "speed", { p90: false });
  requests.workingMargin(currentWindow, context.hours, context.agreement.responseSlaMinutes).stageCounts(monthWindow, ["mql"]);
  return (figures) =>
    scorecardFrom(context, period, periods, {
      counts: windows.map((w) => figures.stageCounts(w)),
      handoffs: windows.map((w) => figures.handoffs(w)),
      speeds: windows.map((w) => figures.percentile(w, "speed")),
      margin: figures.workingMargin(currentWindow),
      monthMqls: figures.stageCounts(monthWindow).mql,
      monthElapsed: month.elapsed,
    });
}

function scorecardFrom(
  context: FunnelContext,
  period: Period,
  periods: Period[],
  f: {
    counts: StageCounts[];
    handoffs: HandoffFigures[];
    speeds: Percentiles[];
    margin: Percentiles;
    monthMqls: number;
    monthElapsed: number;
  },
): Scorecard {
  const { agreement, currency } = context;
  const { counts, speeds, margin } = f;
  const outcome = (i: number) => f.handoffs[i] ?? { accepted: 0, rejected: 0, withinSla: 0 };
  const last = periods.length - 1;
  const current = outcome(last);
  const decided = current.accepted + current.rejected;

  const mqls = f.monthMqls;
  const targetToDate = Math.round(agreement.mqlMonthlyTarget * f.monthElapsed);
  const acceptanceRate = ratio(current.accepted, decided);
  const withinShare = ratio(current.withinSla, decided);
  const medianMs = speeds[last]?.p50 ?? null;
  const elapsedShare = (period.end.getTime() - period.start.getTime()) / (period.fullEnd.getTime() - period.start.getTime());
  // Converted into the workspace's currency when there is a rate for every currency won in any of the periods;
  // else the workspace's currency first, then every other currency won in any of them, each on its own.
  const revenue = totalsOf(
    counts.map((c) => c.campaignRevenue),
    context.rates,
  );
  const others = new Set(revenue.amounts.flatMap((list) => list.map((m) => m.currency)).filter((code) => code !== currency));
  const workspacePace = paceIn(currency, revenue.amounts, last, elapsedShare);
  const paces = [workspacePace, ...[...others].sort().map((code) => paceIn(code, revenue.amounts, last, elapsedShare))];

  const lines: ScorecardLine[] = [
    {
      key: "mqls",
      status: mqlStatus(mqls, targetToDate),
      trend: counts.map((c) => c.mql),
      extra: { mqls, targetToDate, monthlyTarget: agreement.mqlMonthlyTarget },
    },
    {
      key: "acceptance",
      status: acceptanceStatus(acceptanceRate, agreement.acceptanceRateTarget),
      trend: periods.map((_, i) => ratio(outcome(i).accepted, outcome(i).accepted + outcome(i).rejected)),
      extra: { rate: acceptanceRate, target: agreement.acceptanceRateTarget, accepted: current.accepted, decided },
    },
    {
      key: "speed",
      status: speedStatus(medianMs, margin.count > 0 ? margin.p50 : null, agreement.responseSlaMinutes),
      trend: speeds.map((s) => s.p50),
      extra: { medianMs, slaMinutes: agreement.responseSlaMinutes, medianMarginMs: margin.count > 0 ? margin.p50 : null },
    },
    {
      key: "within_sla",
      status: withinSlaStatus(withinShare),
      trend: periods.map((_, i) => ratio(outcome(i).withinSla, outcome(i).accepted + outcome(i).rejected)),
      extra: { share: withinShare, withinSla: current.withinSla, decided },
    },
    {
      key: "marketing_revenue",
      status: worstStatus(paces.map((p) => p.status)),
      trend: workspacePace.trend,
      extra: {
        cents: workspacePace.cents,
        currency,
        expectedCents: workspacePace.expectedCents,
        byCurrency: paces,
        convertedAt: revenue.converted ? context.rates.setOn : null,
      },
    },
  ];
  return { period, periods, lines };
}

function paceIn(currency: string, revenue: Money[][], last: number, elapsedShare: number): CurrencyPace {
  const trend = revenue.map((list) => centsIn(list, currency));
  const earlier = trend.slice(0, last);
  const average = earlier.length > 0 ? earlier.reduce((a, b) => a + b, 0) / earlier.length : 0;
  const expectedCents = Math.round(average * elapsedShare);
  const cents = trend[last] ?? 0;
  return { currency, cents, expectedCents, trend, status: marketingRevenueStatus(cents, expectedCents) };
}

const SEVERITY: Record<Status, number> = { no_data: 0, on_track: 1, at_risk: 2, off_track: 3 };

/** The line is only as on track as its furthest-behind currency; "no data" only when no currency has any. */
function worstStatus(statuses: Status[]): Status {
  return statuses.reduce<Status>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), "no_data");
}
