// Money as integer minor units plus an ISO 4217 code. The number of minor-unit digits comes from Intl
// (USD 2, JPY 0, KWD 3), so amounts are parsed and shown right for every currency Node knows.

const KNOWN = new Set(Intl.supportedValuesOf("currency"));

/** Currencies most workspaces pick from first; any other ISO code is accepted too. */
export const COMMON_CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "CHF",
  "JPY",
  "INR",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "BRL",
  "MXN",
  "SGD",
  "NZD",
  "ZAR",
];

export function isCurrency(code: string): boolean {
  return KNOWN.has(code);
}

// Building an Intl.NumberFormat costs far more than using one, and a digest formats hundreds of amounts.
const formats = new Map<string, Intl.NumberFormat>();

/** The currency's formatter, `whole` without minor units; built once per currency. Throws on an unknown code. */
export function currencyFormat(currency: string, whole = false): Intl.NumberFormat {
  const key = `${currency}:${whole}`;
  let format = formats.get(key);
  if (!format) {
    const base = new Intl.NumberFormat("en-US", { style: "currency", currency });
    const digits = base.resolvedOptions().maximumFractionDigits ?? 2;
    format = whole
      ? new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 })
      : new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

export function minorDigits(currency: string): number {
  return currencyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; problem: "format" | "negative" | "decimals" };

/**
 * Reads an amount a person typed ("12500", "12,500.50", "12 500") into minor units. Commas, spaces and
 * underscores group thousands; a point separates decimals. Anything else is refused rather than guessed.
 */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const compact = text.trim().replace(/[\s_,]/g, "");
  if (/^-/.test(compact)) return { ok: false, problem: "negative" };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact);
  if (!match) return { ok: false, problem: "format" };
  const digits = minorDigits(currency);
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) return { ok: false, problem: "decimals" };
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? { ok: true, minor } : { ok: false, problem: "format" };
}

/** "$12,500.00", "¥1,200", "CHF 40.00"; a code Intl does not know reads "125.00 XYZ". */
export function formatMoney(minor: number, currency: string): string {
  try {
    return currencyFormat(currency).format(minor / 10 ** minorDigits(currency));
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** The amount as a person would type it back into a form: "12500.5" -> "12500.50". */
export function amountText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
