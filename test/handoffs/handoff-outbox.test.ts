// Every Slack effect of a handoff goes through the outbox: whatever Slack does on the first try (a 429 with
// Retry-After, a 500, `ratelimited`, no answer at all), after the sweep each effect is in Slack exactly once and the
// card shows the handoff as it is.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handOff, logLead, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import type { SlackCall } from "../helpers/slack-stand-in.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0HOUTBOX1";
const ADMIN = "U0HOBADMIN";
const MARKETER = "U0HOBMKT01";
const REP = "U0HOBREP01";
const REP2 = "U0HOBREP02";
const GROUP = "S0HOBTEAM1";
const MINUTE = 60_000;
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };

type Failure = "429" | "500" | "ratelimited" | "timeout";
const FAILURES: Failure[] = ["429", "500", "ratelimited", "timeout"];

describe("a handoff's Slack effects when Slack fails on the first try", () => {
  let app: TestApp;
  let leads = 0;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    app.slack.setUserGroup(GROUP, [REP, REP2]);
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesUserGroupId: GROUP } });
    const values = { switches: { value: input.checkboxes(["enabled"]) }, members: { rotation_members: input.users([REP]) } };
    expect((await app.requests.viewSubmission({ callbackId: "settings_rotation", values }, { teamId: TEAM, userId: ADMIN })).body).toBe("");
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /** The first call of `method` that matches fails as `failure` says; returns what ends a timeout's wait. */
  function failFirst(method: string, match: (call: SlackCall) => boolean, failure: Failure): () => void {
    let first = true;
    const once = (call: SlackCall) => {
      if (!first || !match(call)) return false;
      first = false;
      return true;
    };
    // No answer: Slack took the call (the message is there) but Baton never heard back, as after a lost connection.
    if (failure === "timeout") return app.slack.hold(method, once).release;
    app.slack.on(method, (_args, call) => {
      if (!once(call)) return undefined;
      if (failure === "ratelimited") return { ok: false, error: "ratelimited" };
      const status = Number(failure);
      return {
        status,
        headers: status === 429 ? { "retry-after": "1" } : {},
        body: status === 429 ? { ok: false, error: "ratelimited" } : "upstream error",
      };
    });
    return () => undefined;
  }

  /** What a person does, then (a held call ends) the sweeper's runs past the backoff and the lease. */
  async function thenSweep(release: () => void, failure: Failure): Promise<void> {
    if (failure === "timeout") {
      app.clock.advance(2 * MINUTE); // past the stuck delivery's lease: another run takes over, after looking
      await app.baton.jobs.outboxSweep?.run();
      release(); // the stuck delivery hears back at last; it no longer holds the effect, so it changes nothing
    }
    await app.idle();
    app.clock.advance(2 * MINUTE);
    await app.baton.jobs.outboxSweep?.run();
    await app.baton.jobs.outboxSweep?.run();
    await app.idle();
  }

  /** The messages in Slack that deliver one outbox effect (what Slack took, in any channel). */
  const messagesOf = (effectId: string) =>
    [...app.slack.history.values()].flat().filter((m) => JSON.stringify(m.metadata ?? {}).includes(`"effect_id":"${effectId}"`));

  /** Every post of the handoff is in Slack once; every effect settled. Returns the effects by kind. */
  async function everyEffectOnce(handoffId: string) {
    const effects = await app.db.outboxEffect.findMany({ where: { teamId: TEAM, subjectId: { startsWith: handoffId } } });
    for (const effect of effects) {
      expect({ kind: effect.kind, status: effect.status }).toEqual({ kind: effect.kind, status: "delivered" });
      if (effect.kind !== "handoff_card_update")
        expect({ kind: effect.kind, posts: messagesOf(effect.id).length }).toEqual({ kind: effect.kind, posts: 1 });
    }
    return new Map(effects.map((e) => [e.kind, e]));
  }

  const cardShows = async (handoffId: string) => {
    const { messageTs } = await app.db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    return JSON.stringify(app.slack.message(SALES_CHANNEL, messageTs ?? "") ?? {});
  };

  async function pendingHandoff() {
    const lead = await logLead(app, { email: `outbox${++leads}@acme.com`, name: `Ada ${leads}`, company: "Acme" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff?.messageTs) throw new Error("no card");
    await app.idle();
    app.slack.reset();
    return handoff;
  }

  const clickCard = (actionId: string, handoffId: string, ts: string, extra: Record<string, unknown> = {}) =>
    app.requests.blockAction(
      { actionId, value: handoffId, blockId: `handoff:${handoffId}`, messageTs: ts, ...extra },
      { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL },
    );

  const isCard = (call: SlackCall) => call.args.channel === SALES_CHANNEL && !call.args.thread_ts;

  it.each(FAILURES)("hand-off (%s): the card is posted once and its ts recorded, the rotation's pick is told once", async (failure) => {
    const lead = await logLead(app, { email: `handoff-${failure}@acme.com`, company: "Acme" }, marketer);
    const release = failFirst("chat.postMessage", isCard, failure);
    await app.requests.blockAction({ actionId: "lead_hand_off", value: lead.id }, marketer);
    await waitUntil(async () => (await app.db.handoff.count({ where: { leadId: lead.id } })) === 1, "the handoff");
    await thenSweep(release, failure);
    const handoff = await app.db.handoff.findFirstOrThrow({ where: { leadId: lead.id } });
    const effects = await everyEffectOnce(handoff.id);
    expect([...effects.keys()].sort()).toEqual(["handoff_assigned_dm", "handoff_card"]);
    expect(handoff.messageTs).toBe(messagesOf(effects.get("handoff_card")?.id ?? "")[0]?.ts);
    expect(effects.get("handoff_assigned_dm")?.channelId).toBe(REP);
  });

  it.each(FAILURES)("accept (%s): the card shows who accepted, the marketer is told once in the thread", async (failure) => {
    const handoff = await pendingHandoff();
    const release = failFirst("chat.update", (c) => c.args.ts === handoff.messageTs, failure);
    await clickCard("handoff_accept", handoff.id, handoff.messageTs ?? "");
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status === "accepted");
    await thenSweep(release, failure);
    const effects = await everyEffectOnce(handoff.id);
    expect([...effects.keys()].sort()).toEqual(["handoff_accepted", "handoff_assigned_dm", "handoff_card", "handoff_card_update"]);
    expect(await cardShows(handoff.id)).toContain(`Accepted* by <@${REP}>`);
    expect(await cardShows(handoff.id)).not.toContain("handoff_accept");
  });

  it.each(FAILURES)("reject (%s): the card shows the rejection; the thread and marketing each hear it once", async (failure) => {
    const handoff = await pendingHandoff();
    const release = failFirst("chat.postMessage", (c) => c.args.thread_ts === handoff.messageTs, failure);
    // The submission is answered once the decision is made and shown; a stuck Slack call is waited for instead.
    const submitted = app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: JSON.stringify({ handoffId: handoff.id, channelId: SALES_CHANNEL }),
        values: { reason: { value: input.select("no_budget") }, note: { value: input.text("Frozen") } },
      },
      { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL },
    );
    if (failure === "timeout") await app.slack.waitFor("chat.postMessage", (c) => c.args.thread_ts === handoff.messageTs);
    else await submitted;
    await thenSweep(release, failure);
    await submitted;
    const effects = await everyEffectOnce(handoff.id);
    expect(effects.get("handoff_rejected")).toBeDefined();
    expect(effects.get("handoff_rejected_marketing")?.channelId).toBe(MARKETING_CHANNEL);
    expect(await cardShows(handoff.id)).toContain("Rejected");
    // Both notices quote the note, so erasure can redact both.
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).noticeRefs).toHaveLength(2);
  });

  it.each(FAILURES)("assign (%s): the new assignee is told once, and the card names them", async (failure) => {
    const handoff = await pendingHandoff();
    const release = failFirst("chat.postMessage", (c) => c.args.channel === REP2, failure);
    const clicked = clickCard("handoff_assign", handoff.id, handoff.messageTs ?? "", { type: "users_select", selectedUser: REP2 });
    if (failure === "timeout") await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === REP2);
    else await clicked;
    await thenSweep(release, failure);
    await clicked;
    await everyEffectOnce(handoff.id);
    expect(
      app.slack.history.get(REP2)?.filter((m) => m.text.includes(`Ada ${leads}`) || JSON.stringify(m.blocks).includes(handoff.id)),
    ).toHaveLength(1);
    expect(await cardShows(handoff.id)).toContain(`<@${REP2}>`);
  });

  it.each(FAILURES)(
    "SLA reminder and escalation (%s): each is said once, though the step is done before Slack answers",
    async (failure) => {
      const handoff = await pendingHandoff();
      const steps = await app.db.slaStep.findMany({ where: { handoffId: handoff.id }, orderBy: { dueAt: "asc" } });
      const reminderAt = steps.find((s) => s.step === "reminder")?.dueAt ?? new Date();
      const escalationAt = steps.find((s) => s.step === "escalation")?.dueAt ?? new Date();

      app.clock.set(reminderAt);
      const releaseReminder = failFirst("chat.postMessage", (c) => c.args.channel === REP, failure);
      const reminding = app.baton.jobs.slaLadder?.run();
      if (failure === "timeout") await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === REP);
      else await reminding;
      await thenSweep(releaseReminder, failure);
      await reminding;
      await app.baton.jobs.slaLadder?.run(); // the step is done: running the ladder again says nothing more

      app.clock.set(new Date(Math.max(escalationAt.getTime(), app.clock.now().getTime())));
      const releaseEscalation = failFirst("chat.postMessage", (c) => c.args.thread_ts === handoff.messageTs, failure);
      const escalating = app.baton.jobs.slaLadder?.run();
      if (failure === "timeout") await app.slack.waitFor("chat.postMessage", (c) => c.args.thread_ts === handoff.messageTs);
      else await escalating;
      await thenSweep(releaseEscalation, failure);
      await escalating;
      await app.baton.jobs.slaLadder?.run();

      const effects = await everyEffectOnce(handoff.id);
      expect(effects.get("sla_reminder")?.channelId).toBe(REP);
      expect(effects.get("sla_escalation")).toBeDefined();
      expect(await app.db.leadEvent.count({ where: { leadId: handoff.leadId, type: { in: ["reminded", "escalated"] } } })).toBe(2);
      expect(await cardShows(handoff.id)).toContain("handoff_accept"); // still open, so still answerable
    },
  );
});
