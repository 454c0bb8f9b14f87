// The transactional outbox end to end: announcements are written with their decision and reach Slack exactly once,
// whether Slack fails, the process dies between commit and delivery, or a post went out just before a crash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignFields } from "../campaigns/forms.js";
import { startReplicas } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0OUTBOX01";
const MARKETER = "U0OUTMKT01";
const as = { teamId: TEAM, userId: MARKETER };
const MINUTE = 60_000;

describe("the outbox", () => {
  let app: TestApp;
  let views = 0;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", as);
  });
  afterAll(async () => {
    await app.stop();
  });

  const launch = async (target: TestApp, name: string) => {
    const reply = await target.requests.viewSubmission(
      { callbackId: "campaign_create", values: campaignFields({ name: input.text(name) }), privateMetadata: "{}", id: `VOUTBOX${++views}` },
      as,
    );
    expect(reply.body.response_action).toBe("update");
    await target.idle();
    return target.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, name } });
  };
  /** The messages in the sales channel that announce this campaign (what Slack took, not what it refused). */
  const postsOf = (name: string) =>
    (app.slack.history.get(SALES_CHANNEL) ?? []).filter((m) => String(m.text).includes(`New campaign: ${name}.`));
  const effectOf = (subjectId: string) => app.db.outboxEffect.findFirstOrThrow({ where: { teamId: TEAM, subjectId } });

  it("posts at once in the normal case, marked with its effect, and records it delivered", async () => {
    const campaign = await launch(app, "Outbox Normal");
    expect(postsOf("Outbox Normal")).toHaveLength(1);
    const effect = await effectOf(campaign.id);
    expect(effect).toMatchObject({ kind: "campaign_launched", channelId: SALES_CHANNEL, status: "delivered", attempts: 1 });
    expect(postsOf("Outbox Normal")[0]?.metadata).toEqual({ event_type: "baton_effect", event_payload: { effect_id: effect.id } });
  });

  it("leaves what Slack could not take to the sweep, which posts it once, and tells the person it is coming", async () => {
    app.slack.errorNext("chat.postMessage", "internal_error");
    const campaign = await launch(app, "Outbox Retry");
    expect(postsOf("Outbox Retry")).toHaveLength(0);
    expect(await effectOf(campaign.id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringContaining("internal_error"),
    });
    const told = JSON.stringify(app.slack.callsOf("views.update").at(-1)?.args.view);
    expect(told).toContain("Baton will post the announcement");

    await app.baton.jobs.outboxSweep?.run(); // not due yet: the backoff holds it
    expect(postsOf("Outbox Retry")).toHaveLength(0);
    app.clock.advance(MINUTE);
    await app.baton.jobs.outboxSweep?.run();
    await app.baton.jobs.outboxSweep?.run();
    expect(postsOf("Outbox Retry")).toHaveLength(1);
    expect(await effectOf(campaign.id)).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("takes a 429 at once and posts when Slack's Retry-After has passed, once", async () => {
    app.slack.failNext("chat.postMessage", 429, 1, 90);
    const campaign = await launch(app, "Outbox Busy");
    expect(postsOf("Outbox Busy")).toHaveLength(0);
    const effect = await effectOf(campaign.id);
    expect(effect).toMatchObject({ status: "pending", attempts: 1 });
    expect(effect.dueAt.getTime()).toBe(app.clock.now().getTime() + 90_000);

    app.clock.advance(MINUTE); // past the usual backoff, not past Retry-After
    await app.baton.jobs.outboxSweep?.run();
    expect(postsOf("Outbox Busy")).toHaveLength(0);
    app.clock.advance(MINUTE);
    await app.baton.jobs.outboxSweep?.run();
    await app.baton.jobs.outboxSweep?.run();
    expect(postsOf("Outbox Busy")).toHaveLength(1);
    expect(await effectOf(campaign.id)).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("does not post again when the process died after Slack took the post but before it was recorded", async () => {
    const campaign = await launch(app, "Outbox Crash");
    const effect = await effectOf(campaign.id);
    // As a SIGKILL would leave it: posted in Slack, the row still claimed and pending.
    await app.db.outboxEffect.update({
      where: { id: effect.id },
      data: { status: "pending", messageTs: null, settledAt: null, claimedUntil: new Date(app.clock.now().getTime() + MINUTE) },
    });
    await app.baton.jobs.outboxSweep?.run(); // still claimed by the dead process: left alone
    app.clock.advance(2 * MINUTE);
    await app.baton.jobs.outboxSweep?.run();
    expect(postsOf("Outbox Crash")).toHaveLength(1);
    expect(await effectOf(campaign.id)).toMatchObject({ status: "delivered", messageTs: expect.any(String) });
  });

  it("is delivered by the next process when the one that decided it never got to", async () => {
    const dying = await startTestApp({
      databaseUrl: app.databaseUrl,
      slack: app.slack,
      clock: app.clock,
      start: {
        ports: (slack) => ({
          ...slack,
          announcer: {
            ...slack.announcer,
            campaignLaunched: () => Promise.reject(new Error("the process was killed")),
          },
        }),
      },
    });
    const campaign = await launch(dying, "Outbox Restart");
    await dying.stop();
    expect(postsOf("Outbox Restart")).toHaveLength(0);
    expect((await effectOf(campaign.id)).status).toBe("pending");
    app.clock.advance(MINUTE);
    await app.baton.jobs.outboxSweep?.run();
    expect(postsOf("Outbox Restart")).toHaveLength(1);
  });

  it("gives up after its bound, logs and counts the dead letter, and never posts it", async () => {
    app.slack.errorNext("chat.postMessage", "internal_error", 20);
    const campaign = await launch(app, "Outbox Dead");
    for (let i = 0; i < 10; i++) {
      app.clock.advance(31 * MINUTE);
      await app.baton.jobs.outboxSweep?.run();
    }
    expect(await effectOf(campaign.id)).toMatchObject({ status: "dead", attempts: 8 });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/baton_outbox_dead_letters_total 1\b/);
    expect(postsOf("Outbox Dead")).toHaveLength(0);
    app.slack.reset();
  });

  it("with three replicas sweeping at once, delivers every waiting effect exactly once (PostgreSQL)", async () => {
    const replicas = await startReplicas(app, 2);
    if (replicas.length === 0) return;
    try {
      app.slack.errorNext("chat.postMessage", "internal_error", 30);
      const names = Array.from({ length: 30 }, (_, i) => `Outbox Burst ${i}`);
      for (const name of names) await launch(app, name);
      app.clock.advance(MINUTE);
      await Promise.all([app, ...replicas].map((r) => r.baton.jobs.outboxSweep?.run()));
      for (const name of names) expect({ name, posts: postsOf(name).length }).toEqual({ name, posts: 1 });
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  });
});
