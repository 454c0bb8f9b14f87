// A rep answers where Baton tells them: every DM about a handoff carries the lead's headline, their working time
// left and the card's own Accept / Reject / Assign (block handoff_dm:<id>); one click wins wherever it was made.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dmsTo, handOff, logLead, textOf, updatesOf, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import type { SlackCall } from "../helpers/slack-stand-in.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0DMANSWR1";
const ADMIN = "U0DMADMIN1";
const MARKETER = "U0DMMKT001";
const REP = "U0DMREP001";
const REP2 = "U0DMREP002";
const marketer = { teamId: TEAM, userId: MARKETER };

type Block = { type: string; block_id?: string; elements?: { type: string; action_id: string; value?: string }[] };
const answerBlock = (call: SlackCall | undefined) => (call?.args.blocks as Block[] | undefined)?.find((b) => b.type === "actions");

/** The DMs to a user about one handoff (the SLA job also serves the other tests' handoffs). */
const dmsAbout = (app: TestApp, userId: string, handoffId: string) =>
  dmsTo(app, userId).filter((c) => JSON.stringify(c.args.blocks).includes(`"handoff_dm:${handoffId}"`));

function expectAnswerButtons(call: SlackCall | undefined, handoffId: string) {
  const block = answerBlock(call);
  expect(block?.block_id).toBe(`handoff_dm:${handoffId}`);
  expect(block?.elements?.map((e) => [e.type, e.action_id, e.value])).toEqual([
    ["button", "handoff_accept", handoffId],
    ["button", "handoff_reject", handoffId],
    ["users_select", "handoff_assign", undefined],
  ]);
}

