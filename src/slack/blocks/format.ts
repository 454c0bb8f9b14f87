// How Baton writes values in messages: days, money, rates, reasons.
import { DateTime } from "luxon";
import { formatMoney } from "../../lib/money.js";

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

export const money = (cents: number | null, currency: string): string => (cents === null ? "—" : formatMoney(cents, currency));

/** 0.666 -> "67%"; null -> "—". */
export const percent = (rate: number | null): string => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** 2.5 -> "2.5×"; null -> "—". */
export const times = (ratio: number | null): string => (ratio === null ? "—" : `${Math.round(ratio * 100) / 100}×`);

/** A reason key as a person reads it: "unable_to_reach" -> "Unable to reach". */
export function reasonLabel(key: string): string {
  const words = key.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
