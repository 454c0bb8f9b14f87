import { describe, expect, it } from "vitest";
import { addWorkingMinutes, isWorkingTime, localDate, type WorkingHours, workingMinutesBetween } from "../../src/lib/working-hours.js";

const nineToFive = (zone: string, days = [1, 2, 3, 4, 5]): WorkingHours => ({ zone, startMinute: 540, endMinute: 1020, days });
const at = (iso: string) => new Date(iso);

describe("the working-hours clock", () => {
  it("counts four working hours within one working day", () => {
    expect(addWorkingMinutes(at("2026-11-23T10:00:00Z"), 240, nineToFive("UTC")).toISOString()).toBe("2026-11-23T14:00:00.000Z");
  });

  it("stops at 17:00 and resumes at 09:00 the next morning", () => {
    // Monday 15:00 + 4 h: 2 h on Monday, 2 h on Tuesday.
    expect(addWorkingMinutes(at("2026-11-23T15:00:00Z"), 240, nineToFive("UTC")).toISOString()).toBe("2026-11-24T11:00:00.000Z");
  });

  it("skips the weekend: Friday afternoon runs into Monday morning", () => {
    // Friday 2026-11-27 16:00 + 4 h: 1 h on Friday, 3 h from Monday 09:00.
    expect(addWorkingMinutes(at("2026-11-27T16:00:00Z"), 240, nineToFive("UTC")).toISOString()).toBe("2026-11-30T12:00:00.000Z");
  });

  it("starts counting at 09:00 when the clock starts at night or on a weekend", () => {
    expect(addWorkingMinutes(at("2026-11-24T02:30:00Z"), 60, nineToFive("UTC")).toISOString()).toBe("2026-11-24T10:00:00.000Z");
    expect(addWorkingMinutes(at("2026-11-28T12:00:00Z"), 60, nineToFive("UTC")).toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });

  it("reads the hours in the workspace's time zone", () => {
    // 09:00-17:00 in New York (UTC-5 in November) is 14:00-22:00 UTC.
    const ny = nineToFive("America/New_York");
    expect(addWorkingMinutes(at("2026-11-23T21:00:00Z"), 120, ny).toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(isWorkingTime(at("2026-11-23T13:59:00Z"), ny)).toBe(false);
    expect(isWorkingTime(at("2026-11-23T14:00:00Z"), ny)).toBe(true);
    expect(isWorkingTime(at("2026-11-23T22:00:00Z"), ny)).toBe(false);
  });

  it("keeps 09:00-17:00 local on the day clocks change (Europe, last Sunday of March)", () => {
    const berlin = nineToFive("Europe/Berlin", [1, 2, 3, 4, 5, 6, 7]);
    // Sunday 2026-03-29: CET -> CEST at 02:00. 09:00 local is 07:00 UTC that day.
    expect(addWorkingMinutes(at("2026-03-29T05:00:00Z"), 30, berlin).toISOString()).toBe("2026-03-29T07:30:00.000Z");
    // Saturday 16:30 CET + 60 min: 30 min Saturday, then Sunday from 09:00 CEST (07:00 UTC).
    expect(addWorkingMinutes(at("2026-03-28T15:30:00Z"), 60, berlin).toISOString()).toBe("2026-03-29T07:30:00.000Z");
  });

  it("honours custom working days and hours", () => {
    const sundayToThursday: WorkingHours = { zone: "Asia/Jerusalem", startMinute: 8 * 60, endMinute: 16 * 60, days: [7, 1, 2, 3, 4] };
    // Thursday 2026-11-26 15:00 local (13:00 UTC) + 2 h: 1 h Thursday, 1 h Sunday from 08:00 local (06:00 UTC).
    expect(addWorkingMinutes(at("2026-11-26T13:00:00Z"), 120, sundayToThursday).toISOString()).toBe("2026-11-29T07:00:00.000Z");
  });

  it("measures working minutes between two moments, across a night and a weekend", () => {
    const utc = nineToFive("UTC");
    expect(workingMinutesBetween(at("2026-11-27T16:00:00Z"), at("2026-11-30T10:00:00Z"), utc)).toBe(120);
    expect(workingMinutesBetween(at("2026-11-23T12:00:00Z"), at("2026-11-23T11:00:00Z"), utc)).toBe(0);
    expect(workingMinutesBetween(at("2026-11-28T09:00:00Z"), at("2026-11-29T17:00:00Z"), utc)).toBe(0);
  });

  it("gives each zone its own calendar date", () => {
    expect(localDate(at("2026-11-24T03:00:00Z"), "America/Los_Angeles")).toBe("2026-11-23");
    expect(localDate(at("2026-11-24T03:00:00Z"), "Asia/Tokyo")).toBe("2026-11-24");
  });
});
