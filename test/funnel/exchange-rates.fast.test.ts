// The one conversion rule, with every figure worked out by hand: integers in minor units, each currency's total
// converted on its own and rounded to the nearest minor unit of the workspace's currency (halves away from zero).
import { describe, expect, it } from "vitest";
import { convertMinor, exchangeRates, normaliseRate, returnOnSpend, totalOf, totalsOf } from "../../src/domain/money/exchange-rates.js";

const SET = new Date("2026-12-01T23:30:00Z");
const row = (currency: string, rate: string) => ({ currency, rate, setAt: SET, setById: "U0ADMIN001" });
const usd = exchangeRates("USD", [row("EUR", "1.08"), row("JPY", "0.0067"), row("KWD", "3.2513")], "UTC");

describe("exchange rates", () => {
  it("reads a rate exactly as typed, refusing what is not a positive decimal", () => {
    expect(normaliseRate("1.08")).toBe("1.08");
    expect(normaliseRate(" 001.0800 ")).toBe("1.08");
    expect(normaliseRate("0,0067")).toBe("0.0067");
    expect(normaliseRate("150")).toBe("150");
    for (const bad of ["0", "0.000", "-1.2", "1e3", "abc", "", "1.2.3", "1.12345678901"]) expect(normaliseRate(bad)).toBeNull();
  });

  it("converts between currencies with different minor units without float drift", () => {
    // €1,234.57 × 1.08 = $1,333.3356 -> $1,333.34 (133,334 cents).
    expect(convertMinor(123_457, "EUR", usd)).toBe(133_334);
    // ¥3,000,000 × 0.0067 = $20,100.00 exactly.
    expect(convertMinor(3_000_000, "JPY", usd)).toBe(2_010_000);
    // ¥75 × 0.0067 = $0.5025 -> $0.50; ¥1 × 0.0067 = $0.0067 -> $0.01.
    expect(convertMinor(75, "JPY", usd)).toBe(50);
    expect(convertMinor(1, "JPY", usd)).toBe(1);
    // KWD has 3 decimals: 1.500 KWD × 3.2513 = $4.87695 -> $4.88.
    expect(convertMinor(1_500, "KWD", usd)).toBe(488);
    // A half cent rounds away from zero: €0.05 × 1.1 = $0.055 -> $0.06.
    const tenPercent = exchangeRates("USD", [row("EUR", "1.1")], "UTC");
    expect(convertMinor(5, "EUR", tenPercent)).toBe(6);
    // In floats 100 × 1.005 is 100.49999999999999 and would round down; exactly it is 100.5 -> 101 cents.
    expect(convertMinor(100, "EUR", exchangeRates("USD", [row("EUR", "1.005")], "UTC"))).toBe(101);
    // Into yen (no minor units): $10.00 at 150 = ¥1,500.
    expect(convertMinor(1_000, "USD", exchangeRates("JPY", [row("USD", "150")], "UTC"))).toBe(1_500);
    expect(convertMinor(100, "GBP", usd)).toBeNull();
  });

  it("adds amounts up only when every currency in them has a rate", () => {
    const mixed = [
      { currency: "USD", cents: 400_000 },
      { currency: "EUR", cents: 500_000 },
      { currency: "JPY", cents: 3_000_000 },
    ];
    // $4,000 + €5,000 × 1.08 ($5,400) + ¥3,000,000 × 0.0067 ($20,100) = $29,500.
    expect(totalOf(mixed, usd)).toEqual({ amounts: [{ currency: "USD", cents: 2_950_000 }], converted: true });
    const withPounds = [...mixed, { currency: "GBP", cents: 10_000 }];
    expect(totalOf(withPounds, usd)).toEqual({ amounts: withPounds, converted: false });
    expect(totalOf([{ currency: "USD", cents: 5 }], usd)).toEqual({ amounts: [{ currency: "USD", cents: 5 }], converted: false });
    // A period and the one before convert together or not at all.
    expect(totalsOf([mixed, [{ currency: "GBP", cents: 1 }]], usd).converted).toBe(false);
    expect(totalsOf([mixed, [{ currency: "USD", cents: 1 }]], usd).amounts).toEqual([
      [{ currency: "USD", cents: 2_950_000 }],
      [{ currency: "USD", cents: 1 }],
    ]);
  });

  it("divides revenue by budget in one currency, converting only when they differ", () => {
    // $1,000 budget, €5,000 won: $5,400 / $1,000 = 5.4.
    expect(returnOnSpend([{ currency: "EUR", cents: 500_000 }], { currency: "USD", cents: 100_000 }, usd)).toEqual({
      value: 5.4,
      gap: null,
      converted: true,
    });
    // ¥1,000,000 budget, ¥3,000,000 won: 3, no conversion needed.
    expect(returnOnSpend([{ currency: "JPY", cents: 3_000_000 }], { currency: "JPY", cents: 1_000_000 }, usd)).toEqual({
      value: 3,
      gap: null,
      converted: false,
    });
    // No GBP rate: no figure, and why.
    expect(returnOnSpend([{ currency: "GBP", cents: 100 }], { currency: "USD", cents: 100 }, usd)).toEqual({
      value: null,
      gap: "other_currencies",
      converted: false,
    });
    expect(returnOnSpend([], null, usd).gap).toBe("no_budget");
  });

  it("dates the rates by the day they were set in the workspace's zone", () => {
    expect(usd.setOn).toBe("2026-12-01");
    // 23:30 UTC is already Dec 2 in Tokyo.
    expect(exchangeRates("USD", [row("EUR", "1.08")], "Asia/Tokyo").setOn).toBe("2026-12-02");
    expect(exchangeRates("USD", [], "UTC").setOn).toBeNull();
  });
});
