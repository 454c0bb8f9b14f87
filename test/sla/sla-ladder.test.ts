// The response SLA's escalation ladder, run by the slaLadder job: each step once per handoff, across restarts and
// replicas, on a clock that counts working hours only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dmsTo, handOff, logLead, startReplicas, textOf, updatesOf, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import type { SlackCall } from "../helpers/slack-stand-in.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const ADMIN = "U0SLAADMIN";
const MARKETER = "U0SLAMKT01";
const REP = "U0SLAREP01";
const REP2 = "U0SLAREP02";
const GROUP = "S0SLATEAM1";

const threadPosts = (app: TestApp, ts: string) => app.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts);
const channelPosts = (app: TestApp, match: (c: SlackCall) => boolean) =>
  app.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === SALES_CHANNEL && !c.args.thread_ts && match(c));
/** Top-level posts linking to the card with this ts (the job serves every workspace, so tests tell theirs apart). */
const linking = (ts: string) => (c: SlackCall) => textOf(c).includes(`/p${ts.replace(".", "")}`);

async function setUpTeam(app: TestApp, teamId: string, options: { reassign: boolean; timezone?: string }) {
  await app.requests.command("/baton", "help", { teamId });
  await app.db.workspace.update({
    where: { teamId },
    data: { salesUserGroupId: GROUP, timezone: options.timezone ?? "UTC" },
  });
  const values: Record<string, Record<string, unknown>> = {
    switches: { value: input.checkboxes(["enabled", ...(options.reassign ? ["reassign"] : [])]) },
    members: { rotation_members: input.users([REP, REP2]) },
  };
  const reply = await app.requests.viewSubmission({ callbackId: "settings_rotation", values }, { teamId, userId: ADMIN });
  expect(reply.body).toBe("");
}

