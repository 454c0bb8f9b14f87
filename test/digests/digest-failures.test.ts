// When Slack says no: server errors are retried with backoff, a failed run is retried by the next
// tick without posting twice, and a channel the app cannot use is reported to admins once and blocks no other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { chartsIn, leadInWeekOfNov16, postsIn, runsOf, schedule } from "./digest-helpers.js";

const SLOT = Date.parse("2026-11-23T14:00:00.000Z"); // Monday 09:00 in New York
const WEEK = 7 * 24 * 3_600_000;
const createdAt = "2026-11-22T00:00:00Z";

describe("digests when Slack fails", () => {
  let app: TestApp;
  const clock = new TestClock(new Date(SLOT + 10_000));
  const sweep = () => app.baton.jobs.digests?.run();

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { SALES_CHANNEL_ID: "", MARKETING_CHANNEL_ID: "" } });
  });
  afterAll(async () => {
    await app.stop();
  });

  // A 429 is not waited out inside the call: test/digests/digest-rate-limits.test.ts.
  it("retries 5xx answers within the call, then posts exactly once", async () => {
    const id = await schedule(app.db, { teamId: "T0FAIL0001", channelId: "C0FAILRATE1", createdAt });
    await leadInWeekOfNov16(app.db, "T0FAIL0001");
    app.slack.failNext("chat.postMessage", 503, 1);
    app.slack.failNext("files.completeUploadExternal", 503, 2);
    const attempts = { "chat.postMessage": 0, "files.completeUploadExternal": 0 };
    for (const method of Object.keys(attempts) as (keyof typeof attempts)[]) {
      app.slack.on(method, () => {
        attempts[method] += 1;
        return undefined;
      });
    }
    clock.set(new Date(SLOT + 10_000));
    await sweep();
    expect(attempts).toEqual({ "chat.postMessage": 2, "files.completeUploadExternal": 3 });
    expect(postsIn(app.slack, "C0FAILRATE1")).toHaveLength(1);
    expect(chartsIn(app.slack, "C0FAILRATE1")).toHaveLength(1);
    expect(await runsOf(app.db, id)).toMatchObject([{ status: "done", attempts: 1 }]);
  });

  it("posts the digest without its chart when the upload fails for good, rather than not at all", async () => {
    const id = await schedule(app.db, { teamId: "T0FAIL0002", channelId: "C0FAILPART1", createdAt });
    await leadInWeekOfNov16(app.db, "T0FAIL0002");
    app.slack.errorNext("files.getUploadURLExternal", "internal_error");
    clock.set(new Date(SLOT + 20_000));
    await sweep();
    expect(postsIn(app.slack, "C0FAILPART1")).toHaveLength(1);
    expect(chartsIn(app.slack, "C0FAILPART1")).toHaveLength(0);
    expect(await runsOf(app.db, id)).toMatchObject([{ status: "done", attempts: 1 }]);
  });

  it("posts the chart in the thread when Slack refuses it inside the message (invalid_blocks), drawn once", async () => {
    const id = await schedule(app.db, { teamId: "T0FAIL0004", channelId: "C0FAILBLKS1", createdAt });
    await leadInWeekOfNov16(app.db, "T0FAIL0004");
    let refused = false;
    app.slack.on("chat.postMessage", (args) => {
      if (args.channel !== "C0FAILBLKS1" || refused || !JSON.stringify(args.blocks ?? []).includes("slack_file")) return undefined;
      refused = true;
      return { ok: false, error: "invalid_blocks" };
    });
    clock.set(new Date(SLOT + 25_000));
    await sweep();
    const posts = postsIn(app.slack, "C0FAILBLKS1");
    expect(posts).toHaveLength(1);
    expect(chartsIn(app.slack, "C0FAILBLKS1")).toHaveLength(0);
    const intoThread = app.slack.callsOf("files.completeUploadExternal").filter((call) => call.args.channel_id === "C0FAILBLKS1");
    expect(intoThread.map((call) => call.args.thread_ts)).toEqual([posts[0]?.ts]);
    expect(await runsOf(app.db, id)).toMatchObject([{ status: "done", attempts: 1 }]);
  });

  it("reports a channel it cannot post in to the admins once, and still posts everyone else's", async () => {
    const team = "T0FAIL0003";
    await app.db.workspace.create({ data: { teamId: team, timezone: "America/New_York", adminUserIds: ["U0FAILADM1", "U0FAILADM2"] } });
    let broken = "channel_not_found";
    app.slack.on("chat.postMessage", (args) => (args.channel === "C0FAILGONE1" && broken ? { ok: false, error: broken } : undefined));
    const gone = await schedule(app.db, { teamId: team, channelId: "C0FAILGONE1", createdAt, createdById: "U0FAILADM1" });
    await schedule(app.db, { teamId: team, channelId: "C0FAILGOOD1", createdAt });
    const dmsTo = (user: string) => postsIn(app.slack, user).filter((m) => m.text.includes("<#C0FAILGONE1>"));

    clock.set(new Date(SLOT + 30_000));
    await sweep();
    expect(postsIn(app.slack, "C0FAILGOOD1")).toHaveLength(1);
    expect(postsIn(app.slack, "C0FAILGONE1")).toHaveLength(0);
    expect(dmsTo("U0FAILADM1").map((m) => m.text)).toEqual([
      expect.stringContaining("Baton couldn't post the scheduled funnel digest in <#C0FAILGONE1>: that channel no longer exists"),
    ]);
    expect(dmsTo("U0FAILADM2")).toHaveLength(1);
    expect(await runsOf(app.db, gone)).toMatchObject([
      { status: "done", error: "not delivered: channel_not_found", deliveries: [{ target: "channel:C0FAILGONE1", status: "failed" }] },
    ]);
    // Retrying does nothing; next week the same problem is not reported again.
    clock.advance(60_000);
    await sweep();
    clock.set(new Date(SLOT + WEEK + 30_000));
    await sweep();
    expect(postsIn(app.slack, "C0FAILGOOD1")).toHaveLength(2);
    expect(dmsTo("U0FAILADM1")).toHaveLength(1);
    // Fixed, then broken in another way: reported again.
    broken = "";
    clock.set(new Date(SLOT + 2 * WEEK + 30_000));
    await sweep();
    expect(postsIn(app.slack, "C0FAILGONE1")).toHaveLength(1);
    broken = "is_archived";
    clock.set(new Date(SLOT + 3 * WEEK + 30_000));
    await sweep();
    expect(dmsTo("U0FAILADM1").map((m) => m.text)).toEqual([
      expect.stringContaining("no longer exists"),
      expect.stringContaining("was archived"),
    ]);
    expect(postsIn(app.slack, "C0FAILGOOD1")).toHaveLength(4);
  });

  it("tells Slack's workspace admins when no Baton admin is listed", async () => {
    const team = "T0FAIL0004";
    app.slack.setUser({ id: "U0FAILOWN1", is_owner: true });
    app.slack.setUser({ id: "U0FAILMEM1" });
    app.slack.on("chat.postMessage", (args) => (args.channel === "C0FAILOUT01" ? { ok: false, error: "not_in_channel" } : undefined));
    await schedule(app.db, { teamId: team, channelId: "C0FAILOUT01", createdAt, createdById: "system" });
    clock.set(new Date(SLOT + 4 * WEEK + 40_000));
    await sweep();
    const told = postsIn(app.slack, "U0FAILOWN1").filter((m) => m.text.includes("<#C0FAILOUT01>"));
    expect(told.map((m) => m.text)).toEqual([
      expect.stringContaining("Baton is not a member of that channel: invite it with `/invite @Baton`"),
    ]);
    expect(postsIn(app.slack, "U0FAILMEM1")).toHaveLength(0);
  });
});
