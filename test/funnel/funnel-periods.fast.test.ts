import { describe, expect, it } from "vitest";
import { isPeriodPhrase, parsePeriod } from "../../src/domain/funnel/parse-period.js";
import {
  calendarPeriod,
  customPeriod,
  lastCompletePeriod,
  type Period,
  periodToDate,
  previousPeriod,
  trailingPeriods,
} from "../../src/domain/funnel/periods.js";

const BERLIN = "Europe/Berlin";
const NY = "America/New_York";
// Wednesday 2026-11-25 15:30 in Berlin (CET, UTC+1).
const NOW = new Date("2026-11-25T14:30:00Z");
const iso = (p: Period) => [p.start.toISOString(), p.end.toISOString()];

function parsed(text: string, zone = BERLIN): Period {
  const result = parsePeriod(text, NOW, zone);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

describe("periods in the workspace's time zone", () => {
  it("starts weeks on Monday at local midnight and cuts this week at now", () => {
    expect(iso(parsed(""))).toEqual(["2026-11-22T23:00:00.000Z", NOW.toISOString()]);
    expect(parsed("this week")).toMatchObject({ unit: "week", inProgress: true });
    expect(parsed("week").fullEnd.toISOString()).toBe("2026-11-29T23:00:00.000Z");
  });

  it("reads today, yesterday, month, quarter and their last-complete forms", () => {
    expect(iso(parsed("today"))).toEqual(["2026-11-24T23:00:00.000Z", NOW.toISOString()]);
    expect(iso(parsed("yesterday"))).toEqual(["2026-11-23T23:00:00.000Z", "2026-11-24T23:00:00.000Z"]);
    expect(iso(parsed("last week"))).toEqual(["2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"]);
    expect(iso(parsed("month"))).toEqual(["2026-10-31T23:00:00.000Z", NOW.toISOString()]);
    // October ends on CET: its first instant is CEST (UTC+2), its end CET (UTC+1).
    expect(iso(parsed("Last  Month"))).toEqual(["2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"]);
    expect(iso(parsed("quarter"))).toEqual(["2026-09-30T22:00:00.000Z", NOW.toISOString()]);
    expect(iso(parsed("last quarter"))).toEqual(["2026-06-30T22:00:00.000Z", "2026-09-30T22:00:00.000Z"]);
  });

  it("reads a range of whole days, inclusive, in the zone; cut at now when it reaches past it", () => {
    expect(iso(parsed("2026-10-01..2026-10-31"))).toEqual(["2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"]);
    expect(iso(parsed("2026-10-01..2026-10-31", NY))).toEqual(["2026-10-01T04:00:00.000Z", "2026-11-01T04:00:00.000Z"]);
    expect(iso(parsed("2026-11-20 to 2026-11-30"))).toEqual(["2026-11-19T23:00:00.000Z", NOW.toISOString()]);
    expect(parsed("2026-11-20..2026-11-30")).toMatchObject({ unit: "custom", inProgress: true });
    expect(parsed("2026-11-24..2026-11-24").start.toISOString()).toBe("2026-11-23T23:00:00.000Z");
  });

  it("explains what is wrong with a period it cannot read", () => {
    const message = (text: string) => {
      const result = parsePeriod(text, NOW, BERLIN);
      return result.ok ? "ok" : result.message;
    };
    expect(message("fortnight")).toBe(
      'I can\'t read "fortnight" as a period. Try `/funnel month` or a range such as `/funnel 2026-10-01..2026-10-31`; `/funnel help` lists the rest.',
    );
    expect(message("last mnth")).toBe(
      'I can\'t read "last mnth" as a period. Did you mean `/funnel last month`? `/funnel help` lists the rest.',
    );
    expect(message("2026-02-30..2026-03-01")).toContain("2026-02-30 is not a date on the calendar");
    expect(message("2026-10-31..2026-10-01")).toContain("ends (2026-10-01) before it starts (2026-10-31)");
    expect(message("2024-01-01..2026-01-01")).toContain("at most 366 days");
    expect(message("2027-01-01..2027-01-31")).toContain("is in the future");
    expect(message("next week")).toContain("/funnel last week");
  });

  it("recognises period phrases at the end of a campaign name", () => {
    expect(["month", "last week", "2026-10-01..2026-10-31", "YESTERDAY"].every(isPeriodPhrase)).toBe(true);
    expect(isPeriodPhrase("spring")).toBe(false);
  });
});

describe("the period to compare with", () => {
  it("is the previous whole unit for a complete period", () => {
    const lastWeek = lastCompletePeriod("week", NOW, BERLIN);
    expect(iso(previousPeriod(lastWeek))).toEqual(["2026-11-08T23:00:00.000Z", "2026-11-15T23:00:00.000Z"]);
    const october = calendarPeriod("month", new Date("2026-10-10T00:00:00Z"), BERLIN);
    expect(iso(previousPeriod(october))).toEqual(["2026-08-31T22:00:00.000Z", "2026-09-30T22:00:00.000Z"]);
  });

  it("is the previous unit up to the same elapsed time for a period under way", () => {
    // This week so far: Monday 00:00 to Wednesday 15:30; last week to its Wednesday 15:30.
    expect(iso(previousPeriod(periodToDate("week", NOW, BERLIN)))).toEqual(["2026-11-15T23:00:00.000Z", "2026-11-18T14:30:00.000Z"]);
    // Across the DST change: this month so far (CET) against October to the same local day and hour (CEST).
    expect(iso(previousPeriod(periodToDate("month", NOW, BERLIN)))).toEqual(["2026-09-30T22:00:00.000Z", "2026-10-25T14:30:00.000Z"]);
  });

  it("is the same number of days just before a custom range", () => {
    const range = customPeriod("2026-10-10", "2026-10-19", BERLIN, NOW);
    expect(iso(previousPeriod(range))).toEqual(["2026-09-29T22:00:00.000Z", "2026-10-09T22:00:00.000Z"]);
  });

  it("lists the last periods oldest first, the last one being the period itself", () => {
    const weeks = trailingPeriods(periodToDate("week", NOW, BERLIN), 4);
    expect(weeks.map((p) => p.start.toISOString())).toEqual([
      "2026-11-01T23:00:00.000Z",
      "2026-11-08T23:00:00.000Z",
      "2026-11-15T23:00:00.000Z",
      "2026-11-22T23:00:00.000Z",
    ]);
    expect(weeks.slice(0, 3).every((p) => !p.inProgress)).toBe(true);
    const ranges = trailingPeriods(customPeriod("2026-11-20", "2026-11-29", BERLIN, NOW), 3);
    expect(ranges.map((p) => p.start.toISOString())).toEqual([
      "2026-10-30T23:00:00.000Z",
      "2026-11-09T23:00:00.000Z",
      "2026-11-19T23:00:00.000Z",
    ]);
  });
});
