// The one place money in different currencies is converted. Rates are decimals kept as text ("1.08": one EUR
// is 1.08 of the workspace's currency); arithmetic is in BigInt minor units, so no float ever touches an amount.
// Rounding: each currency's total is converted on its own and rounded to the nearest minor unit of the
// workspace's currency (halves away from zero), then the converted totals are added.
import { DateTime } from "luxon";
import { minorDigits } from "../../lib/money.js";

export interface Money {
  currency: string;
  cents: number;
}

export interface ExchangeRate {
  currency: string;
  /** Positive decimal text, normalised: "1.08", "0.0064". */
  rate: string;
  setAt: Date;
  setById: string;
}

export interface ExchangeRates {
  /** The workspace's currency: every rate converts into it. */
  base: string;
  rates: ReadonlyMap<string, ExchangeRate>;
  /** The day (ISO, in the workspace's zone) the rates were last set; null without rates. */
  setOn: string | null;
}

export function exchangeRates(base: string, rows: ExchangeRate[], zone: string): ExchangeRates {
  const rates = new Map(rows.filter((r) => r.currency !== base).map((r) => [r.currency, r]));
  const latest = rows.reduce<Date | null>((max, r) => (max === null || r.setAt > max ? r.setAt : max), null);
  return { base, rates, setOn: latest ? DateTime.fromJSDate(latest, { zone }).toISODate() : null };
}

export const noRates = (base: string): ExchangeRates => ({ base, rates: new Map(), setOn: null });

const RATE = /^(\d{1,12})(?:\.(\d{1,10}))?$/;

/** "1.08" -> "1.08", "0,5" -> "0.5", "1.0800" -> "1.08"; null when not a positive decimal Baton can hold exactly. */
export function normaliseRate(text: string): string | null {
  const match = RATE.exec(text.trim().replace(",", "."));
  if (!match) return null;
  const whole = (match[1] ?? "0").replace(/^0+(?=\d)/, "");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (/^0*$/.test(whole + fraction)) return null;
  return fraction ? `${whole}.${fraction}` : whole;
}

/** `numerator / 10^scale` = the rate, exactly. */
function rateFraction(rate: string): { numerator: bigint; scale: number } {
  const [whole = "0", fraction = ""] = rate.split(".");
  return { numerator: BigInt(whole + fraction), scale: fraction.length };
}

/** `n / d` rounded to the nearest integer, halves away from zero. */
function divideRounded(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d + ((abs % d) * 2n >= d ? 1n : 0n);
  return negative ? -q : q;
}

/** `minor` units of `from` in minor units of the workspace's currency; null without a rate for `from`. */
export function convertMinor(minor: number, from: string, rates: ExchangeRates): number | null {
  if (from === rates.base) return minor;
  const rate = rates.rates.get(from);
  if (!rate) return null;
  const { numerator, scale } = rateFraction(rate.rate);
  const shift = minorDigits(rates.base) - minorDigits(from) - scale;
  const scaled = BigInt(minor) * numerator;
  const result = shift >= 0 ? scaled * 10n ** BigInt(shift) : divideRounded(scaled, 10n ** BigInt(-shift));
  return Number(result);
}

export interface Total {
  /** One amount in the workspace's currency when `converted`; otherwise the amounts as they were, apart. */
  amounts: Money[];
  /** True when amounts in other currencies than the workspace's were converted into it. */
  converted: boolean;
}

/**
 * Amounts in several currencies as one total in the workspace's currency, when there is a rate for each; else
 * left apart, as they were (never part of them added up, never any left out).
 */
export function totalOf(list: readonly Money[], rates: ExchangeRates): Total {
  const foreign = list.filter((m) => m.currency !== rates.base && m.cents !== 0);
  if (foreign.length === 0 || foreign.some((m) => !rates.rates.has(m.currency))) return { amounts: [...list], converted: false };
  const cents = list.reduce((sum, m) => sum + (convertMinor(m.cents, m.currency, rates) ?? 0), 0);
  return { amounts: cents === 0 ? [] : [{ currency: rates.base, cents }], converted: true };
}

export type ReturnOnSpendGap = "no_budget" | "other_currencies";

export interface ReturnOnSpend {
  value: number | null;
  gap: ReturnOnSpendGap | null;
  /** Revenue or budget was converted at the workspace's rates to divide them. */
  converted: boolean;
}

/**
 * Revenue / budget. Revenue all in the budget's currency divides as it is; otherwise both are converted into the
 * workspace's currency, and without a rate for each there is no figure ("other_currencies": it would be built
 * from part of the money).
 */
export function returnOnSpend(revenue: readonly Money[], budget: Money | null, rates: ExchangeRates): ReturnOnSpend {
  if (!budget || budget.cents <= 0) return { value: null, gap: "no_budget", converted: false };
  const won = revenue.filter((m) => m.cents !== 0);
  if (won.every((m) => m.currency === budget.currency)) {
    const cents = won.reduce((sum, m) => sum + m.cents, 0);
    return { value: cents / budget.cents, gap: null, converted: false };
  }
  const total = totalOf(won, rates);
  const convertedBudget = convertMinor(budget.cents, budget.currency, rates);
  if (!total.converted && won.some((m) => m.currency !== rates.base)) return { value: null, gap: "other_currencies", converted: false };
  if (convertedBudget === null || convertedBudget <= 0) return { value: null, gap: "other_currencies", converted: false };
  const cents = total.amounts.reduce((sum, m) => sum + m.cents, 0);
  return { value: cents / convertedBudget, gap: null, converted: true };
}

/**
 * Several totals that are read against each other (a period and the one before, a trend): all converted when
 * each can be, else all left apart, so an arrow never compares a converted total with part of one.
 */
export function totalsOf(lists: readonly (readonly Money[])[], rates: ExchangeRates): { amounts: Money[][]; converted: boolean } {
  const totals = lists.map((list) => totalOf(list, rates));
  const allConvert = totals.every((t) => t.converted || t.amounts.every((m) => m.currency === rates.base || m.cents === 0));
  if (!allConvert || !totals.some((t) => t.converted)) return { amounts: lists.map((list) => [...list]), converted: false };
  return { amounts: totals.map((t) => t.amounts), converted: true };
}
