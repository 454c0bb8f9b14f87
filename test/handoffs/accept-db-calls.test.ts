import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbCallCounter } from "../../src/db/call-counter.js";
import { handOff, logLead, updatesOf, waitUntil } from "../helpers/leads.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { ManualTimers } from "../helpers/timers.js";

const TEAM = "T0CALLS001";
const MARKETER = "U0MKTCA001";
const REP = "U0REPCA001";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };
const rep = { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL };

describe("the database calls of one Accept", () => {
  const dbCalls = new DbCallCounter();
  const timers = new ManualTimers();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ start: { dbCalls, homeRedraws: { windowMs: 3_000, timers } } });
    await app.requests.command("/baton", "help", marketer);
    await app.db.campaign.create({
      data: {
        id: "campcalls",
        teamId: TEAM,
        name: "Call Count Expo",
        nameKey: "call count expo",
        channel: "events",
        createdById: MARKETER,
      },
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  // Issue 14's target is 5 to the card's update: the once-per-click marker, one read (handoff, lead, campaign, sales
  // team), the conditional decision, the stage change with its event, then one statement for both effects' rows (the
  // card update, re-armed: its row exists from earlier changes; the thread reply, inserted), written already claimed
  // by this process. The card is drawn from the rows the transaction returned and updated with no read and no
  // claim. After the card update come the two settles (off the person's path): 7 in all.
  it("makes at most 5, from the click to the card's update, and 7 in all; the Home is drawn later", async () => {
    const lead = await logLead(app, { email: "calls@example.com", name: "Ada Calls", company: "Acme", campaignId: "campcalls" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    const ts = handoff?.messageTs ?? "";
    timers.fireAll();
    await app.idle();
    app.slack.reset();
    dbCalls.reset();

    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id ?? "", messageTs: ts }, rep);
    await app.slack.waitFor("chat.update", (c) => c.args.ts === ts);
    const toCardUpdate = dbCalls.count;
    await waitUntil(() => app.slack.responses.length === 1 && timers.pending.length === 1, "the answer and the redraw asked for");
    expect(toCardUpdate, dbCalls.calls.join(", ")).toBeLessThanOrEqual(5);
    // Then the thread reply's delivery (no call before its post) and the two settles.
    await app.baton.services.outbox.settled();
    expect(dbCalls.count, dbCalls.calls.join(", ")).toBeLessThanOrEqual(7);
    const [update] = updatesOf(app, SALES_CHANNEL, ts);
    expect(JSON.stringify(update?.args.blocks)).toContain(`Accepted* by <@${REP}>`);
    expect(JSON.stringify(update?.args.blocks)).toContain("Call Count Expo");
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: REP });
    expect(app.slack.callsOf("views.publish")).toHaveLength(0);

    timers.fireAll();
    await app.idle();
    expect(app.slack.callsOf("views.publish").map((c) => c.args.user_id)).toEqual([REP]);
  });
});
