// Handoffs through the domain's use cases on a real database, with Slack replaced by the recording notifier.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/lib/errors.js";
import { MARKETING_CHANNEL, SALES_CHANNEL } from "../helpers/channels.js";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const MARKETER = "U0MARKETER";
const REP = "U0REP00001";
const OTHER_REP = "U0REP00002";

describe("handing a lead to sales", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.resetFakes());

  it("marks the lead MQL, posts one card to the sales channel and plans the SLA ladder in working hours", async () => {
    const team = "T0FHAND001";
    await t.workspace(team);
    const lead = await t.logLead(team, { email: "ada@acme.com", name: "Ada", company: "Acme" });
    const { card } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    expect(card).toMatchObject({ teamId: team, status: "pending", channelId: SALES_CHANNEL, handedOffById: MARKETER });
    expect(t.handoffNotifier.firstArgsOf("postCard").map((posted) => [posted.lead.name, posted.lead.company])).toEqual([["Ada", "Acme"]]);
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "mql", qualifiedById: MARKETER });
    // Monday 09:00 UTC, a 4-hour response time: a reminder at 11:00, the deadline at 13:00.
    const steps = await t.db.slaStep.findMany({ where: { handoffId: card.handoffId }, orderBy: { dueAt: "asc" } });
    expect(steps.map((s) => [s.step, s.dueAt.toISOString()])).toEqual([
      ["reminder", "2026-11-23T11:00:00.000Z"],
      ["escalation", "2026-11-23T13:00:00.000Z"],
    ]);
    expect(card.slaDueAt?.toISOString()).toBe("2026-11-23T13:00:00.000Z");
  });

  it("says a lead handed off already is with sales, and posts no second card", async () => {
    const team = "T0FHAND002";
    await t.workspace(team);
    const lead = await t.logLead(team, { email: "bo@acme.com" });
    await t.services.handoffs.handOff(team, lead.id, MARKETER);
    await expect(t.services.handoffs.handOff(team, lead.id, "U0MARKETR2")).rejects.toThrow(
      "This lead is already with sales and waiting for an answer.",
    );
    expect(t.handoffNotifier.argsOf("postCard")).toHaveLength(1);
    expect(await t.db.handoff.count({ where: { teamId: team } })).toBe(1);
  });

  it("keeps nothing when Slack refuses the card: the lead stays new and can be handed off again", async () => {
    const team = "T0FHAND003";
    await t.workspace(team);
    const lead = await t.logLead(team, { email: "cy@acme.com" });
    t.handoffNotifier.failNext("postCard", new AppError("not_configured", "Baton is not in the sales channel."));
    await expect(t.services.handoffs.handOff(team, lead.id, MARKETER)).rejects.toThrow("Baton is not in the sales channel.");
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "new" });
    expect(await t.db.handoff.count({ where: { teamId: team } })).toBe(0);
    await t.services.handoffs.handOff(team, lead.id, MARKETER);
    expect(await t.db.handoff.count({ where: { teamId: team, status: "pending" } })).toBe(1);
  });

  it("refuses when no sales channel is set, saying where to set one, and changes nothing", async () => {
    const team = "T0FHAND004";
    await t.workspace(team, { salesChannelId: null });
    const lead = await t.logLead(team, { email: "di@acme.com" });
    await expect(t.services.handoffs.handOff(team, lead.id, MARKETER)).rejects.toThrow(/\/baton settings → Channels and people/);
    expect(t.handoffNotifier.calls).toEqual([]);
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "new" });
  });
});

