// A 429 from Slack does not hold a digest worker: the call fails at once, the worker goes on to other workspaces'
// digests, and the rate-limited run is due again when Slack's Retry-After says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { postsIn, runsOf, schedule } from "./digest-helpers.js";

const SLOT = Date.parse("2026-11-23T14:00:00.000Z"); // Monday 09:00 in New York
const createdAt = "2026-11-22T00:00:00Z";
const BUSY = "C0RATEBUSY1";
const CALM = "C0RATECALM1";

describe("digests when Slack rate-limits a workspace", () => {
  let app: TestApp;
  const clock = new TestClock(new Date(SLOT + 10_000));
  const sweep = () => app.baton.jobs.digests?.run();

  beforeAll(async () => {
    // One worker: if the 429 were waited out inside the call, the other workspace's digest would wait behind it.
    app = await startTestApp({ clock, env: { SALES_CHANNEL_ID: "", MARKETING_CHANNEL_ID: "", DIGEST_CONCURRENCY: "1" } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("reschedules the run for Retry-After, posts the other workspace's digest meanwhile, then posts it exactly once", async () => {
    const busy = await schedule(app.db, { teamId: "T0RATE0001", channelId: BUSY, createdAt });
    await schedule(app.db, { teamId: "T0RATE0002", channelId: CALM, createdAt });
    let limited = 0;
    app.slack.on("chat.postMessage", (args) => {
      if (args.channel !== BUSY || limited > 0) return undefined;
      limited += 1;
      return { status: 429, headers: { "retry-after": "30" }, body: { ok: false, error: "ratelimited" } };
    });

    await sweep();
    expect(limited).toBe(1);
    expect(postsIn(app.slack, CALM)).toHaveLength(1);
    expect(postsIn(app.slack, BUSY)).toHaveLength(0);
    expect(await runsOf(app.db, busy)).toMatchObject([{ status: "failed", attempts: 1 }]);
    const rescheduled = await app.db.digestSchedule.findUniqueOrThrow({ where: { id: busy } });
    expect(rescheduled.nextRunAt?.getTime()).toBe(SLOT + 10_000 + 30_000);

    // Before Retry-After has passed, nothing is tried again.
    clock.advance(20_000);
    await sweep();
    expect(postsIn(app.slack, BUSY)).toHaveLength(0);

    clock.advance(10_000);
    await sweep();
    await sweep();
    expect(postsIn(app.slack, BUSY)).toHaveLength(1);
    expect(postsIn(app.slack, CALM)).toHaveLength(1);
    expect(await runsOf(app.db, busy)).toMatchObject([{ status: "done", attempts: 2 }]);
  });
});
