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
import { chartsIn, leadInWeekOfNov16, postsIn, runIdOf, runsOf, schedule } from "./digest-helpers.js";

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
    await leadInWeekOfNov16(a.db, "T0REPL0001");
    await Promise.all([a, b, c, a, b, c].map((app) => app.baton.jobs.digests?.run()));
    for (let i = 0; i < 4; i++) {
      expect(postsIn(a.slack, `C0REPLALL${i}`)).toHaveLength(1);
      expect(chartsIn(a.slack, `C0REPLALL${i}`)).toHaveLength(1);
      expect(await runsOf(a.db, ids[i] ?? "")).toMatchObject([{ status: "done", attempts: 1 }]);
    }
  });

  it("finishes a run whose replica died after claiming it, once its lease has run out", async () => {
    const clock = new TestClock(new Date(SLOT + 5_000));
    let asked = false;
    const hang = () => {
      asked = true;
      return never();
    };
    const [dying, b, c] = await replicas(clock, { start: { ports: dyingPublisher(() => hang), drainTimeoutMs: 50 } });
    if (!dying || !b || !c) throw new Error("replicas");
    const id = await schedule(dying.db, { teamId: "T0REPL0002", channelId: "C0REPLDIE01", createdAt: "2026-11-22T00:00:00Z" });
    await leadInWeekOfNov16(dying.db, "T0REPL0002");
    void dying.baton.jobs.digests?.run(); // claims the slot, then hangs forever where Slack is asked to post
    // It dies there: nothing of it runs any more (stopping it earlier would leave its run going on in the background).
    await expect.poll(() => asked).toBe(true);
    expect(await runsOf(b.db, id)).toHaveLength(1);
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
    await leadInWeekOfNov16(dying.db, "T0REPL0003");
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
    // The message found in the channel (its chart inside) is recorded as this run's; nothing is posted or uploaded again.
    expect(run?.deliveries.map((d) => [d.target, d.status, d.messageTs])).toEqual([["channel:C0REPLDIE02", "posted", posts[0]?.ts]]);
    expect(chartsIn(b.slack, "C0REPLDIE02")).toHaveLength(1);
    expect(b.slack.callsOf("files.completeUploadExternal")).toHaveLength(1);
  });

  it("posts two schedules due in the same minute once each, however the three replicas' ticks interleave", async () => {
    const clock = new TestClock(new Date(SLOT - 60_000));
    const [a, b, c] = await replicas(clock);
    if (!a || !b || !c) throw new Error("replicas");
    const createdAt = "2026-11-22T00:00:00Z";
    const sales = await schedule(a.db, { teamId: "T0REPL0005", channelId: "C0REPLTWO01", view: "sales", createdAt });
    const marketing = await schedule(b.db, { teamId: "T0REPL0006", channelId: "C0REPLTWO02", view: "marketing", createdAt });
    await leadInWeekOfNov16(a.db, "T0REPL0005");
    await leadInWeekOfNov16(a.db, "T0REPL0006");
    // A minute early: every tick finds nothing due.
    await Promise.all([a, b, c].map((app) => app.baton.jobs.digests?.run()));
    expect(slack.callsOf("chat.postMessage")).toHaveLength(0);
    clock.set(new Date(SLOT + 2_000));
    await Promise.all([a, b, c, c, b, a].map((app) => app.baton.jobs.digests?.run()));
    for (const [id, channel] of [
      [sales, "C0REPLTWO01"],
      [marketing, "C0REPLTWO02"],
    ] as const) {
      expect(postsIn(slack, channel)).toHaveLength(1);
      expect(chartsIn(slack, channel)).toHaveLength(1);
      expect(await runsOf(a.db, id)).toMatchObject([{ status: "done", attempts: 1, scheduledFor: new Date(SLOT) }]);
      const row = await a.db.digestSchedule.findUniqueOrThrow({ where: { id } });
      expect(row.nextRunAt).toEqual(new Date(SLOT + 7 * 24 * 3_600_000));
    }
  });

  it("posts a digest missed while every replica was down once when three scheduling replicas start, and none that is off", async () => {
    // An hour after the slot, nobody having run then; the replicas tick on their own (real timers).
    const clock = new TestClock(new Date(SLOT + 3_600_000));
    const first = await startTestApp({ clock, slack, env: NO_DEFAULTS, databaseUrl: database.url });
    apps.push(first);
    const createdAt = "2026-11-22T00:00:00Z";
    const missed = await schedule(first.db, { teamId: "T0REPL0004", channelId: "C0REPLMISS1", sections: ["funnel"], createdAt });
    const off = await schedule(first.db, { teamId: "T0REPL0004", channelId: "C0REPLOFF01", sections: ["funnel"], createdAt });
    await first.db.digestSchedule.update({ where: { id: off }, data: { enabled: false } });
    await leadInWeekOfNov16(first.db, "T0REPL0004");
    for (let i = 0; i < 3; i++) {
      apps.push(await startTestApp({ clock, slack, env: NO_DEFAULTS, databaseUrl: database.url, start: { schedule: true } }));
    }
    await expect.poll(() => postsIn(slack, "C0REPLMISS1").length, { timeout: HANG_BOUND_MS }).toBe(1);
    await Promise.all(apps.map((app) => app.baton.jobs.digests?.run()));
    await Promise.all(apps.map((app) => app.idle()));
    const posts = postsIn(slack, "C0REPLMISS1");
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.blocks)).toContain("Posted late");
    const [run] = await runsOf(first.db, missed);
    expect(run).toMatchObject({ status: "done", late: true, attempts: 1, scheduledFor: new Date(SLOT) });
    expect(runIdOf(posts[0] ?? {})).toBe(run?.id);
    expect(postsIn(slack, "C0REPLOFF01")).toHaveLength(0);
    expect(await runsOf(first.db, off)).toEqual([]);
  });
});
