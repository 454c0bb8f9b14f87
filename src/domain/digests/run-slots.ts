// The times a node-cron expression fires in a time zone: the next one after a moment (a schedule's next due
// time), and those looking back from a moment (catching up on missed digests). Candidates come from the
// expression's fields and are checked with node-cron's own matcher, and local times become instants exactly as
// node-cron does it (localTimeToTimestamp in node-cron 4.6), so a slot found here has the same ISO string, and so
// the same run key, as node-cron would fire for.
import { DateTime } from "luxon";
import { createTask, parse } from "node-cron";

export function slotsBetween(cron: string, zone: string, after: Date, until: Date, limit = 20): Date[] {
  const fields = parse(cron);
  const desc = (values: number[]) => [...values].sort((a, b) => b - a);
  const [hours, minutes, seconds] = [desc(fields.hour), desc(fields.minute), desc(fields.second)];
  const matcher = createTask(cron, () => undefined, { timezone: zone });
  const slots: Date[] = [];
  try {
    const first = DateTime.fromJSDate(after, { zone }).startOf("day");
    for (
      let day = DateTime.fromJSDate(until, { zone }).startOf("day");
      day >= first && slots.length < limit;
      day = day.minus({ days: 1 })
    ) {
      for (const hour of hours) {
        for (const minute of minutes) {
          for (const second of seconds) {
            if (slots.length >= limit) return slots;
            const ts = localTimeToTimestamp({ year: day.year, month: day.month, day: day.day, hour, minute, second }, zone);
            if (ts > until.getTime() || ts <= after.getTime()) continue;
            if (slots.some((s) => s.getTime() === ts)) continue;
            if (matcher.match(new Date(ts))) slots.push(new Date(ts));
          }
        }
      }
    }
    return slots;
  } finally {
    void matcher.destroy();
  }
}

/** How far ahead the next slot is looked for: past it (a 29 February that falls on a Monday) there is none. */
const HORIZON_DAYS = 366 * 30;

/** The first time the expression fires strictly after `after`, in `zone`; null if none within the horizon. */
export function nextSlotAfter(cron: string, zone: string, after: Date): Date | null {
  const fields = parse(cron);
  const asc = (values: number[]) => [...values].sort((a, b) => a - b);
  const [hours, minutes, seconds] = [asc(fields.hour), asc(fields.minute), asc(fields.second)];
  // Plain numbers only: a day the matcher would refuse anyway is not walked through second by second.
  const days = fields.dayOfMonth.every((d) => typeof d === "number") ? new Set(fields.dayOfMonth) : null;
  const weekdays = fields.dayOfWeek.every((d) => typeof d === "number") ? new Set(fields.dayOfWeek) : null;
  const matcher = createTask(cron, () => undefined, { timezone: zone });
  try {
    let day = DateTime.fromJSDate(after, { zone }).startOf("day");
    for (let i = 0; i < HORIZON_DAYS; i++, day = day.plus({ days: 1 })) {
      if (!fields.month.includes(day.month)) continue;
      if (days && !days.has(day.day)) continue;
      if (weekdays && !weekdays.has(day.weekday % 7)) continue;
      for (const hour of hours) {
        for (const minute of minutes) {
          for (const second of seconds) {
            const ts = localTimeToTimestamp({ year: day.year, month: day.month, day: day.day, hour, minute, second }, zone);
            if (ts > after.getTime() && matcher.match(new Date(ts))) return new Date(ts);
          }
        }
      }
    }
    return null;
  } finally {
    void matcher.destroy();
  }
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const offsetAt = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

function readsBackTo(ms: number, t: LocalTime, zone: string): boolean {
  const d = DateTime.fromMillis(ms, { zone });
  return d.year === t.year && d.month === t.month && d.day === t.day && d.hour === t.hour && d.minute === t.minute && d.second === t.second;
}

/** node-cron's choice of instant for a local time: in a DST gap, after it; when a time happens twice, its pick. */
function localTimeToTimestamp(t: LocalTime, zone: string): number {
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, 0);
  const firstOffset = offsetAt(guess, zone);
  const candidate1 = guess - firstOffset * 60_000;
  const secondOffset = offsetAt(candidate1, zone);
  if (secondOffset === firstOffset) return candidate1;
  const candidate2 = guess - secondOffset * 60_000;
  if (readsBackTo(candidate1, t, zone)) return candidate1;
  if (readsBackTo(candidate2, t, zone)) return candidate2;
  return Math.max(candidate1, candidate2);
}
