// How an answer stood against its deadline on the SLA's own clock, working hours: pure, tested on its own.
import { DateTime } from "luxon";
import type { AnsweredHandoff } from "../../db/funnel-handoffs.js";
import type { WorkingHours } from "../../lib/working-hours.js";

/** Working minutes between two moments (0 when `to` is not after `from`). */
export type WorkingMeter = (from: Date, to: Date) => number;

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;

/**
 * A meter of working time over the span of `moments`: each local day's working window is read once (with luxon,
 * so daylight-saving days keep their 09:00-17:00), then every question is a binary search. A period's thousands
 * of handoffs cost a few milliseconds instead of a calendar walk each. Agrees with lib/working-hours.ts.
 */
export function workingMeter(hours: WorkingHours, moments: readonly Date[]): WorkingMeter {
  const starts: number[] = [];
  const ends: number[] = [];
  const before: number[] = []; // working ms in the windows before each one
  if (moments.length > 0 && hours.days.length > 0 && hours.endMinute > hours.startMinute) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const m of moments) {
      first = Math.min(first, m.getTime());
      last = Math.max(last, m.getTime());
    }
    let day = DateTime.fromMillis(first - DAY_MS, { zone: hours.zone }).startOf("day");
    let total = 0;
    for (let i = 0; i < MAX_DAYS && day.toMillis() <= last + DAY_MS; i++) {
      if (hours.days.includes(day.weekday)) {
        const at = (minute: number) =>
          day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
        const start = at(hours.startMinute);
        const end = at(hours.endMinute);
        starts.push(start);
        ends.push(end);
        before.push(total);
        total += end - start;
      }
      day = day.plus({ days: 1 }).startOf("day");
    }
  }
  /** Working ms from the first window to `t`. */
  const upTo = (t: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return 0;
    const start = starts[found] ?? 0;
    return (before[found] ?? 0) + Math.min(t, ends[found] ?? start) - start;
  };
  return (from, to) => (to <= from ? 0 : Math.round((upTo(to.getTime()) - upTo(from.getTime())) / 60_000));
}

/**
 * Working minutes from the deadline to the answer, negative when answered before it (a night or a weekend in
 * between does not count). Without a deadline: the working minutes the answer took, less the SLA.
 */
export function workingMarginMinutes(handoff: AnsweredHandoff, meter: WorkingMeter, slaMinutes: number): number {
  const { decidedAt, slaDueAt } = handoff;
  if (!slaDueAt) return meter(handoff.handedOffAt, decidedAt) - slaMinutes;
  return decidedAt <= slaDueAt ? -meter(decidedAt, slaDueAt) : meter(slaDueAt, decidedAt);
}

/** Every answer's working margin (see workingMarginMinutes), with one meter for them all. */
export function workingMargins(handoffs: readonly AnsweredHandoff[], hours: WorkingHours, slaMinutes: number): number[] {
  const meter = workingMeter(
    hours,
    handoffs.flatMap((h) => [h.handedOffAt, h.decidedAt, ...(h.slaDueAt ? [h.slaDueAt] : [])]),
  );
  return handoffs.map((h) => workingMarginMinutes(h, meter, slaMinutes));
}

/** The median by nearest rank, as the database computes it: the value at rank ceil(n / 2) of the sorted values. */
export function nearestRankMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length + 1) / 2) - 1] ?? null;
}
