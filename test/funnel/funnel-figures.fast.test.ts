// Every funnel figure on a hand-built data set with answers worked out by hand (see known-week.ts), computed by
// the real database: this file runs on SQLite and on PostgreSQL (raw SQL branches per provider for percentiles).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OnDemandDigests } from "../../src/domain/digests/on-demand-digests.js";
import { FunnelService } from "../../src/domain/funnel/funnel-service.js";
import { THRESHOLDS } from "../../src/domain/funnel/scorecard-rules.js";
import { TestClock } from "../helpers/clock.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { FunnelData } from "./fixtures.js";
import { buildKnownWeek, type KnownWeek, NOW, ZONE } from "./known-week.js";

const TEAM = "T0METRIC01";
const HOUR = 3_600_000;

describe("the funnel of a hand-built week", () => {
  let database: OpenTestDatabase;
  let funnel: FunnelService;
  let digests: OnDemandDigests;
  let known: KnownWeek;
  const clock = new TestClock(NOW);

  beforeAll(async () => {
    database = await openTestDatabase();
    known = await buildKnownWeek(new FunnelData(database.prisma, TEAM, ZONE));
    funnel = new FunnelService({ db: database.prisma, provider: database.provider, clock });
    digests = new OnDemandDigests({ db: database.prisma, provider: database.provider, clock, funnel });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("counts leads that reached each stage in the week, by local time (23:30 on Sunday counts, 00:30 Monday does not)", async () => {
    const { report } = await digests.onDemand(TEAM, "last week");
    expect(report.period.start.toISOString()).toBe("2026-11-16T05:00:00.000Z");
    expect(report.period.end.toISOString()).toBe("2026-11-23T05:00:00.000Z");
    expect(report.counts).toEqual({
      created: 6,
      mql: 5,
      sql: 4,
      opportunity: 1,
      won: 2,
      lost: 1,
      nurture: 1,
      revenue: [{ currency: "USD", cents: 1_500_000 }],
      campaignRevenue: [{ currency: "USD", cents: 1_500_000 }],
    });
  });

  it("converts stage to stage by the cohort rule", async () => {
    const { report } = await digests.onDemand(TEAM, "last week");
    expect(report.rates.leadToMql).toBeCloseTo(5 / 6, 10);
    expect(report.rates.mqlToSql).toBeCloseTo(0.8, 10);
    expect(report.rates.sqlToWon).toBeCloseTo(0.5, 10);
    expect(report.rates.leadToWon).toBeCloseTo(1 / 3, 10);
  });

  it("compares with the week before (Nov 9-15, whose first instant counts)", async () => {
    const { report } = await digests.onDemand(TEAM, "last week");
    expect(report.previous.start.toISOString()).toBe("2026-11-09T05:00:00.000Z");
    expect(report.previousCounts).toMatchObject({ created: 3, mql: 2, sql: 1, opportunity: 0, won: 0, lost: 0, nurture: 0, revenue: [] });
    expect(report.previousRates.mqlToSql).toBeCloseTo(0.5, 10);
    expect(report.previousHandoffs).toMatchObject({ accepted: 1, rejected: 0, decided: 1, withinSla: 0, breaches: 1 });
  });

  it("measures handoffs: acceptance, answered within the SLA, breaches, median and p90 speed to lead", async () => {
    const { report } = await digests.onDemand(TEAM, "last week");
    expect(report.handoffs).toEqual({
      accepted: 4,
      rejected: 1,
      decided: 5,
      withinSla: 2,
      breaches: 3,
      acceptanceRate: 0.8,
      withinSlaShare: 0.4,
    });
    // Accepted in the week after 1h, 2h, 6h and 71.5h, by nearest rank: median at rank ceil(0.5 * 4) = 2 -> 2h;
    // p90 at rank ceil(0.9 * 4) = 4 -> 71.5h (3 of the 4, 75%, took 6h or less: "90% within 6h" would be false).
    expect(report.speed).toEqual({ count: 4, p50: 2 * HOUR, p90: 71.5 * HOUR });
    expect(report.previousSpeed).toEqual({ count: 1, p50: 24 * HOUR, p90: 24 * HOUR });
  });

  it("ranks campaigns by revenue with leads, SQLs, won, revenue, cost per lead and return on spend", async () => {
    const { report } = await digests.onDemand(TEAM, "last week");
    expect(report.campaigns.total).toBe(2);
    expect(report.campaigns.rows).toEqual([
      expect.objectContaining({
        id: known.campaignA,
        name: "Spring webinar",
        leads: 4,
        mqls: 4,
        sqls: 3,
        won: 1,
        revenue: [{ currency: "USD", cents: 1_000_000 }],
        costPerLeadCents: 50_000,
        returnOnSpend: 5,
      }),
      expect.objectContaining({
        id: known.campaignB,
        name: "Trade show",
        leads: 1,
        mqls: 1,
        sqls: 0,
        won: 1,
        revenue: [{ currency: "USD", cents: 500_000 }],
        costPerLeadCents: 1_000_000,
        returnOnSpend: 0.5,
      }),
    ]);
  });

  it("splits by fit grade, ungraded last", async () => {
    const { report } = await digests.onDemand(TEAM, "last week");
    expect(report.fitGrades).toEqual([
      { grade: "A", leads: 2, sqls: 2, won: 2 },
      { grade: "B", leads: 2, sqls: 0, won: 0 },
      { grade: "C", leads: 1, sqls: 0, won: 0 },
      { grade: null, leads: 1, sqls: 2, won: 0 },
    ]);
  });

  it("tracks MQLs against the monthly commitment pro-rated to the end of the period", async () => {
    const { report } = await digests.onDemand(TEAM, "last week");
    // Nov 1 00:00 EDT to Nov 23 00:00 EST is 529 of November's 721 hours: 20 * 529 / 721 = 14.7, so 15 due.
    expect(report.mqlProgress).toEqual({ mqls: 8, targetToDate: 15, monthlyTarget: 20 });
  });

  it("knows what is waiting for sales now", async () => {
    const digest = await digests.onDemand(TEAM, "last week");
    expect(digest.waiting).toEqual({ waiting: 1, overdue: 1, oldestSince: new Date("2026-11-18T15:00:00.000Z") });
    expect(digest.empty).toBe(false);
  });

  it("holds each side to the agreement on the scorecard, with the last four weeks", async () => {
    const { scorecard } = await funnel.scorecard(TEAM, "last week");
    const line = (key: string) => scorecard.lines.find((l) => l.key === key);
    expect(scorecard.periods.map((p) => p.start.toISOString())).toEqual([
      "2026-10-26T04:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
      "2026-11-09T05:00:00.000Z",
      "2026-11-16T05:00:00.000Z",
    ]);
    // 8 MQLs of 15 due is 53%, under the at-risk floor of 80%.
    expect(line("mqls")).toMatchObject({ status: "off_track", trend: [0, 1, 2, 5], extra: { mqls: 8, targetToDate: 15 } });
    expect(line("acceptance")).toMatchObject({ status: "on_track", trend: [null, null, 1, 0.8], extra: { rate: 0.8, target: 0.7 } });
    // Median margin against each handoff's deadline: of -3h, -2h, +2h, +67.5h, rank 2: -2h, before the deadline.
    expect(line("speed")).toMatchObject({
      status: "on_track",
      trend: [null, null, 24 * HOUR, 2 * HOUR],
      extra: { medianMs: 2 * HOUR, medianMarginMs: -2 * HOUR },
    });
    expect(line("within_sla")).toMatchObject({ status: "off_track", trend: [null, null, 0, 0.4] });
    // $15,000 against the previous three weeks' average of $16,666.67: 90%, between 75% and 100%.
    expect(line("marketing_revenue")).toMatchObject({
      status: "at_risk",
      trend: [0, 5_000_000, 0, 1_500_000],
      extra: { cents: 1_500_000, expectedCents: 1_666_667 },
    });
    expect(THRESHOLDS.mqls.atRisk).toBe(0.8);
  });

  it("narrows to one campaign, name matched case-insensitively", async () => {
    const { report } = await digests.onDemand(TEAM, "campaign spring WEBINAR last week");
    expect(report.campaign).toEqual({ id: known.campaignA, name: "Spring webinar" });
    expect(report.counts).toMatchObject({ created: 4, mql: 4, sql: 3, opportunity: 1, won: 1, lost: 1, nurture: 1 });
    expect(report.handoffs).toMatchObject({ accepted: 3, rejected: 1, breaches: 2 });
    // Its accepted handoffs took 1h, 2h and 6h: median rank 2 -> 2h, p90 rank ceil(2.7) = 3 -> 6h.
    expect(report.speed).toEqual({ count: 3, p50: 2 * HOUR, p90: 6 * HOUR });
    await expect(digests.onDemand(TEAM, "campaign Nope")).rejects.toThrow("There is no campaign called “Nope”");
  });

  it("counts a custom range like the week it covers, and compares with the same number of days before", async () => {
    const { report } = await digests.onDemand(TEAM, "2026-11-16..2026-11-22");
    expect(report.counts).toMatchObject({ created: 6, mql: 5, sql: 4, won: 2 });
    expect(report.previous.start.toISOString()).toBe("2026-11-09T05:00:00.000Z");
    expect(report.previousCounts.created).toBe(3);
  });

  it("shows this month so far against last month up to the same moment", async () => {
    const { report } = await digests.onDemand(TEAM, "month");
    expect(report.period.inProgress).toBe(true);
    expect(report.counts.created).toBe(11);
    expect(report.previous.start.toISOString()).toBe("2026-10-01T04:00:00.000Z");
    expect(report.previous.end.toISOString()).toBe("2026-10-23T14:00:00.000Z");
  });

  it("gives zeros and no rates for a period with nothing in it", async () => {
    const digest = await digests.onDemand(TEAM, "2026-06-01..2026-06-07");
    expect(digest.report.counts).toMatchObject({ created: 0, mql: 0, won: 0, revenue: [] });
    expect(digest.report.rates).toEqual({ leadToMql: null, mqlToSql: null, sqlToWon: null, leadToWon: null });
    expect(digest.report.speed).toEqual({ count: 0, p50: null, p90: null });
    expect(digest.report.campaigns).toEqual({ rows: [], total: 0 });
    expect(digest.empty).toBe(true);
  });

  it("never counts another workspace's leads", async () => {
    const other = new FunnelData(database.prisma, "T0METRIC02", ZONE);
    await other.workspace();
    await other.lead({ created: "2026-11-17T09:00", moves: [["mql", "2026-11-17T10:00"]] });
    const { report } = await digests.onDemand(TEAM, "last week");
    expect(report.counts.created).toBe(6);
    const theirs = await digests.onDemand("T0METRIC02", "last week");
    expect(theirs.report.counts).toMatchObject({ created: 1, mql: 1 });
  });
});

describe("periods across the end of daylight saving time", () => {
  let database: OpenTestDatabase;
  let funnel: FunnelService;
  let digests: OnDemandDigests;
  const TEAM_DST = "T0METRIC03";

  beforeAll(async () => {
    database = await openTestDatabase();
    const data = new FunnelData(database.prisma, TEAM_DST, ZONE);
    await data.workspace();
    await data.lead({ created: "2026-10-25T23:59" }); // the week before
    await data.lead({ created: "2026-10-26T00:00" }); // first instant (EDT)
    await data.lead({ created: "2026-10-31T23:30" }); // last day of October, 03:30 UTC on Nov 1
    await data.lead({ created: "2026-11-01T01:30" }); // the hour that happens twice: luxon's first (EDT)
    await data.lead({ created: "2026-11-01T23:30" }); // last day of the week, now EST: 04:30 UTC on Nov 2
    await data.lead({ created: "2026-11-02T00:00" }); // the next week
    funnel = new FunnelService({ db: database.prisma, provider: database.provider, clock: new TestClock("2026-11-04T12:00:00Z") });
    digests = new OnDemandDigests({
      db: database.prisma,
      provider: database.provider,
      clock: new TestClock("2026-11-04T12:00:00Z"),
      funnel,
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("gives the week of the change its 169 hours and every lead of it", async () => {
    const { report } = await digests.onDemand(TEAM_DST, "last week");
    expect(report.period.start.toISOString()).toBe("2026-10-26T04:00:00.000Z");
    expect(report.period.end.toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect((report.period.end.getTime() - report.period.start.getTime()) / HOUR).toBe(169);
    expect(report.counts.created).toBe(4);
    expect(report.previousCounts.created).toBe(1);
  });

  it("puts 23:30 on October 31 in October", async () => {
    const { report } = await digests.onDemand(TEAM_DST, "last month");
    expect(report.counts.created).toBe(3);
  });
});
