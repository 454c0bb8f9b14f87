// Several Baton processes on one database: each digest is posted exactly once per scheduled time, even when the
// replica that claimed it dies in the middle of the run.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DigestPublisher } from "../../src/domain/digests/ports.js";
import { LEASE_MS } from "../../src/domain/digests/run-lease.js";
import type { Ports } from "../../src/domain/services.js";
import { TestClock } from "../helpers/clock.js";
import { freshDatabase, type TestDatabase } from "../helpers/database.js";
import { SlackStandIn } from "../helpers/slack-stand-in.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { HANG_BOUND_MS } from "../helpers/waits.js";
import { chartsIn, postsIn, runIdOf, runsOf, schedule } from "./digest-helpers.js";

const SLOT = Date.parse("2026-11-23T14:00:00.000Z"); // Monday 09:00 in New York
const NO_DEFAULTS = { SALES_CHANNEL_ID: "", MARKETING_CHANNEL_ID: "" };
const never = () => new Promise<never>(() => undefined);

/** A replica whose digest publisher stops for good at one point of posting a digest: the replica dies there. */
function dyingPublisher(postDigest: (real: DigestPublisher) => DigestPublisher["postDigest"]): (slack: Ports) => Ports {
  return (slack) => {
    const real = slack.digestPublisher;
    const publisher: DigestPublisher = {
      postDigest: postDigest(real),
      findDigest: (input) => real.findDigest(input),
      postChart: (input) => real.postChart(input),
      sendPersonal: (input) => real.sendPersonal(input),
      tellAdmins: (input) => real.tellAdmins(input),
    };
    return { ...slack, digestPublisher: publisher };
  };
}

