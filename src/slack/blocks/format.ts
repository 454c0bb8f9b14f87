// How numbers, money, dates, durations, changes and periods read in Slack.
import { DateTime } from "luxon";
import type { Money } from "../../domain/funnel/figures.js";
import type { Period } from "../../domain/funnel/periods.js";
import { currencyFormat, formatMoney, minorDigits } from "../../lib/money.js";

const integer = new Intl.NumberFormat("en-US");

export const count = (n: number) => integer.format(n);

/** 0.333 -> "33%"; small shares keep one decimal (3.3%). */
export function percent(ratio: number | null): string {
  if (ratio === null) return "—";
  const value = ratio * 100;
  return `${Math.abs(value) < 10 && value !== 0 ? value.toFixed(1) : Math.round(value)}%`;
}

/** An exact amount ("$1,250.50", "¥1,250"); null -> "—". */
export const money = (cents: number | null, currency: string): string => (cents === null ? "—" : formatMoney(cents, currency));

/** An amount in whole units for compact summaries: "$12,000". */
export function wholeMoney(cents: number, currency: string): string {
  return currencyFormat(currency, true).format(cents / 10 ** minorDigits(currency));
}

/** Amounts in several currencies, never added up: `first` (the workspace's currency) first, then by code. */
export function inCurrencyOrder<T extends { currency: string }>(list: readonly T[], first: string): T[] {
  return [...list].sort((a, b) => (a.currency === first ? -1 : b.currency === first ? 1 : a.currency.localeCompare(b.currency)));
}

/** Several currencies: "$12,000 + €3,000"; none: "$0" in the workspace's currency. */
export function moneyList(list: Money[], fallbackCurrency: string): string {
  if (list.length === 0) return wholeMoney(0, fallbackCurrency);
  return inCurrencyOrder(list, fallbackCurrency)
    .map((m) => wholeMoney(m.cents, m.currency))
    .join(" + ");
}

/** Why a ratio of money has no figure: it would divide amounts in different currencies, and one has no rate. */
export const OTHER_CURRENCIES = "revenue in other currencies, no exchange rate set";

/** Said beside every figure converted at the workspace's exchange rates: "converted at the rates set on Dec 1, 2026". */
export const convertedAtText = (day: string | null): string => `converted at the rates set on ${day ? formatDay(day) : "—"}`;

/** 2.5 -> "2.5×"; null -> "—". */
export const times = (ratio: number | null): string => (ratio === null ? "—" : `${Math.round(ratio * 100) / 100}×`);

/** "2026-12-01" -> "Dec 1, 2026". */
export function formatDay(day: string): string {
  const date = DateTime.fromISO(day, { zone: "UTC" });
  return date.isValid ? date.toFormat("LLL d, yyyy") : day;
}

/** "Dec 1, 2026 – Jan 31, 2027", "from Dec 1, 2026", or "no dates". */
export function formatDays(startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn) return `${formatDay(startsOn)} – ${formatDay(endsOn)}`;
  if (startsOn) return `from ${formatDay(startsOn)}`;
  if (endsOn) return `until ${formatDay(endsOn)}`;
  return "no dates";
}

/**
 * The one duration style: 4_500_000 ms -> "1 h 15 min"; a day or more to the nearest hour ("2 d 4 h"); under a
 * minute: "<1 min".
 */
export function duration(ms: number | null, round: (n: number) => number = Math.round): string {
  if (ms === null) return "—";
  const minutes = round(Math.abs(ms) / 60_000);
  if (minutes < 1) return "<1 min";
  if (minutes >= 1440) {
    const hoursInAll = round(minutes / 60);
    const days = Math.floor(hoursInAll / 24);
    const hours = hoursInAll % 24;
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/** A bound ("90% within X"), rounded up so that it stays true: 71.5 hours -> "3 d", 61.5 minutes -> "1 h 2 min". */
export const durationAtMost = (ms: number | null) => duration(ms, Math.ceil);

/** Working minutes of an SLA as people say them: "4 working hours", "90 working minutes". */
export function slaLength(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} working hour${minutes === 60 ? "" : "s"}`;
  return `${minutes} working minutes`;
}

/** "3 leads", "1 lead". */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** What a change is compared with: "vs last week", "vs yesterday", "vs the period before". */
export function versus(period: Pick<Period, "unit">): string {
  switch (period.unit) {
    case "day":
      return "vs the day before";
    case "custom":
      return "vs the period before";
    default:
      return `vs last ${period.unit}`;
  }
}

/** The one way a change reads: "+6 vs last week", "-2 vs last week", "no change". `show` formats the difference. */
export function change(current: number, previous: number, vs: string, show: (n: number) => string = count): string {
  const delta = current - previous;
  if (delta === 0) return "no change";
  return `${delta > 0 ? "+" : "-"}${show(Math.abs(delta))} ${vs}`;
}

/** A rate's change in percentage points: "+4 pts vs last week", "no change"; nothing when either rate is unknown. */
export function pointsChange(current: number | null, previous: number | null, vs: string): string {
  if (current === null || previous === null) return "";
  const points = Math.round((current - previous) * 100);
  if (points === 0) return "no change";
  return `${points > 0 ? "+" : "-"}${Math.abs(points)} pts ${vs}`;
}

const SPARKS = "▁▂▃▄▅▆▇█";

/** A trend as a sparkline, oldest first, scaled to its own range; a period without a figure is "·". */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return values.map(() => "·").join("");
  const low = Math.min(...known);
  const span = Math.max(...known) - low;
  return values
    .map((v) => (v === null ? "·" : SPARKS[span === 0 ? (v === 0 ? 0 : 3) : Math.round(((v - low) / span) * (SPARKS.length - 1))]))
    .join("");
}

const local = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone }).setLocale("en-US");

/** "Week of Nov 16, 2026", "November 2026", "Q4 2026", "Mon, Nov 23, 2026", "Oct 1 – Oct 31, 2026"; "(so far)" while under way. */
export function periodLabel(period: Period): string {
  const start = local(period.start, period.zone);
  const lastDay = local(new Date(period.fullEnd.getTime() - 1), period.zone);
  const base =
    period.unit === "day"
      ? start.toFormat("ccc, LLL d, yyyy")
      : period.unit === "week"
        ? `Week of ${start.toFormat("LLL d, yyyy")}`
        : period.unit === "month"
          ? start.toFormat("LLLL yyyy")
          : period.unit === "quarter"
            ? `Q${start.quarter} ${start.year}`
            : `${start.toFormat(start.year === lastDay.year ? "LLL d" : "LLL d, yyyy")} – ${lastDay.toFormat("LLL d, yyyy")}`;
  return period.inProgress ? `${base} (so far)` : base;
}

/** A short label for a chart axis: "Nov 16", "Nov", "Q4", "Nov 23". */
export function shortPeriodLabel(period: Period): string {
  const start = local(period.start, period.zone);
  if (period.unit === "month") return start.toFormat("LLL yy");
  if (period.unit === "quarter") return `Q${start.quarter} ${start.toFormat("yy")}`;
  return start.toFormat("LLL d");
}

export function dateTimeLabel(date: Date, zone: string): string {
  return local(date, zone).toFormat("ccc, LLL d, HH:mm");
}