describe("the SLA ladder across a weekend, a restart and two replicas", () => {
  let owner: TestApp;
  const TEAM = "T0SLALADR1";
  beforeAll(async () => {
    owner = await startTestApp();
    owner.slack.setUser({ id: ADMIN, is_admin: true });
    for (const id of [REP, REP2]) owner.slack.setUser({ id, tz: "America/New_York" });
    owner.slack.setUserGroup(GROUP, [REP, REP2]);
  });
  afterAll(async () => {
    await owner.stop();
  });

  it("reminds at half time, escalates and reassigns at the deadline, each exactly once, counting working hours only", async () => {
    const clock = owner.clock;
    // Friday 15:00 in New York (20:00 UTC): two working hours left this week.
    clock.set("2026-11-27T20:00:00Z");
    const first = await startTestApp({ databaseUrl: owner.databaseUrl, slack: owner.slack, clock });
    await setUpTeam(first, TEAM, { reassign: true, timezone: "America/New_York" });
    const lead = await logLead(first, { email: "weekend@sla.io", company: "Weekend Co" }, { teamId: TEAM, userId: MARKETER });
    const handoff = await handOff(first, lead.id, { teamId: TEAM, userId: MARKETER });
    if (!handoff?.messageTs) throw new Error("no card");
    const ts = handoff.messageTs;
    expect(handoff.assigneeId).toBe(REP);
    // 240 working minutes: 2 h on Friday, 2 h from Monday 09:00 New York.
    expect(handoff.slaDueAt?.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    const steps = await owner.db.slaStep.findMany({ where: { handoffId: handoff.id }, orderBy: [{ dueAt: "asc" }, { step: "asc" }] });
    expect(steps.map((s) => [s.step, s.dueAt.toISOString()])).toEqual([
      ["reminder", "2026-11-27T22:00:00.000Z"],
      ["escalation", "2026-11-30T16:00:00.000Z"],
      ["reassignment", "2026-11-30T16:00:00.000Z"],
    ]);
    owner.slack.reset();

    clock.set("2026-11-27T21:59:00Z");
    await first.baton.jobs.slaLadder?.run();
    expect(dmsTo(owner, REP)).toHaveLength(0);

    clock.set("2026-11-27T22:00:00Z");
    await first.baton.jobs.slaLadder?.run();
    await first.baton.jobs.slaLadder?.run();
    expect(dmsTo(owner, REP)).toHaveLength(1);
    expect(textOf(dmsTo(owner, REP)[0])).toContain("half of your response time for a lead at Weekend Co has passed");
    expect(textOf(dmsTo(owner, REP)[0])).toContain("*2 h* of working time left");

    // The instance stops (a deploy, a crash); another one takes over the same database.
    await first.stop();
    const second = await startTestApp({ databaseUrl: owner.databaseUrl, slack: owner.slack, clock });
    const third = (await startReplicas(owner, 1))[0] ?? second;
    try {
      for (const at of ["2026-11-28T15:00:00Z", "2026-11-29T23:00:00Z", "2026-11-30T15:59:00Z"]) {
        clock.set(at); // the weekend, and Monday morning before the deadline
        await second.baton.jobs.slaLadder?.run();
      }
      expect(owner.slack.calls.filter((c) => ["chat.postMessage", "chat.update"].includes(c.method))).toHaveLength(1);

      clock.set("2026-11-30T16:00:00Z");
      await Promise.all([second.baton.jobs.slaLadder?.run(), third.baton.jobs.slaLadder?.run(), second.baton.jobs.slaLadder?.run()]);
      await second.baton.jobs.slaLadder?.run();

      // One escalation, in the card's thread and broadcast to the channel; no second post beside the card.
      expect(channelPosts(owner, (c) => textOf(c).includes("waited past the agreed response time"))).toHaveLength(0);
      const escalations = threadPosts(owner, ts).filter((c) => textOf(c).includes("waited past the agreed response time"));
      expect(escalations.map((c) => String(c.args.reply_broadcast))).toEqual(["true"]);
      // Counted once in /metrics, on whichever instance recorded the breach.
      const counted = await Promise.all(
        [...new Set([second, third])].map(async (instance) => (await fetch(`${instance.url}/metrics`)).text()),
      );
      const breaches = counted.map((text) => Number(/^baton_sla_breaches_total (\d+)$/m.exec(text)?.[1] ?? 0));
      expect(breaches.reduce((a, b) => a + b, 0)).toBe(1);
      expect(textOf(escalations[0])).toContain(`<!subteam^${GROUP}>`);
      const thread = threadPosts(owner, ts);
      expect(thread.filter((c) => textOf(c).includes(`reassigned from <@${REP}> to <@${REP2}>`))).toHaveLength(1);
      expect(dmsTo(owner, REP2)).toHaveLength(1);
      expect(textOf(dmsTo(owner, REP2)[0])).toContain("to you, with a full response time of your own");
      // REP2's own 240 working minutes from Monday 11:00 New York: until 15:00 there (20:00 UTC).
      expect(textOf(dmsTo(owner, REP2)[0])).toContain("*4 h* of working time left");
      expect(textOf(dmsTo(owner, REP2)[0])).toContain("<!date^1796068800^");
      expect(dmsTo(owner, REP)).toHaveLength(1); // still only the reminder

      const breached = await owner.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
      expect(breached).toMatchObject({ status: "pending", assigneeId: REP2 });
      expect(breached.breachedAt?.toISOString()).toBe("2026-11-30T16:00:00.000Z");
      expect(updatesOf(owner, SALES_CHANNEL, ts).some((c) => textOf(c).includes("Past the agreed response time"))).toBe(true);
      const events = await owner.db.leadEvent.findMany({
        where: { leadId: lead.id, type: { in: ["reminded", "escalated", "reassigned"] } },
      });
      expect(events.map((e) => e.type).sort()).toEqual(["escalated", "reassigned", "reminded"]);
      expect(events.find((e) => e.type === "reassigned")?.reason).toBe(REP2);
      const after = await owner.db.slaStep.findMany({ where: { handoffId: handoff.id }, orderBy: { step: "asc" } });
      expect(after.map((s) => [s.step, s.dueAt.toISOString(), s.outcome])).toEqual([
        ["escalation", "2026-11-30T20:00:00.000Z", null],
        ["reassignment", "2026-11-30T16:00:00.000Z", "done"],
        ["reminder", "2026-11-30T18:00:00.000Z", null],
      ]);
    } finally {
      await second.stop();
      if (third !== second) await third.stop();
      clock.set("2026-11-23T09:00:00Z");
    }
  });
});

describe("SLA steps and the state of the handoff", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    app.slack.setUserGroup(GROUP, [REP, REP2]);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.clock.set("2026-11-23T09:00:00Z");
  });

  async function pending(teamId: string, email: string) {
    const lead = await logLead(app, { email }, { teamId, userId: MARKETER });
    const handoff = await handOff(app, lead.id, { teamId, userId: MARKETER });
    if (!handoff?.messageTs) throw new Error("no card");
    app.slack.reset();
    return { lead, handoff, ts: handoff.messageTs };
  }

  it("skips the steps of a handoff that was answered in time", async () => {
    const team = "T0SLASKIP1";
    await setUpTeam(app, team, { reassign: true });
    const { handoff } = await pending(team, "answered@sla.io");
    app.clock.advanceMinutes(30);
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id }, { teamId: team, userId: REP });
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead"));
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe("accepted");
    app.slack.reset();
    app.clock.set("2026-11-24T09:00:00Z");
    await app.baton.jobs.slaLadder?.run();
    const steps = await app.db.slaStep.findMany({ where: { handoffId: handoff.id } });
    expect(steps.map((s) => s.outcome)).toEqual(["skipped", "skipped", "skipped"]);
    expect(app.slack.calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(0);
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).breachedAt).toBeNull();
  });

  it("waits for a step another replica holds until its lease runs out, then runs it once", async () => {
    const team = "T0SLALEASE";
    await setUpTeam(app, team, { reassign: false });
    const { handoff } = await pending(team, "lease@sla.io");
    expect(await app.db.slaStep.count({ where: { handoffId: handoff.id } })).toBe(2);
    app.clock.set("2026-11-23T11:00:00Z");
    // A replica claimed the reminder and died before finishing it.
    await app.db.slaStep.updateMany({
      where: { handoffId: handoff.id, step: "reminder" },
      data: { claimedBy: "dead-replica", claimedUntil: new Date("2026-11-23T11:05:00Z") },
    });
    await app.baton.jobs.slaLadder?.run();
    expect(dmsTo(app, REP)).toHaveLength(0);
    app.clock.set("2026-11-23T11:06:00Z");
    await app.baton.jobs.slaLadder?.run();
    await app.baton.jobs.slaLadder?.run();
    expect(dmsTo(app, REP)).toHaveLength(1);
    const reminder = await app.db.slaStep.findFirstOrThrow({ where: { handoffId: handoff.id, step: "reminder" } });
    expect(reminder.outcome).toBe("done");
    expect(reminder.claimedBy).not.toBe("dead-replica");
  });

  it("reminds in the card's thread when nobody is assigned, and uses the agreed response time", async () => {
    const team = "T0SLANOREP";
    await app.requests.command("/baton", "help", { teamId: team });
    await app.db.agreement.create({ data: { teamId: team, responseSlaMinutes: 60 } });
    const { handoff, ts } = await pending(team, "nobody@sla.io");
    expect(handoff.assigneeId).toBeNull();
    expect(handoff.slaDueAt?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    app.clock.set("2026-11-23T09:30:00Z");
    await app.baton.jobs.slaLadder?.run();
    expect(threadPosts(app, ts).map(textOf).join()).toContain("Half of the agreed response time has passed");
  });

  it("records a breach when a handoff is answered after its deadline, even if no job ran", async () => {
    const team = "T0SLALATE1";
    await app.requests.command("/baton", "help", { teamId: team });
    const { handoff } = await pending(team, "late@sla.io");
    app.clock.set("2026-11-24T12:00:00Z");
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id }, { teamId: team, userId: REP });
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status === "accepted");
    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(decided.breachedAt?.toISOString()).toBe(decided.slaDueAt?.toISOString());
  });
});