describe("answering a handoff", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.resetFakes());

  async function pendingHandoff(team: string, email: string) {
    const lead = await t.logLead(team, { email, name: "Eve" });
    const { card } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    t.resetFakes();
    return { lead, handoffId: card.handoffId };
  }

  it("accept: the rep owns the lead, now SQL; the card is refreshed and the marketer told in its thread", async () => {
    const team = "T0FANSW001";
    await t.workspace(team);
    const { lead, handoffId } = await pendingHandoff(team, "eve@acme.com");
    const decision = await t.services.handoffs.accept(team, handoffId, REP);
    expect(decision.won).toBe(true);
    expect(decision.card).toMatchObject({ status: "accepted", decidedById: REP });
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: REP });
    expect(t.handoffNotifier.firstArgsOf("refreshCard").map((card) => card.status)).toEqual(["accepted"]);
    expect(t.handoffNotifier.firstArgsOf("accepted").map((card) => card.decidedById)).toEqual([REP]);
  });

  it("gives exactly one of ten reps clicking Accept at once the lead; the others see who owns it", async () => {
    const team = "T0FANSW002";
    await t.workspace(team);
    const { lead, handoffId } = await pendingHandoff(team, "race@acme.com");
    const reps = Array.from({ length: 10 }, (_, i) => `U0RACE${String(i).padStart(4, "0")}`);
    const decisions = await Promise.all(reps.map((rep) => t.services.handoffs.accept(team, handoffId, rep)));
    const winners = reps.filter((_, i) => decisions[i]?.won);
    expect(winners).toHaveLength(1);
    for (const decision of decisions) expect(decision.card).toMatchObject({ status: "accepted", decidedById: winners[0] });
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: winners[0] });
    expect(await t.db.leadEvent.count({ where: { leadId: lead.id, type: "stage_changed", toStage: "sql" } })).toBe(1);
    expect(t.handoffNotifier.argsOf("accepted")).toHaveLength(1);
  });

  it("reject with a note: the lead goes to Nurture with the reason; marketing is told in its channel", async () => {
    const team = "T0FANSW003";
    await t.workspace(team);
    const { lead, handoffId } = await pendingHandoff(team, "nope@acme.com");
    const decision = await t.services.handoffs.reject(team, handoffId, REP, { reason: "no_budget", note: "Budget frozen until Q3" });
    expect(decision.won).toBe(true);
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "nurture" });
    const [[card] = []] = t.handoffNotifier.argsOf("rejected");
    expect(card).toMatchObject({ status: "rejected", rejectReason: "no_budget", rejectNote: "Budget frozen until Q3" });
    expect(t.handoffNotifier.argsOf("rejectedToMarketing").map(([, channelId]) => channelId)).toEqual([MARKETING_CHANNEL]);
    // The messages quoting the note are remembered, so forgetting the lead can redact them later.
    const handoff = await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect((handoff.noticeRefs as { channelId: string }[]).map((ref) => ref.channelId)).toEqual([SALES_CHANNEL, MARKETING_CHANNEL]);
  });

  it("assign: the chosen rep gets it, told who assigned it; someone outside the sales team is refused", async () => {
    const team = "T0FANSW004";
    await t.workspace(team, { salesUserIds: [REP, OTHER_REP] });
    const { handoffId } = await pendingHandoff(team, "assign@acme.com");
    const assignment = await t.services.handoffs.assign(team, handoffId, REP, OTHER_REP);
    expect(assignment).toMatchObject({ assigned: true, card: { assigneeId: OTHER_REP } });
    expect(t.handoffNotifier.argsOf("assigned").map(([card, by, previous]) => [card.assigneeId, by, previous])).toEqual([
      [OTHER_REP, { kind: "person", userId: REP }, null],
    ]);
    await expect(t.services.handoffs.assign(team, handoffId, REP, "U0OUTSIDER")).rejects.toThrow("is not on the sales team");
    expect(await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).toMatchObject({ assigneeId: OTHER_REP });
  });

  it("lets only the sales team accept, and leaves the handoff waiting", async () => {
    const team = "T0FANSW005";
    await t.workspace(team, { salesUserIds: [REP] });
    const { handoffId } = await pendingHandoff(team, "guard@acme.com");
    await expect(t.services.handoffs.accept(team, handoffId, "U0MARKETR2")).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).toMatchObject({ status: "pending", decidedById: null });
    expect(t.handoffNotifier.calls).toEqual([]);
  });
});
