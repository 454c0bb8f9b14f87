// The scorecard's clock for "before / past the deadline": working hours, as the SLA counts them. Pure.
import { describe, expect, it } from "vitest";
import { nearestRankMedian, workingMargins, workingMeter } from "../../src/domain/funnel/working-margin.js";
import { type WorkingHours, workingMinutesBetween } from "../../src/lib/working-hours.js";
import { at } from "./fixtures.js";

const ZONE = "America/New_York";
const HOURS: WorkingHours = { zone: ZONE, startMinute: 540, endMinute: 1020, days: [1, 2, 3, 4, 5] };
const t = (local: string) => at(local, ZONE);

describe("an answer against its deadline in working time", () => {
  it("counts only working hours between the deadline and a late answer", () => {
    // Due Friday 16:00, answered Monday 10:00: 16:00-17:00 Friday and 09:00-10:00 Monday, 2 hours (66 on the clock).
    const late = { handedOffAt: t("2026-11-20T12:00"), slaDueAt: t("2026-11-20T16:00"), decidedAt: t("2026-11-23T10:00") };
    expect(workingMargins([late], HOURS, 240)).toEqual([120]);
  });

  it("is negative for an answer before its deadline, across a weekend", () => {
    // Answered Friday 15:30, due Monday 09:30: 90 minutes on Friday and 30 on Monday before the deadline.
    const early = { handedOffAt: t("2026-11-20T13:30"), slaDueAt: t("2026-11-23T09:30"), decidedAt: t("2026-11-20T15:30") };
    expect(workingMargins([early], HOURS, 240)).toEqual([-120]);
  });

  it("compares the working time taken with the SLA when there was no deadline", () => {
    // Monday 09:00 to 15:00 is 6 working hours, 2 more than the 4 of the SLA.
    const undated = { handedOffAt: t("2026-11-23T09:00"), slaDueAt: null, decidedAt: t("2026-11-23T15:00") };
    expect(workingMargins([undated], HOURS, 240)).toEqual([120]);
  });

  it("measures working time as the SLA's calendar does, across daylight-saving changes too", () => {
    // Every pair of hours from Oct 23 to Nov 4, 2026 in Berlin (summer time ends Oct 25) against lib/working-hours.
    const berlin: WorkingHours = { zone: "Europe/Berlin", startMinute: 510, endMinute: 1050, days: [1, 2, 3, 4, 6] };
    const moments = Array.from({ length: 12 * 24 }, (_, i) => new Date(Date.parse("2026-10-23T00:17:00Z") + i * 3_600_000));
    const meter = workingMeter(berlin, moments);
    for (let i = 0; i < moments.length; i += 5) {
      for (let j = i; j < moments.length; j += 7) {
        const [from, to] = [moments[i] as Date, moments[j] as Date];
        expect(meter(from, to)).toBe(workingMinutesBetween(from, to, berlin));
      }
    }
  });

  it("takes the median by nearest rank, as the database does", () => {
    expect(nearestRankMedian([3, 1, 4, 2])).toBe(2); // rank ceil(4 / 2) = 2
    expect(nearestRankMedian([5, -1, 9])).toBe(5); // rank ceil(3 / 2) = 2
    expect(nearestRankMedian([])).toBeNull();
  });
});
