// With no sales user group and nobody listed, the sales team is every member but guests: a multi-channel guest
// (is_restricted) or single-channel guest (is_ultra_restricted) may not accept, reject or assign a handoff, nor be
// assigned one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handOff, logLead, waitUntil } from "../helpers/leads.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0GUESTS01";
const MARKETER = "U0GSTMKT01";
const MEMBER = "U0GSTMEM01";
const GUEST = "U0GSTGST01";
const SINGLE_CHANNEL_GUEST = "U0GSTGST02";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };

describe("the default sales team leaves guests out", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", marketer);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
    app.slack.setUser({ id: GUEST, is_restricted: true });
    app.slack.setUser({ id: SINGLE_CHANNEL_GUEST, is_restricted: true, is_ultra_restricted: true });
    app.slack.setUser({ id: MEMBER });
  });

  const pendingCard = async (email: string) => {
    const lead = await logLead(app, { email }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff?.messageTs) throw new Error("no card");
    app.slack.reset();
    return { lead, handoff, ts: handoff.messageTs };
  };

  it("refuses Accept, Reject and Assign from guests, ephemerally, changing nothing", async () => {
    const { lead, handoff, ts } = await pendingCard("guest-decides@x.io");
    for (const userId of [GUEST, SINGLE_CHANNEL_GUEST]) {
      const actor = { teamId: TEAM, userId, channelId: SALES_CHANNEL };
      await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: ts }, actor);
      await app.requests.blockAction({ actionId: "handoff_reject", value: handoff.id, messageTs: ts }, actor);
      await app.requests.blockAction(
        { actionId: "handoff_assign", type: "users_select", blockId: `handoff:${handoff.id}`, selectedUser: MEMBER, messageTs: ts },
        actor,
      );
    }
    await waitUntil(() => app.slack.responses.length === 6);
    const texts = app.slack.responses.map((r) => r.body.text as string);
    expect(texts.filter((t) => t.includes("guests cannot see or change leads"))).toHaveLength(6);
    expect(app.slack.responses.every((r) => r.body.response_type === "ephemeral")).toBe(true);
    expect(app.slack.callsOf("views.open")).toHaveLength(0);
    expect(app.slack.callsOf("chat.update")).toHaveLength(0);
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ status: "pending", assigneeId: null });
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "mql", ownerId: null });
  });

  it("refuses to assign a handoff to a guest", async () => {
    const { handoff, ts } = await pendingCard("assign-guest@x.io");
    await app.requests.blockAction(
      { actionId: "handoff_assign", type: "users_select", blockId: `handoff:${handoff.id}`, selectedUser: GUEST, messageTs: ts },
      { teamId: TEAM, userId: MEMBER, channelId: SALES_CHANNEL },
    );
    const told = await app.slack.waitForResponse();
    expect(told.body.text).toContain(`<@${GUEST}> is not on the sales team`);
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).assigneeId).toBeNull();
  });

  it("lets a full member accept", async () => {
    const { lead, handoff, ts } = await pendingCard("member-accepts@x.io");
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: ts }, { teamId: TEAM, userId: MEMBER });
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status === "accepted");
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBe(MEMBER);
  });
});
