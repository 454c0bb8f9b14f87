// What people type after /funnel to pick a period: "month", "last week", "2026-10-01..2026-10-31", ...
import { DateTime } from "luxon";
import { closestTo } from "../../lib/closest.js";
import { customPeriod, lastCompletePeriod, type Period, type PeriodUnit, periodToDate } from "./periods.js";

export const PERIOD_USAGE = "Try `/funnel month` or a range such as `/funnel 2026-10-01..2026-10-31`; `/funnel help` lists the rest.";

/** The longest custom range: a year and a day, so a leap year fits. */
export const MAX_RANGE_DAYS = 366;

export type ParsedPeriod = { ok: true; period: Period } | { ok: false; message: string };

const THIS: Record<string, PeriodUnit> = {
  "": "week",
  week: "week",
  "this week": "week",
  today: "day",
  day: "day",
  month: "month",
  "this month": "month",
  quarter: "quarter",
  "this quarter": "quarter",
};

const LAST: Record<string, PeriodUnit> = {
  yesterday: "day",
  "last week": "week",
  "last month": "month",
  "last quarter": "quarter",
};

const RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to|–|—)\s*(\d{4}-\d{2}-\d{2})$/;

/** Parses a period in the workspace's time zone; a message saying what would work when it cannot. */
export function parsePeriod(text: string, now: Date, zone: string): ParsedPeriod {
  const phrase = text.trim().toLowerCase().replace(/\s+/g, " ");
  const current = THIS[phrase];
  if (current) return { ok: true, period: periodToDate(current, now, zone) };
  const last = LAST[phrase];
  if (last) return { ok: true, period: lastCompletePeriod(last, now, zone) };
  const range = RANGE.exec(phrase);
  if (range) return parseRange(range[1] ?? "", range[2] ?? "", now, zone);
  const close = closestTo(phrase, [...Object.keys(THIS), ...Object.keys(LAST)].filter(Boolean));
  const hint = close ? `Did you mean \`/funnel ${close}\`? \`/funnel help\` lists the rest.` : PERIOD_USAGE;
  return { ok: false, message: `I can't read "${text.trim()}" as a period. ${hint}` };
}

/** True when the text is a period phrase (used to split "campaign Spring launch month" into name and period). */
export function isPeriodPhrase(text: string): boolean {
  const phrase = text.trim().toLowerCase().replace(/\s+/g, " ");
  return phrase in THIS || phrase in LAST || RANGE.test(phrase);
}

function parseRange(fromText: string, toText: string, now: Date, zone: string): ParsedPeriod {
  const from = DateTime.fromISO(fromText, { zone });
  const to = DateTime.fromISO(toText, { zone });
  for (const [text, date] of [
    [fromText, from],
    [toText, to],
  ] as const) {
    if (!date.isValid) return { ok: false, message: `${text} is not a date on the calendar. ${PERIOD_USAGE}` };
  }
  if (to < from) return { ok: false, message: `The range ends (${toText}) before it starts (${fromText}): put the earlier day first.` };
  if (to.diff(from, "days").days + 1 > MAX_RANGE_DAYS) {
    return { ok: false, message: `A range can cover at most ${MAX_RANGE_DAYS} days; ${fromText}..${toText} is longer.` };
  }
  if (from.toMillis() > now.getTime()) return { ok: false, message: `${fromText} is in the future, so there is nothing to count yet.` };
  return { ok: true, period: customPeriod(fromText, toText, zone, now) };
}
