// Working-hours arithmetic for SLA clocks and rotation availability, in a given IANA time zone (luxon).
import { DateTime, IANAZone } from "luxon";

export interface WorkingHours {
  /** IANA time zone the hours are read in. */
  zone: string;
  /** Minutes after local midnight: 540 = 09:00. */
  startMinute: number;
  /** Minutes after local midnight, after startMinute: 1020 = 17:00. */
  endMinute: number;
  /** ISO weekdays worked, 1 = Monday ... 7 = Sunday. */
  days: readonly number[];
}

export const DEFAULT_WORK_DAYS: readonly number[] = [1, 2, 3, 4, 5];

// Ten years of days: far beyond any deadline, but a bound in case of an impossible calendar.
const MAX_DAYS = 3660;

function isUsable(hours: WorkingHours): boolean {
  return hours.days.length > 0 && hours.endMinute > hours.startMinute;
}

/** The working window of the local day `day` falls in, read with wall-clock times so DST days stay 09:00-17:00. */
function windowOf(day: DateTime, hours: WorkingHours): { start: DateTime; end: DateTime } | undefined {
  if (!hours.days.includes(day.weekday)) return undefined;
  const at = (minute: number) => day.startOf("day").set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
  return { start: at(hours.startMinute), end: at(hours.endMinute) };
}

/** The moment `minutes` working minutes after `from`: nights, weekends and non-working days do not count. */
export function addWorkingMinutes(from: Date, minutes: number, hours: WorkingHours): Date {
  if (!isUsable(hours)) throw new Error("working hours need at least one day and an end after the start");
  let cursor: DateTime = DateTime.fromJSDate(from, { zone: hours.zone });
  let remaining = Math.max(0, minutes);
  for (let i = 0; i < MAX_DAYS; i++) {
    const window = windowOf(cursor, hours);
    if (window && cursor < window.end) {
      if (cursor < window.start) cursor = window.start;
      const available = window.end.diff(cursor, "minutes").minutes;
      if (remaining <= available) return cursor.plus({ minutes: remaining }).toJSDate();
      remaining -= available;
    }
    cursor = cursor.plus({ days: 1 }).startOf("day");
  }
  throw new Error("no working time found within ten years");
}

/** Working minutes between two moments (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, hours: WorkingHours): number {
  if (!isUsable(hours) || to <= from) return 0;
  const end = DateTime.fromJSDate(to, { zone: hours.zone });
  let cursor: DateTime = DateTime.fromJSDate(from, { zone: hours.zone });
  let total = 0;
  for (let i = 0; i < MAX_DAYS && cursor < end; i++) {
    const window = windowOf(cursor, hours);
    if (window) {
      const start = DateTime.max(cursor, window.start);
      const stop = DateTime.min(end, window.end);
      if (stop > start) total += stop.diff(start, "minutes").minutes;
    }
    cursor = cursor.plus({ days: 1 }).startOf("day");
  }
  return Math.round(total);
}

/** True when `at` falls inside a working window. */
export function isWorkingTime(at: Date, hours: WorkingHours): boolean {
  if (!isUsable(hours)) return false;
  const local = DateTime.fromJSDate(at, { zone: hours.zone });
  const window = windowOf(local, hours);
  return window !== undefined && local >= window.start && local < window.end;
}

/** The calendar date (yyyy-MM-dd) of `at` in a zone: daily caps reset at each rep's local midnight. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? "";
}

export function isValidZone(zone: string | null | undefined): zone is string {
  return typeof zone === "string" && IANAZone.isValidZone(zone);
}
