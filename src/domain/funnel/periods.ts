// Reporting periods in a workspace's time zone. A period is [start, end): start inclusive, end exclusive.
import { DateTime, type DurationLikeObject } from "luxon";

export const PERIOD_UNITS = ["day", "week", "month", "quarter"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Period {
  /** A calendar unit, or "custom" for a range of whole days. */
  unit: PeriodUnit | "custom";
  start: Date;
  /** Exclusive. For a period still under way this is "now", not the end of the unit. */
  end: Date;
  /** Exclusive end of the whole unit or range, even when `end` was cut at "now". */
  fullEnd: Date;
  /** IANA zone the boundaries were drawn in. */
  zone: string;
  /** True when the period was cut at "now" (this week so far). */
  inProgress: boolean;
}

const at = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone });
const oneUnit = (unit: PeriodUnit): DurationLikeObject => ({ [`${unit}s`]: 1 });

/** The whole calendar unit (ISO week: Monday to Sunday) that contains `instant`. */
export function calendarPeriod(unit: PeriodUnit, instant: Date, zone: string): Period {
  const start = at(instant, zone).startOf(unit);
  const end = start.plus(oneUnit(unit)).toJSDate();
  return { unit, start: start.toJSDate(), end, fullEnd: end, zone, inProgress: false };
}

/** The unit containing `now`, up to `now`: "this week so far". */
export function periodToDate(unit: PeriodUnit, now: Date, zone: string): Period {
  const full = calendarPeriod(unit, now, zone);
  return { ...full, end: now, inProgress: true };
}

/** The last complete unit before the one containing `instant`: "last week" on any day of this week. */
export function lastCompletePeriod(unit: PeriodUnit, instant: Date, zone: string): Period {
  const start = at(instant, zone).startOf(unit).minus(oneUnit(unit));
  return calendarPeriod(unit, start.toJSDate(), zone);
}

/** Whole days from `fromDay` to `toDay` inclusive (ISO dates), cut at `now` if it reaches past it. */
export function customPeriod(fromDay: string, toDay: string, zone: string, now: Date): Period {
  const start = DateTime.fromISO(fromDay, { zone }).startOf("day");
  const end = DateTime.fromISO(toDay, { zone }).startOf("day").plus({ days: 1 });
  const cut = end.toMillis() > now.getTime();
  return { unit: "custom", start: start.toJSDate(), end: cut ? now : end.toJSDate(), fullEnd: end.toJSDate(), zone, inProgress: cut };
}

/**
 * The period to compare with: the previous unit of the same kind, cut to the same elapsed time when this one is
 * still under way (this week so far against last week up to the same weekday and hour); for a custom range, the
 * same number of days just before it.
 */
export function previousPeriod(period: Period): Period {
  const { zone } = period;
  const start = at(period.start, zone);
  const end = at(period.end, zone);
  if (period.unit === "custom") {
    const days = Math.round(at(period.fullEnd, zone).diff(start, "days").days);
    const prevStart = start.minus({ days });
    const prevEnd = period.inProgress ? end.minus({ days }) : start;
    return { unit: "custom", start: prevStart.toJSDate(), end: prevEnd.toJSDate(), fullEnd: start.toJSDate(), zone, inProgress: false };
  }
  const prevStart = start.minus(oneUnit(period.unit));
  if (!period.inProgress) return calendarPeriod(period.unit, prevStart.toJSDate(), zone);
  // The same local day and time one unit back (calendar arithmetic: a DST change in either period moves nothing).
  const prevEnd = DateTime.max(prevStart, DateTime.min(end.minus(oneUnit(period.unit)), start));
  return { unit: period.unit, start: prevStart.toJSDate(), end: prevEnd.toJSDate(), fullEnd: start.toJSDate(), zone, inProgress: false };
}

/**
 * `count` periods ending with `period`, oldest first: the whole units before it and then the period itself
 * (which may be under way). For custom ranges, back-to-back ranges of the same length.
 */
export function trailingPeriods(period: Period, count: number): Period[] {
  const periods: Period[] = [period];
  let cursor = period;
  while (periods.length < count) {
    cursor =
      cursor.unit === "custom"
        ? previousPeriod({ ...cursor, end: cursor.fullEnd, inProgress: false })
        : lastCompletePeriod(cursor.unit, cursor.start, cursor.zone);
    periods.unshift(cursor);
  }
  return periods;
}

/** The calendar month that holds the last moment of the period, and how much of it the period has covered. */
export function monthToDate(period: Period): { start: Date; end: Date; elapsed: number } {
  const last = at(new Date(period.end.getTime() - 1), period.zone);
  const start = last.startOf("month");
  const monthEnd = start.plus({ months: 1 });
  const elapsed = Math.min(1, (period.end.getTime() - start.toMillis()) / (monthEnd.toMillis() - start.toMillis()));
  return { start: start.toJSDate(), end: period.end, elapsed };
}

/** The share of a month that a period of this length is: a week is 7/30.4 of the monthly MQL commitment. */
export function shareOfMonth(period: Period): number {
  const days = (period.end.getTime() - period.start.getTime()) / 86_400_000;
  return days / (365.25 / 12);
}