describe("answering a handoff from its DM", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", marketer);
    await app.db.campaign.create({
      data: { id: "campdm1", teamId: TEAM, name: "Spring Webinar", nameKey: "spring webinar", channel: "webinar", createdById: MARKETER },
    });
    const values = {
      switches: { value: input.checkboxes(["enabled", "reassign"]) },
      members: { rotation_members: input.users([REP, REP2]) },
    };
    expect((await app.requests.viewSubmission({ callbackId: "settings_rotation", values }, { teamId: TEAM, userId: ADMIN })).body).toBe("");
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.clock.set("2026-11-23T09:00:00Z");
    app.slack.reset();
  });

  /** The DMs remembered on the handoff: [channel, ts]. */
  async function dmTsOf(handoffId: string) {
    const { dmRefs } = await app.db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    return (dmRefs ?? "")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" "));
  }

  /** A lead handed off by the marketer at 09:00; the rotation picks REP, then REP2, in turn. */
  async function handedOff(email: string) {
    const lead = await logLead(
      app,
      { email, name: "Jane Doe", company: "Acme Corp", title: "VP Marketing", fitGrade: "A", campaignId: "campdm1" },
      marketer,
    );
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff?.messageTs || !handoff.assigneeId) throw new Error("no card or no assignee");
    await app.idle();
    return { lead, handoff, cardTs: handoff.messageTs, assignee: handoff.assigneeId };
  }

  it("shows the rotation's pick the lead's headline, fit, campaign, time left and the three buttons", async () => {
    const { handoff, assignee } = await handedOff("pick@acme.io");
    const [dm] = dmsAbout(app, assignee, handoff.id);
    const text = textOf(dm);
    for (const expected of [
      "The lead rotation picked you to answer this lead.",
      "*Jane Doe* · VP Marketing at Acme Corp",
      "Fit: A",
      "Campaign: Spring Webinar",
      "*4 h* of working time left",
      "Open the handoff card",
    ])
      expect(text).toContain(expected);
    expect(dm?.args.text).toBe("The lead rotation picked you to answer Jane Doe (Acme Corp). 4 h of working time left.");
    expect(text).not.toContain("Accept or reject it on");
    expectAnswerButtons(dm, handoff.id);
    // Remembered, so it can be redrawn once someone decides.
    expect(await dmTsOf(handoff.id)).toEqual([[assignee, app.slack.history.get(assignee)?.at(-1)?.ts]]);
  });

  it("shows an assignment, a reminder and a reassignment the same way, each with the rep's own time left", async () => {
    const { handoff, assignee } = await handedOff("ladder@acme.io");
    const other = assignee === REP ? REP2 : REP;
    app.slack.reset();

    // Assigned by hand from the DM itself: the other rep gets their DM.
    app.clock.set("2026-11-23T09:30:00Z");
    await app.requests.blockAction(
      { actionId: "handoff_assign", type: "users_select", blockId: `handoff_dm:${handoff.id}`, selectedUser: other },
      { teamId: TEAM, userId: assignee, channelId: assignee },
    );
    await waitUntil(() => dmsAbout(app, other, handoff.id).length === 1);
    const assigned = dmsAbout(app, other, handoff.id)[0];
    expect(textOf(assigned)).toContain(`<@${assignee}> assigned you this lead.`);
    expect(textOf(assigned)).toContain("*3 h 30 min* of working time left");
    expectAnswerButtons(assigned, handoff.id);

    // Half the response time: the reminder goes to whoever is assigned now.
    app.clock.set("2026-11-23T11:00:00Z");
    await app.baton.jobs.slaLadder?.run();
    const reminder = dmsAbout(app, other, handoff.id)[1];
    expect(textOf(reminder)).toContain("Reminder: half of your response time for this lead has passed.");
    expect(textOf(reminder)).toContain("*Jane Doe*");
    expect(textOf(reminder)).toContain("*2 h* of working time left");
    expectAnswerButtons(reminder, handoff.id);

    // The deadline: reassigned to the next rep, who gets a full response time of their own (13:00 + 4 h).
    app.clock.set("2026-11-23T13:00:00Z");
    await app.baton.jobs.slaLadder?.run();
    await app.baton.jobs.slaLadder?.run();
    const reassigned = dmsAbout(app, assignee, handoff.id).at(-1);
    expect(textOf(reassigned)).toContain("with a full response time of your own");
    expect(textOf(reassigned)).toContain("*4 h* of working time left");
    expect(textOf(reassigned)).toContain(`<!date^${Date.parse("2026-11-23T17:00:00Z") / 1000}^`);
    expectAnswerButtons(reassigned, handoff.id);
    const row = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(row.assigneeId).toBe(assignee);
    expect(row.assigneeDueAt?.toISOString()).toBe("2026-11-23T17:00:00.000Z");
  });

  it("Accept on the DM decides once: the card, the DM and the Home all update", async () => {
    const { lead, handoff, cardTs, assignee } = await handedOff("accept@acme.io");
    const [[, dmTs = ""] = []] = await dmTsOf(handoff.id);
    app.slack.reset();
    app.clock.set("2026-11-23T09:20:00Z");
    await app.requests.blockAction(
      { actionId: "handoff_accept", value: handoff.id, blockId: `handoff_dm:${handoff.id}`, messageTs: dmTs },
      { teamId: TEAM, userId: assignee, channelId: assignee },
    );
    await app.idle();
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: assignee });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, toStage: "sql" } })).toBe(1);
    // The card in the sales channel, in place.
    const [card] = updatesOf(app, SALES_CHANNEL, cardTs);
    expect(textOf(card)).toContain(`Accepted* by <@${assignee}>`);
    // The DM: the outcome instead of the buttons.
    const [dmUpdate] = updatesOf(app, assignee, dmTs);
    expect(textOf(dmUpdate)).toContain(`Accepted* by <@${assignee}>`);
    expect(textOf(dmUpdate)).toContain("*Jane Doe*");
    expect(answerBlock(dmUpdate)).toBeUndefined();
    // The rep is told under the DM, and their Home shows the lead as theirs.
    expect(app.slack.responses.map((r) => r.body.text)).toContain(
      ":white_check_mark: You own this lead now (SQL). Move it along from your App Home or with /lead find.",
    );
    const home = await app.slack.waitFor("views.publish", (c) => c.args.user_id === assignee);
    expect(JSON.stringify(home.args.view.blocks)).toContain("Your SQL leads (1)");
    expect(JSON.stringify(home.args.view.blocks)).not.toContain(`home_handoff:${handoff.id}`);
  });

  it("gives the lead to one owner when the card and the DM are clicked at the same moment", async () => {
    const { lead, handoff, cardTs, assignee } = await handedOff("race@acme.io");
    const other = assignee === REP ? REP2 : REP;
    const [[, dmTs = ""] = []] = await dmTsOf(handoff.id);
    app.slack.reset();
    await Promise.all([
      app.requests.blockAction(
        { actionId: "handoff_accept", value: handoff.id, blockId: `handoff_dm:${handoff.id}`, messageTs: dmTs },
        { teamId: TEAM, userId: assignee, channelId: assignee },
      ),
      app.requests.blockAction(
        { actionId: "handoff_accept", value: handoff.id, blockId: `handoff:${handoff.id}`, messageTs: cardTs },
        { teamId: TEAM, userId: other, channelId: SALES_CHANNEL },
      ),
    ]);
    await waitUntil(() => app.slack.responses.length >= 2);
    await app.idle();
    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    const winner = decided.decidedById ?? "";
    expect([assignee, other]).toContain(winner);
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: winner });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, toStage: "sql" } })).toBe(1);
    // The winning click updates the card; a late click on the card itself re-renders it to the same state.
    const cardUpdates = updatesOf(app, SALES_CHANNEL, cardTs);
    expect(cardUpdates.length).toBeGreaterThanOrEqual(1);
    for (const update of cardUpdates) expect(textOf(update)).toContain(`<@${winner}>`);
    expect(app.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === cardTs)).toHaveLength(1);
    const texts = app.slack.responses.map((r) => String(r.body.text));
    expect(texts.filter((t) => t.includes("You own this lead now"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("already accepted this lead"))).toHaveLength(1);
    // Whoever won, the DM shows the outcome.
    expect(textOf(updatesOf(app, assignee, dmTs).at(-1))).toContain(`Accepted* by <@${winner}>`);
  });

  it("Reject on the DM opens the card's reject modal; once submitted the DM shows the rejection", async () => {
    const { handoff, assignee } = await handedOff("reject@acme.io");
    const [[, dmTs = ""] = []] = await dmTsOf(handoff.id);
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "handoff_reject", value: handoff.id, blockId: `handoff_dm:${handoff.id}`, messageTs: dmTs },
      { teamId: TEAM, userId: assignee, channelId: assignee },
    );
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.callback_id).toBe("handoff_reject_modal");
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: view.private_metadata,
        values: { reason: { value: input.select("no_budget") }, note: { value: input.text(null) } },
      },
      { teamId: TEAM, userId: assignee },
    );
    await waitUntil(() => updatesOf(app, assignee, dmTs).length === 1);
    expect(textOf(updatesOf(app, assignee, dmTs)[0])).toContain(`Rejected* by <@${assignee}>`);
    expect(answerBlock(updatesOf(app, assignee, dmTs)[0])).toBeUndefined();
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe("rejected");
  });

  it("tells a rep who clicks a DM after someone decided who got the lead, and changes nothing", async () => {
    const { handoff, cardTs, assignee } = await handedOff("late@acme.io");
    const other = assignee === REP ? REP2 : REP;
    await app.requests.blockAction(
      { actionId: "handoff_accept", value: handoff.id, blockId: `handoff:${handoff.id}`, messageTs: cardTs },
      { teamId: TEAM, userId: other, channelId: SALES_CHANNEL },
    );
    await app.idle();
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "handoff_accept", value: handoff.id, blockId: `handoff_dm:${handoff.id}` },
      { teamId: TEAM, userId: assignee, channelId: assignee },
    );
    const told = await app.slack.waitForResponse((r) => String(r.body.text).includes("already accepted"));
    expect(told.body.text).toBe(`<@${other}> already accepted this lead, so it's theirs now.`);
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).decidedById).toBe(other);
  });

  it("anonymises the DMs when the lead's personal data is erased", async () => {
    const { lead, handoff, assignee } = await handedOff("erase@acme.io");
    const [[, dmTs = ""] = []] = await dmTsOf(handoff.id);
    app.slack.reset();
    await app.baton.services.leads.forget(TEAM, lead.id, ADMIN);
    const [update] = updatesOf(app, assignee, dmTs);
    expect(textOf(update)).not.toContain("Jane Doe");
    expect(textOf(update)).toContain("Erased lead");
  });
});
