// How an answer stood against its deadline on the SLA's own clock, working hours: pure, tested on its own.
import type { AnsweredHandoff } from "../../db/funnel-handoffs.js";
import { type WorkingHours, workingMinutesBetween } from "../../lib/working-hours.js";

/**
 * Working minutes from the deadline to the answer, negative when answered before it (a night or a weekend in
 * between does not count). Without a deadline: the working minutes the answer took, less the SLA.
 */
export function workingMarginMinutes(handoff: AnsweredHandoff, hours: WorkingHours, slaMinutes: number): number {
  const { decidedAt, slaDueAt } = handoff;
  if (!slaDueAt) return workingMinutesBetween(handoff.handedOffAt, decidedAt, hours) - slaMinutes;
  return decidedAt <= slaDueAt ? -workingMinutesBetween(decidedAt, slaDueAt, hours) : workingMinutesBetween(slaDueAt, decidedAt, hours);
}

/** The median by nearest rank, as the database computes it: the value at rank ceil(n / 2) of the sorted values. */
export function nearestRankMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length + 1) / 2) - 1] ?? null;
}
