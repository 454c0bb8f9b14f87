// The funnel's figures and how they are derived from counts: pure functions, tested on their own.
import type { FunnelStage, StageRow } from "../../db/funnel.js";
import type { Money } from "../money/exchange-rates.js";

export type { FunnelStage };
export const FUNNEL_STAGES: FunnelStage[] = ["created", "mql", "sql", "opportunity", "won", "lost", "nurture"];

export type { Money } from "../money/exchange-rates.js";

/** Leads that reached each stage in a period, and the value of the deals won in it. */
export interface StageCounts extends Record<FunnelStage, number> {
  /** Deal value of leads won in the period, per currency, largest first. */
  revenue: Money[];
  /** The part of `revenue` from leads attributed to a campaign (marketing-sourced). */
  campaignRevenue: Money[];
}

export const emptyCounts = (): StageCounts => ({
  created: 0,
  mql: 0,
  sql: 0,
  opportunity: 0,
  won: 0,
  lost: 0,
  nurture: 0,
  revenue: [],
  campaignRevenue: [],
});

/** Folds database rows into one StageCounts per key (a group, or "" for the total). */
export function countsFrom(rows: StageRow[], key: (row: StageRow) => string): Map<string, StageCounts> {
  const result = new Map<string, StageCounts>();
  for (const row of rows) {
    const k = key(row);
    const counts = result.get(k) ?? emptyCounts();
    counts[row.stage] += row.leads;
    if (row.stage === "won" && row.currency) {
      addMoney(counts.revenue, row.currency, row.valueCents);
      addMoney(counts.campaignRevenue, row.currency, row.campaignValueCents);
    }
    result.set(k, counts);
  }
  for (const counts of result.values()) {
    counts.revenue = sortMoney(counts.revenue);
    counts.campaignRevenue = sortMoney(counts.campaignRevenue);
  }
  return result;
}

function addMoney(list: Money[], currency: string, cents: number): void {
  if (cents === 0) return;
  const found = list.find((m) => m.currency === currency);
  if (found) found.cents += cents;
  else list.push({ currency, cents });
}

const sortMoney = (list: Money[]) =>
  list.filter((m) => m.cents !== 0).sort((a, b) => b.cents - a.cents || a.currency.localeCompare(b.currency));

/** Revenue in one currency (0 when none was won in it). */
export const centsIn = (list: Money[], currency: string) => list.find((m) => m.currency === currency)?.cents ?? 0;

/** Stage-to-stage conversion: the later stage's count over the earlier's (cohort rule), null when nothing to divide. */
export interface Rates {
  leadToMql: number | null;
  mqlToSql: number | null;
  sqlToWon: number | null;
  leadToWon: number | null;
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function conversionRates(c: StageCounts): Rates {
  return {
    leadToMql: ratio(c.mql, c.created),
    mqlToSql: ratio(c.sql, c.mql),
    sqlToWon: ratio(c.won, c.sql),
    leadToWon: ratio(c.won, c.created),
  };
}

/** Relative change from the previous period: null when there is nothing to compare with. */
export function change(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / previous;
}

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

export const hasActivity = (c: StageCounts) => FUNNEL_STAGES.some((stage) => c[stage] > 0);
