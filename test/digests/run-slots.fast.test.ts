// The catch-up sweep must find exactly the instants node-cron fires at (same ISO string, so the same run key).
import { createTask } from "node-cron";
import { describe, expect, it } from "vitest";
import { nextSlotAfter, slotsBetween } from "../../src/domain/digests/run-slots.js";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

/** node-cron's own next runs from now (real time), for expressions that only match around a DST change. */
function nodeCronRuns(cron: string, zone: string, count: number): Date[] {
  const task = createTask(cron, () => undefined, { timezone: zone });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
}

describe("scheduled times of a cron expression, looking back", () => {
  it("lists the weekly slots in the zone, newest first, after `after` and up to `until` inclusive", () => {
    const slots = slotsBetween("0 9 * * 1", "Europe/Berlin", new Date("2026-11-02T08:00:00Z"), new Date("2026-11-23T08:00:00Z"));
    expect(iso(slots)).toEqual(["2026-11-23T08:00:00.000Z", "2026-11-16T08:00:00.000Z", "2026-11-09T08:00:00.000Z"]);
  });

  it("handles the last day of the month and a limit", () => {
    const slots = slotsBetween("30 18 L * *", "America/New_York", new Date("2026-01-01T00:00:00Z"), new Date("2026-04-15T00:00:00Z"), 2);
    expect(iso(slots)).toEqual(["2026-03-31T22:30:00.000Z", "2026-02-28T23:30:00.000Z"]);
  });

  it("agrees with node-cron on the night a time happens twice (Berlin and New York)", () => {
    for (const [cron, zone] of [
      ["30 2 * 10 0L", "Europe/Berlin"],
      ["30 1 * 11 0#1", "America/New_York"],
    ] as const) {
      const [next] = nodeCronRuns(cron, zone, 1);
      if (!next) throw new Error("node-cron found no run");
      const found = slotsBetween(cron, zone, new Date(next.getTime() - 3 * 86_400_000), new Date(next.getTime() + 3 * 86_400_000));
      expect(iso(found)).toEqual([next.toISOString()]);
    }
  });

  it("agrees with node-cron across the spring-forward gap (02:30 does not exist that night)", () => {
    const runs = nodeCronRuns("30 2 * 3 *", "Europe/Berlin", 31);
    const first = runs[0];
    const last = runs[runs.length - 1];
    if (!first || !last) throw new Error("node-cron found no runs");
    const found = slotsBetween("30 2 * 3 *", "Europe/Berlin", new Date(first.getTime() - 1), last, 40);
    expect(iso([...found].reverse())).toEqual(iso(runs));
    expect(runs.length).toBe(31);
    expect(new Set(runs.map((r) => r.toISOString().slice(0, 10))).size).toBe(31);
  });
});

describe("the next scheduled time of a cron expression", () => {
  it("agrees with node-cron's own next runs, across both daylight-saving changes and on odd days", () => {
    for (const [cron, zone] of [
      ["0 9 * * 1", "America/New_York"],
      ["30 2 * 3 *", "Europe/Berlin"],
      ["30 2 * 10 0L", "Europe/Berlin"],
      ["30 1 * 11 0#1", "America/New_York"],
      ["30 18 L * *", "Australia/Sydney"],
      ["*/20 * * * *", "Asia/Kolkata"],
    ] as const) {
      const runs = nodeCronRuns(cron, zone, 6);
      const ours: Date[] = [];
      let from = new Date(Math.floor(Date.now() / 1000) * 1000);
      for (let i = 0; i < 6; i++) {
        const next = nextSlotAfter(cron, zone, from);
        if (!next) throw new Error(`no next slot for ${cron}`);
        ours.push(next);
        from = next;
      }
      expect(iso(ours)).toEqual(iso(runs));
    }
  });

  it("looks years ahead for a date that is rare", () => {
    expect(nextSlotAfter("0 9 29 2 *", "Europe/Berlin", new Date("2026-11-23T00:00:00Z"))?.toISOString()).toBe("2028-02-29T08:00:00.000Z");
  });
});
