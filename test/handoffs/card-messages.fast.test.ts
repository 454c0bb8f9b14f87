// Which message is a handoff's card: stored once, by Slack's answer or by the first click on the card, never
// replaced; a card posted again after a crash; a refused card leaving nothing behind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/lib/errors.js";
import { SALES_CHANNEL } from "../helpers/channels.js";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const MARKETER = "U0MARKETER";
const REP = "U0REP00001";

describe("a handoff's card on record", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.resetFakes());

  it("keeps nothing when Slack refuses the card: no handoff, the lead's stage as before, no hand-off events", async () => {
    const team = "T0FCARD001";
    await t.workspace(team);
    const lead = await t.logLead(team, { email: "refused@acme.com" });
    t.handoffNotifier.failNext("postCard", new AppError("not_configured", "Baton is not in the sales channel."));
    await expect(t.services.handoffs.handOff(team, lead.id, MARKETER)).rejects.toThrow("Baton is not in the sales channel.");
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "new", mqlAt: null, qualifiedById: null });
    expect(await t.db.handoff.count({ where: { teamId: team } })).toBe(0);
    expect(await t.db.slaStep.count({ where: { teamId: team } })).toBe(0);
    const events = await t.db.leadEvent.findMany({ where: { leadId: lead.id } });
    expect(events.map((e) => e.type)).toEqual(["created"]);
  });

  it("ignores a click naming a message in another channel: it decides, and the card on record stays", async () => {
    const team = "T0FCARD002";
    await t.workspace(team);
    const lead = await t.logLead(team, { email: "elsewhere@acme.com" });
    const { card } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    t.resetFakes();
    const decision = await t.services.handoffs.accept(team, card.handoffId, REP, { channelId: "C0ELSEWHERE", ts: "1700000999.000001" });
    expect(decision.won).toBe(true);
    expect(await t.db.handoff.findUniqueOrThrow({ where: { id: card.handoffId } })).toMatchObject({ messageTs: card.messageTs });
    expect(t.handoffNotifier.argsOf("pointToCard")).toEqual([]);
    expect(t.handoffNotifier.firstArgsOf("refreshCard").map((c) => [c.messageTs, c.status])).toEqual([[card.messageTs, "accepted"]]);
  });

  it("posts the card again when it is still unknown minutes after the hand-off; the first card, if live, then points to it", async () => {
    const team = "T0FCARD003";
    await t.workspace(team);
    const lead = await t.logLead(team, { email: "crashed@acme.com" });
    const { card: first } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    // The process died after Slack posted the first card, before anything was recorded (a SIGKILL leaves the
    // card's outbox effect claimed and pending); this tier's channel history finds no earlier post.
    await t.db.handoff.update({ where: { id: first.handoffId }, data: { messageTs: null } });
    await t.db.outboxEffect.updateMany({
      where: { teamId: team, kind: "handoff_card" },
      data: { status: "pending", settledAt: null, claimedUntil: new Date(t.clock.now().getTime() + 60_000) },
    });
    await expect(t.services.handoffs.handOff(team, lead.id, MARKETER)).rejects.toThrow("already with sales");
    t.clock.advanceMinutes(3);
    t.resetFakes();

    const { card: again } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    expect(again.handoffId).toBe(first.handoffId);
    expect(again.messageTs).not.toBe(first.messageTs);
    expect(t.handoffNotifier.argsOf("postCard")).toHaveLength(1);
    expect(await t.db.handoff.count({ where: { teamId: team } })).toBe(1);
    expect(await t.db.leadEvent.count({ where: { leadId: lead.id, type: "handed_off" } })).toBe(1);

    t.resetFakes();
    const decision = await t.services.handoffs.accept(team, first.handoffId, REP, { channelId: SALES_CHANNEL, ts: first.messageTs ?? "" });
    expect(decision.won).toBe(true);
    expect(t.handoffNotifier.argsOf("pointToCard").map(([card, duplicate]) => [card.messageTs, duplicate.ts])).toEqual([
      [again.messageTs, first.messageTs],
    ]);
    expect(t.handoffNotifier.firstArgsOf("refreshCard").map((c) => c.messageTs)).toEqual([again.messageTs]);
  });

  it("a click on the card that stored its ts first is kept when a later click names another message", async () => {
    const team = "T0FCARD004";
    await t.workspace(team);
    const lead = await t.logLead(team, { email: "kept@acme.com" });
    const { card } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    await t.db.handoff.update({ where: { id: card.handoffId }, data: { messageTs: null } });
    const clicked = { channelId: SALES_CHANNEL, ts: card.messageTs ?? "" };
    await t.services.handoffs.assign(team, card.handoffId, REP, REP, clicked);
    await t.services.handoffs.accept(team, card.handoffId, REP, { channelId: SALES_CHANNEL, ts: "1700000999.000009" });
    expect((await t.db.handoff.findUniqueOrThrow({ where: { id: card.handoffId } })).messageTs).toBe(card.messageTs);
  });
});
