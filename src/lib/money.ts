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

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
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

/** "$12,500.00", "¥1,200", "CHF 40.00". */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** The amount as a person would type it back into a form: "12500.5" -> "12500.50". */
export function amountText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
