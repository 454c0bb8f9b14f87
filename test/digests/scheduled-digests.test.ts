// Scheduled digests through the real app: the scheduler's sweep (`baton.jobs.digests.run()`, what node-cron and
// the minute tick call) against the Slack stand-in, with time moved by hand.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/lib/logger.js";
import { DIGEST_BUDGET } from "../../src/slack/blocks/funnel.js";
import { FunnelData } from "../funnel/fixtures.js";
import { buildKnownWeek, ZONE } from "../funnel/known-week.js";
import { buttonsIn, textLength, textsOf } from "../helpers/block-kit.js";
import { TestClock } from "../helpers/clock.js";
import { decodeImage } from "../helpers/image.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { chartsIn, postsIn, privateUploads, runIdOf, runsOf, schedule } from "./digest-helpers.js";

type Json = any;

/** Monday 2026-11-23 09:00 in New York: a weekly digest's scheduled time. */
const SLOT = "2026-11-23T14:00:00.000Z";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("scheduled digests", () => {
  let app: TestApp;
  const clock = new TestClock(SLOT);
  const sweep = () => app.baton.jobs.digests?.run();
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    // No default schedules: every test makes its own, with channels of its own.
    app = await startTestApp({
      clock,
      env: { SALES_CHANNEL_ID: "", MARKETING_CHANNEL_ID: "" },
      start: { logger: createLogger({ level: "info", pretty: false, destination }) },
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("posts each schedule's view once at its time, in one screen with its chart inside, however often the sweep runs", async () => {
    const team = "T0SCHED001";
    const week = await buildKnownWeek(new FunnelData(app.db, team, ZONE));
    const createdAt = "2026-11-22T00:00:00Z";
    const sales = await schedule(app.db, { teamId: team, channelId: "C0SCHSALES1", view: "sales", createdAt });
    const marketing = await schedule(app.db, { teamId: team, channelId: "C0SCHMKTG01", view: "marketing", createdAt });
    clock.set(new Date(Date.parse(SLOT) + 20_000));
    await sweep();
    await sweep();
    const [salesPost] = postsIn(app.slack, "C0SCHSALES1");
    const [marketingPost] = postsIn(app.slack, "C0SCHMKTG01");
    expect(postsIn(app.slack, "C0SCHSALES1")).toHaveLength(1);
    expect(postsIn(app.slack, "C0SCHMKTG01")).toHaveLength(1);
    expect(salesPost?.text).toBe(
      "Funnel for Week of Nov 16, 2026: 6 new leads, 5 MQLs, 4 SQLs, 2 won ($15,000). 3 SLA breaches, 1 handoff waiting.",
    );
    const salesBlocks = (salesPost?.blocks ?? []) as Json[];
    const marketingBlocks = (marketingPost?.blocks ?? []) as Json[];
    // One screen each: the budget, counted on what Slack was asked to show.
    for (const blocks of [salesBlocks, marketingBlocks]) {
      expect(blocks.length).toBeLessThanOrEqual(DIGEST_BUDGET.blocks);
      expect(textLength(blocks)).toBeLessThanOrEqual(DIGEST_BUDGET.characters);
    }
    expect(textsOf(salesBlocks)).toContain("*New leads*: 6\n+3 vs last week");
    expect(textsOf(salesBlocks)).toContain("*Pipeline now*: 2 SQLs · 0 opportunities");
    expect(JSON.stringify(salesBlocks)).not.toContain("Why sales rejected");
    expect(buttonsIn(salesBlocks)).toEqual([`lead_open=${week.leads.L4}`, "digest_how_we_count=sales"]);
    expect(textsOf(marketingBlocks)).toContain("*Why sales rejected MQLs*: Not a fit 1");
    expect(JSON.stringify(marketingBlocks)).toContain("*Top campaigns*");
    expect(buttonsIn(marketingBlocks)).toEqual([
      `lead_hand_off=${week.leads.L3}`,
      `lead_open=${week.leads.L3}`,
      "digest_how_we_count=marketing",
    ]);
    // The chart, drawn once per digest and uploaded privately, is an image block of that file in the message.
    const uploads = privateUploads(app.slack);
    const [salesChart] = chartsIn(app.slack, "C0SCHSALES1");
    const [marketingChart] = chartsIn(app.slack, "C0SCHMKTG01");
    expect(uploads.size).toBe(2);
    expect([...uploads.keys()].sort()).toEqual([salesChart, marketingChart].sort());
    expect(decodeImage(uploads.get(salesChart ?? "") ?? Buffer.alloc(0))).toMatchObject({ format: "jpeg", width: 1200, height: 520 });
    expect(app.slack.callsOf("files.completeUploadExternal").filter((call) => call.args.channel_id || call.args.thread_ts)).toEqual([]);
    const [run] = await runsOf(app.db, sales);
    expect(run).toMatchObject({ key: `digest:${sales}:${SLOT}`, status: "done", late: false, attempts: 1 });
    expect(run?.deliveries.map((d) => [d.target, d.status, d.messageTs])).toEqual([["channel:C0SCHSALES1", "posted", salesPost?.ts]]);
    expect(runIdOf(salesPost ?? {})).toBe(run?.id);
    expect(await runsOf(app.db, marketing)).toHaveLength(1);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/^baton_digest_runs_total\{outcome="done"\} 2$/m);
    // A week later, the next one.
    clock.set(new Date(Date.parse(SLOT) + 7 * 24 * HOUR + 5_000));
    await sweep();
    expect(postsIn(app.slack, "C0SCHSALES1")).toHaveLength(2);
    expect(postsIn(app.slack, "C0SCHSALES1")[1]?.text).toContain("Week of Nov 23, 2026");
  });

  it("skips a quiet period when the schedule says so, and otherwise says so in one line", async () => {
    const quietTeam = "T0SCHED002";
    const createdAt = "2026-12-06T00:00:00Z";
    const skipping = await schedule(app.db, { teamId: quietTeam, channelId: "C0SCHQUIET1", skipEmpty: true, createdAt });
    await schedule(app.db, { teamId: quietTeam, channelId: "C0SCHQUIET2", createdAt });
    clock.set(new Date(Date.parse(SLOT) + 14 * 24 * HOUR + 5_000));
    await sweep();
    expect(postsIn(app.slack, "C0SCHQUIET1")).toHaveLength(0);
    expect(await runsOf(app.db, skipping)).toMatchObject([{ status: "skipped", error: "nothing happened in the period" }]);
    expect(postsIn(app.slack, "C0SCHQUIET2")).toHaveLength(1);
    const quiet = postsIn(app.slack, "C0SCHQUIET2")[0]?.blocks as Json[];
    expect(quiet).toHaveLength(1);
    expect(textsOf(quiet)).toEqual([":zzz: *Week of Nov 30, 2026*: a quiet period, no lead moved and no handoff was decided."]);
  });

  it("posts a digest missed while Baton was down late, marked late, when it comes back within a day", async () => {
    const id = await schedule(app.db, {
      teamId: "T0SCHED003",
      channelId: "C0SCHLATE01",
      sections: ["funnel"],
      createdAt: "2026-11-22T00:00:00Z",
    });
    clock.set(new Date(Date.parse(SLOT) + 3 * HOUR));
    await sweep();
    const [post] = postsIn(app.slack, "C0SCHLATE01");
    // A quiet week: its one line says it is late too.
    expect(JSON.stringify(post?.blocks)).toContain("(posted late, due Mon, Nov 23, 09:00)");
    expect(post?.text).toContain("(posted late, due Mon, Nov 23, 09:00)");
    expect(await runsOf(app.db, id)).toMatchObject([{ status: "done", late: true, scheduledFor: new Date(SLOT) }]);
  });

  it("skips, records and logs a digest missed by more than a day, and only posts the newest of several missed", async () => {
    const weekly = await schedule(app.db, { teamId: "T0SCHED004", channelId: "C0SCHMISS01", sections: ["funnel"] });
    const daily = await schedule(app.db, {
      teamId: "T0SCHED004",
      channelId: "C0SCHMISS02",
      period: "daily",
      cron: "0 9 * * *",
      sections: ["funnel"],
    });
    // Back on Wednesday 11:00: Monday's weekly digest is 50 hours old; the daily ones of Mon and Tue are superseded.
    clock.set(new Date(Date.parse(SLOT) + 2 * 24 * HOUR + 2 * HOUR));
    await sweep();
    expect(postsIn(app.slack, "C0SCHMISS01")).toHaveLength(0);
    const weeklyRuns = await runsOf(app.db, weekly);
    expect(weeklyRuns.at(-1)).toMatchObject({
      scheduledFor: new Date(SLOT),
      status: "skipped",
      error: "missed by more than the late bound",
    });
    expect(
      logs.filter((l) => l.msg === "digest skipped: no replica was running at its time" && String(l.run).includes(weekly)),
    ).toMatchObject([{ level: 40, scheduledFor: SLOT, reason: "missed by more than the late bound" }]);
    expect(postsIn(app.slack, "C0SCHMISS02")).toHaveLength(1);
    expect(postsIn(app.slack, "C0SCHMISS02")[0]?.text).toContain("Tue, Nov 24, 2026 (posted late, due Wed, Nov 25, 09:00)");
    const dailyRuns = await runsOf(app.db, daily);
    expect(dailyRuns.slice(-3).map((r) => [r.scheduledFor.toISOString(), r.status])).toEqual([
      ["2026-11-23T14:00:00.000Z", "skipped"],
      ["2026-11-24T14:00:00.000Z", "skipped"],
      ["2026-11-25T14:00:00.000Z", "done"],
    ]);
    await sweep();
    expect(postsIn(app.slack, "C0SCHMISS02")).toHaveLength(1);
  });
});