describe("an SLA step Slack fails to deliver", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("leaves an escalation Slack failed to take to the outbox sweep, which posts it once; the step is not run again", async () => {
    const team = "T0SLARETRY";
    await setUpTeam(app, team, { reassign: false });
    const lead = await logLead(app, { email: "retry@sla.io" }, { teamId: team, userId: MARKETER });
    const handoff = await handOff(app, lead.id, { teamId: team, userId: MARKETER });
    const ts = handoff?.messageTs ?? "";
    if (!handoff) throw new Error("no handoff");
    app.slack.reset();
    app.clock.set("2026-11-23T13:00:00Z");
    await app.db.slaStep.updateMany({ where: { handoffId: handoff.id, step: "reminder" }, data: { doneAt: new Date(), outcome: "done" } });
    app.slack.errorNext("chat.postMessage", "internal_error");
    await app.baton.jobs.slaLadder?.run();
    expect(threadPosts(app, ts)).toHaveLength(1); // the one Slack refused
    expect(channelPosts(app, linking(ts))).toHaveLength(0);
    // The failed attempt still recorded the breach.
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).breachedAt?.toISOString()).toBe(
      "2026-11-23T13:00:00.000Z",
    );
    // The step is done (its notice committed with it); the outbox holds the escalation until its backoff passes.
    expect(await app.db.outboxEffect.findFirstOrThrow({ where: { teamId: team, kind: "sla_escalation" } })).toMatchObject({
      status: "pending",
      attempts: 1,
    });
    app.clock.set("2026-11-23T13:06:00Z");
    await app.baton.jobs.slaLadder?.run();
    await app.baton.jobs.outboxSweep?.run();
    await app.baton.jobs.outboxSweep?.run();
    await app.baton.jobs.slaLadder?.run();
    expect(threadPosts(app, ts)).toHaveLength(2);
    expect(String(threadPosts(app, ts).at(-1)?.args.reply_broadcast)).toBe("true");
    expect(channelPosts(app, linking(ts))).toHaveLength(0);
    expect(await app.db.leadEvent.count({ where: { leadId: handoff.leadId, type: "escalated" } })).toBe(1);
  });
});