describe("digests on three replicas of one database", () => {
  const apps: TestApp[] = [];
  let slack: SlackStandIn;
  let database: TestDatabase;
  beforeEach(async () => {
    slack = await SlackStandIn.start();
    database = await freshDatabase();
  });
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.stop();
    await slack.stop();
    await database.drop();
  });

  /** Three apps on one database, one Slack stand-in and one clock; the first may be set up to die mid-run. */
  async function replicas(clock: TestClock, first: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp[]> {
    for (let i = 0; i < 3; i++) {
      apps.push(await startTestApp({ clock, env: NO_DEFAULTS, databaseUrl: database.url, slack, ...(i === 0 ? first : {}) }));
    }
    return [...apps];
  }

  it("posts once when all three run the same slot at the same moment", async () => {
    const clock = new TestClock(new Date(SLOT + 5_000));
    const [a, b, c] = await replicas(clock);
    if (!a || !b || !c) throw new Error("replicas");
    const ids = [];
    for (let i = 0; i < 4; i++)
      ids.push(await schedule(a.db, { teamId: "T0REPL0001", channelId: `C0REPLALL${i}`, createdAt: "2026-11-22T00:00:00Z" }));
    await Promise.all([a, b, c, a, b, c].map((app) => app.baton.jobs.digests?.run()));
    for (let i = 0; i < 4; i++) {
      expect(postsIn(a.slack, `C0REPLALL${i}`)).toHaveLength(1);
      expect(chartsIn(a.slack, `C0REPLALL${i}`)).toHaveLength(1);
      expect(await runsOf(a.db, ids[i] ?? "")).toMatchObject([{ status: "done", attempts: 1 }]);
    }
  });

  it("finishes a run whose replica died after claiming it, once its lease has run out", async () => {
    const clock = new TestClock(new Date(SLOT + 5_000));
    const [dying, b, c] = await replicas(clock, { start: { ports: dyingPublisher(() => never), drainTimeoutMs: 50 } });
    if (!dying || !b || !c) throw new Error("replicas");
    const id = await schedule(dying.db, { teamId: "T0REPL0002", channelId: "C0REPLDIE01", createdAt: "2026-11-22T00:00:00Z" });
    void dying.baton.jobs.digests?.run(); // claims the slot, then hangs forever before Slack is asked to post
    await expect.poll(async () => (await runsOf(b.db, id)).length).toBe(1);
    await dying.stop();
    apps.splice(apps.indexOf(dying), 1);
    // Its lease still holds: the others leave the run alone.
    await Promise.all([b.baton.jobs.digests?.run(), c.baton.jobs.digests?.run()]);
    expect(postsIn(b.slack, "C0REPLDIE01")).toHaveLength(0);
    clock.advance(LEASE_MS + 60_000);
    await Promise.all([b.baton.jobs.digests?.run(), c.baton.jobs.digests?.run(), b.baton.jobs.digests?.run()]);
    expect(postsIn(b.slack, "C0REPLDIE01")).toHaveLength(1);
    expect(chartsIn(b.slack, "C0REPLDIE01")).toHaveLength(1);
    const [run] = await runsOf(b.db, id);
    expect(run).toMatchObject({ status: "done", attempts: 2, late: true });
    expect(JSON.stringify(postsIn(b.slack, "C0REPLDIE01")[0]?.blocks)).toContain("Posted late");
  });

  it("does not post again when the replica died between Slack's answer and recording it", async () => {
    const clock = new TestClock(new Date(SLOT + 5_000));
    const target = "channel:C0REPLDIE02";
    const [dying, b, c] = await replicas(clock, {
      start: {
        // Slack has the message; the replica dies before it records that.
        ports: dyingPublisher((real) => async (post) => {
          await real.postDigest(post);
          return never();
        }),
        drainTimeoutMs: 50,
      },
    });
    if (!dying || !b || !c) throw new Error("replicas");
    const id = await schedule(dying.db, { teamId: "T0REPL0003", channelId: "C0REPLDIE02", createdAt: "2026-11-22T00:00:00Z" });
    void dying.baton.jobs.digests?.run();
    await expect.poll(() => postsIn(b.slack, "C0REPLDIE02").length).toBe(1);
    await dying.stop();
    apps.splice(apps.indexOf(dying), 1);
    const [interrupted] = await runsOf(b.db, id);
    expect(interrupted?.deliveries).toMatchObject([{ target, status: "sending", messageTs: null }]);
    clock.advance(LEASE_MS + 60_000);
    await Promise.all([b.baton.jobs.digests?.run(), c.baton.jobs.digests?.run()]);
    const posts = postsIn(b.slack, "C0REPLDIE02");
    expect(posts).toHaveLength(1);
    const [run] = await runsOf(b.db, id);
    expect(run).toMatchObject({ status: "done", attempts: 2 });
    expect(runIdOf(posts[0] ?? {})).toBe(run?.id);
    // The message found in the channel is recorded as this run's, and the chart goes to its thread.
    expect(run?.deliveries.map((d) => [d.target, d.status, d.messageTs])).toEqual([
      ["channel:C0REPLDIE02", "posted", posts[0]?.ts],
      ["chart:C0REPLDIE02", "posted", null],
    ]);
    expect(chartsIn(b.slack, "C0REPLDIE02").map((call) => call.args.thread_ts)).toEqual([posts[0]?.ts]);
  });

  it("runs node-cron's timers on every replica, lets one post each scheduled second, and drops them when the schedule is off", async () => {
    // Real timers: a schedule that fires every second, three scheduling replicas, a few seconds of wall time.
    const clock = new TestClock(new Date());
    const first = await startTestApp({ clock, slack, env: NO_DEFAULTS, databaseUrl: database.url });
    apps.push(first);
    const id = await schedule(first.db, {
      teamId: "T0REPL0004",
      channelId: "C0REPLCRON1",
      cron: "* * * * * *",
      timezone: "UTC",
      sections: ["funnel"],
      createdAt: new Date(Date.now() + 60_000).toISOString(),
    });
    for (let i = 0; i < 3; i++) {
      apps.push(await startTestApp({ clock, slack, env: NO_DEFAULTS, databaseUrl: database.url, start: { schedule: true } }));
    }
    await expect
      .poll(async () => (await runsOf(first.db, id)).filter((r) => r.status === "done").length, { timeout: HANG_BOUND_MS })
      .toBeGreaterThanOrEqual(3);
    // Another replica turns the schedule off; every replica's sweep drops its timer.
    await first.db.digestSchedule.update({ where: { id }, data: { enabled: false } });
    await Promise.all(apps.slice(1).map((app) => app.baton.jobs.digests?.run()));
    await Promise.all(apps.map((app) => app.idle())); // a post already under way may still land
    const postedWhenTurnedOff = postsIn(slack, "C0REPLCRON1").length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(postsIn(slack, "C0REPLCRON1").length).toBe(postedWhenTurnedOff);
    for (const app of apps.splice(1).reverse()) await app.stop();
    const runs = await runsOf(first.db, id);
    const done = runs.filter((r) => r.status === "done");
    const posts = postsIn(slack, "C0REPLCRON1");
    expect(posts.length).toBe(done.length);
    expect(new Set(posts.map(runIdOf))).toEqual(new Set(done.map((r) => r.id)));
    expect(new Set(done.map((r) => r.claimedBy)).size).toBeGreaterThanOrEqual(1);
    expect(runs.every((r) => r.key === `digest:${id}:${r.scheduledFor.toISOString()}`)).toBe(true);
  });
});
