// The alignment scorecard's rules: what "on track", "at risk" and "off track" mean for each line. Pure.

export type Status = "on_track" | "at_risk" | "off_track" | "no_data";

/** Thresholds, stated once (README and the tests read them from here). */
export const THRESHOLDS = {
  /** MQLs delivered / commitment pro-rated to date: on track from 100%, at risk from 80%. */
  mqls: { onTrack: 1, atRisk: 0.8 },
  /** Acceptance rate: on track at or above the agreed target, at risk up to 10 points below it. */
  acceptance: { atRiskBelowTarget: 0.1 },
  /**
   * Speed to lead: on track when the median handoff was answered by its working-hours deadline, at risk when it
   * was late by at most a quarter of the response SLA, counted in working hours like the SLA.
   */
  speed: { atRiskLateShareOfSla: 0.25 },
  /** Share of handoffs answered within the SLA: on track from 90%, at risk from 75%. */
  withinSla: { onTrack: 0.9, atRisk: 0.75 },
  /** Revenue from marketing-sourced leads against the average of the previous three periods (pro-rated). */
  marketingRevenue: { onTrack: 1, atRisk: 0.75 },
} as const;

const byRatio = (value: number, onTrack: number, atRisk: number): Status =>
  value >= onTrack ? "on_track" : value >= atRisk ? "at_risk" : "off_track";

export function mqlStatus(mqls: number, targetToDate: number): Status {
  if (targetToDate <= 0) return mqls > 0 ? "on_track" : "no_data";
  return byRatio(mqls / targetToDate, THRESHOLDS.mqls.onTrack, THRESHOLDS.mqls.atRisk);
}

export function acceptanceStatus(rate: number | null, target: number): Status {
  if (rate === null) return "no_data";
  return byRatio(rate, target, target - THRESHOLDS.acceptance.atRiskBelowTarget);
}

/**
 * `medianMarginMs`: median of the working time from each accepted handoff's deadline to its answer (negative:
 * before it; see working-margin.ts); without it, the median speed itself is compared with the SLA.
 */
export function speedStatus(medianSpeedMs: number | null, medianMarginMs: number | null, slaMinutes: number): Status {
  if (medianSpeedMs === null) return "no_data";
  const slaMs = slaMinutes * 60_000;
  const late = medianMarginMs ?? medianSpeedMs - slaMs;
  if (late <= 0) return "on_track";
  return late <= slaMs * THRESHOLDS.speed.atRiskLateShareOfSla ? "at_risk" : "off_track";
}

export function withinSlaStatus(share: number | null): Status {
  if (share === null) return "no_data";
  return byRatio(share, THRESHOLDS.withinSla.onTrack, THRESHOLDS.withinSla.atRisk);
}

/** `expected`: the previous periods' average, pro-rated to the part of this period that has passed. */
export function marketingRevenueStatus(cents: number, expected: number): Status {
  if (expected <= 0) return cents > 0 ? "on_track" : "no_data";
  return byRatio(cents / expected, THRESHOLDS.marketingRevenue.onTrack, THRESHOLDS.marketingRevenue.atRisk);
}
