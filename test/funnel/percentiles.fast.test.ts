// "90% within X" read literally: the nearest-rank percentile (the value at 1-based rank ceil(p * n) of the sorted
// times), never an interpolation between two handoffs. The times are chosen so that the two rules differ; every
// expected figure is worked out by hand in the comments. Runs on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handoffPercentiles } from "../../src/db/funnel-handoffs.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { FunnelData } from "./fixtures.js";

const TEAM = "T0PCTL0001";
const ZONE = "Europe/Paris";
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("percentiles of speed to lead", () => {
  let database: OpenTestDatabase;
  let data: FunnelData;
  const day = (d: number) => `2026-03-${String(d).padStart(2, "0")}`;
  const week = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-08T00:00:00Z") };
  const nextWeek = { from: new Date("2026-03-08T00:00:00Z"), to: new Date("2026-03-15T00:00:00Z") };
  const empty = { from: new Date("2026-04-01T00:00:00Z"), to: new Date("2026-04-08T00:00:00Z") };

  /** An accepted handoff handed off at 08:00 local on `date`, answered `minutes` later, due at 10:00. */
  async function answered(date: string, minutes: number): Promise<void> {
    const leadId = await data.lead({ created: `${date}T07:00` });
    const decided = new Date(data.time(`${date}T08:00`).getTime() + minutes * MINUTE);
    const local = decided.toLocaleString("sv-SE", { timeZone: ZONE }).replace(" ", "T");
    await data.handoff({ leadId, handedOff: `${date}T08:00`, status: "accepted", decided: local, slaDue: `${date}T10:00` });
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    data = new FunnelData(database.prisma, TEAM, ZONE);
    await data.workspace();
    // Week 1, ten handoffs answered after 1h, 2h, ... 9h and 20h (unsorted on purpose).
    for (const [i, hours] of [3, 1, 20, 2, 9, 4, 6, 5, 8, 7].entries()) await answered(day(1 + (i % 5)), hours * 60);
    // Week 2, seven handoffs: 10, 20, 30, 40, 50, 60 and 600 minutes.
    for (const [i, minutes] of [600, 10, 50, 20, 60, 30, 40].entries()) await answered(day(8 + (i % 5)), minutes);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("takes the value at rank ceil(0.9 n) for '90% within' and ceil(0.5 n) for the median", async () => {
    const [first, second] = await handoffPercentiles(database.prisma, database.provider, { teamId: TEAM }, [
      { window: week, measure: "speed" },
      { window: nextWeek, measure: "speed" },
    ]);
    // n = 10, sorted 1h..9h, 20h. p90: rank ceil(9) = 9 -> 9h (interpolation would say 9h + 0.1 * 11h = 10h 6m).
    // Median: rank ceil(5) = 5 -> 5h (interpolation: 5h 30m). 9 of the 10 took 9h or less; 5 of them 5h or less.
    expect(first).toEqual({ count: 10, p50: 5 * HOUR, p90: 9 * HOUR });
    // n = 7, sorted 10..60 min, 600 min. p90: rank ceil(6.3) = 7 -> 600 min = 10h (interpolation: 60 + 0.4 * 540
    // = 276 min); 6 of 7 (86%) within 60 min would not be "90%". Median: rank ceil(3.5) = 4 -> 40 min.
    expect(second).toEqual({ count: 7, p50: 40 * MINUTE, p90: 10 * HOUR });
  });

  it("measures the answer against its deadline the same way (negative: before it)", async () => {
    const [margin] = await handoffPercentiles(database.prisma, database.provider, { teamId: TEAM }, [{ window: week, measure: "margin" }]);
    // Deadline 2h after the handoff: margins -1h, 0, 1h, ... 7h, 18h. Median rank 5 -> 3h; p90 rank 9 -> 7h.
    expect(margin).toEqual({ count: 10, p50: 3 * HOUR, p90: 7 * HOUR });
  });

  it("gives the median alone when asked, and nothing for a window without handoffs", async () => {
    const [median, none] = await handoffPercentiles(database.prisma, database.provider, { teamId: TEAM }, [
      { window: week, measure: "speed", p90: false },
      { window: empty, measure: "speed" },
    ]);
    expect(median).toEqual({ count: 10, p50: 5 * HOUR, p90: null });
    expect(none).toEqual({ count: 0, p50: null, p90: null });
  });
});
