// A scheduled digest run through the domain's use cases on a real database, with the recording publisher as
// Slack: once per scheduled time, retried after a failure without posting twice, a dead channel reported once.
// (A replica that dies right after posting is tested end to end in digest-replicas.test.ts.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunTarget } from "../../src/domain/digests/run-keys.js";
import { AppError } from "../../src/lib/errors.js";
import { FunnelData } from "../funnel/fixtures.js";
import { buildKnownWeek, ZONE } from "../funnel/known-week.js";
import { TestClock } from "../helpers/clock.js";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";
import { runsOf, schedule } from "./digest-helpers.js";

/** Monday 2026-11-23 09:00 in New York: a weekly digest's scheduled time; the next one a week later. */
const SLOT = new Date("2026-11-23T14:00:00.000Z");
const NEXT_SLOT = new Date("2026-11-30T14:00:00.000Z");
const ADMIN = "U0DIGADMN1";

describe("a scheduled digest run", () => {
  let t: TestServices;
  const clock = new TestClock(SLOT);
  beforeAll(async () => {
    t = await servicesOnFreshDatabase({ clock });
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    clock.set(new Date(SLOT.getTime() + 20_000));
  });

  async function weeklyDigest(team: string, channelId: string): Promise<{ scheduleId: string; target: RunTarget }> {
    await buildKnownWeek(new FunnelData(t.db, team, ZONE));
    const scheduleId = await schedule(t.db, { teamId: team, channelId, view: "sales", createdById: ADMIN });
    return { scheduleId, target: { kind: "digest", scheduleId } };
  }

  it("posts last week's figures once, with the chart in its thread, however often the sweep runs", async () => {
    const channel = "C0FDIGEST1";
    const { scheduleId, target } = await weeklyDigest("T0FDIGR001", channel);
    await t.services.digestRuns.catchUp(target, [SLOT]);
    await t.services.digestRuns.catchUp(target, [SLOT]);
    const posts = t.digestPublisher.postsIn(channel);
    expect(posts.map((post) => [post.digest.view, post.digest.report.counts.created, post.lateFor])).toEqual([["sales", 6, null]]);
    expect(posts[0]?.digest.sections).toContain("chart");
    const [run] = await runsOf(t.db, scheduleId);
    expect(run).toMatchObject({ status: "done", attempts: 1, late: false, id: posts[0]?.runId });
    expect(run?.deliveries.map((d) => [d.target, d.status])).toEqual([[`channel:${channel}`, "posted"]]);
  });

  it("lets exactly one of several replicas claim a scheduled time", async () => {
    const channel = "C0FDIGEST2";
    const { scheduleId } = await weeklyDigest("T0FDIGR002", channel);
    const key = `digest:${scheduleId}:${SLOT.toISOString()}`;
    const claims = await Promise.all([1, 2, 3].map(() => t.services.digestRuns.claimKey(key)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await t.services.digestRuns.executeKey(key);
    await t.services.digestRuns.executeKey(key);
    expect(t.digestPublisher.postsIn(channel)).toHaveLength(1);
  });

  it("retries a digest Slack did not take on the next sweep, and posts it once", async () => {
    const channel = "C0FDIGEST3";
    const { scheduleId, target } = await weeklyDigest("T0FDIGR003", channel);
    t.digestPublisher.failNext("postDigest", new Error("An API error occurred: ratelimited"));
    await t.services.digestRuns.catchUp(target, [SLOT]);
    expect((await runsOf(t.db, scheduleId))[0]).toMatchObject({ status: "failed", error: expect.stringContaining("ratelimited") });
    expect(t.digestPublisher.postsIn(channel)).toEqual([]);
    await t.services.digestRuns.catchUp(target, [SLOT]);
    await t.services.digestRuns.catchUp(target, [SLOT]);
    expect(t.digestPublisher.postsIn(channel)).toHaveLength(1);
    expect((await runsOf(t.db, scheduleId))[0]).toMatchObject({ status: "done", attempts: 2 });
  });

  it("tells the admins once when the channel cannot be used, and does not retry it", async () => {
    const channel = "C0FDIGEST5";
    const { scheduleId, target } = await weeklyDigest("T0FDIGR005", channel);
    t.digestPublisher.failNext(
      "postDigest",
      new AppError("not_configured", "Baton can't post in that channel.", {}, "channel_not_found"),
      2,
    );
    await t.services.digestRuns.catchUp(target, [SLOT]);
    await t.services.digestRuns.catchUp(target, [SLOT]);
    clock.set(new Date(NEXT_SLOT.getTime() + 20_000));
    await t.services.digestRuns.catchUp(target, [NEXT_SLOT, SLOT]);
    const told = t.digestPublisher.firstArgsOf("tellAdmins").filter((tell) => tell.channelId === channel);
    expect(told).toEqual([{ teamId: "T0FDIGR005", userIds: [ADMIN], channelId: channel, reason: "channel_not_found" }]);
    expect(t.digestPublisher.argsOf("postDigest").filter(([post]) => post.channelId === channel)).toHaveLength(2);
    const runs = await runsOf(t.db, scheduleId);
    expect(runs.map((run) => [run.status, run.error])).toEqual([
      ["done", "not delivered: channel_not_found"],
      ["done", "not delivered: channel_not_found"],
    ]);
  });
});
