// The App Home drawn from what the person does: a rep answers waiting handoffs right there, a marketer sees what
// they sent to sales and their campaigns, an admin what is left to set up, anyone else a welcome. No empty sections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOff, logLead, updatesOf, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0HOMEROLE";
const ADMIN = "U0HRADMIN1";
const MARKETER = "U0HRMKT001";
const REP = "U0HRREP001";
const NEWCOMER = "U0HRNEW001";
const marketer = { teamId: TEAM, userId: MARKETER };
const rep = { teamId: TEAM, userId: REP };

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  accessory?: { action_id: string; value?: string };
  elements?: { action_id: string }[];
};

describe("a Home for each role", () => {
  let app: TestApp;
  let waitingHandoffId = "";
  let waitingLeadId = "";
  let sentBackLeadId = "";
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", marketer);
    const rotation = {
      switches: { value: input.checkboxes(["enabled"]) },
      members: { rotation_members: input.users([REP]) },
    };
    expect(
      (await app.requests.viewSubmission({ callbackId: "settings_rotation", values: rotation }, { teamId: TEAM, userId: ADMIN })).body,
    ).toBe("");
    await app.db.campaign.create({
      data: {
        id: "camphome1",
        teamId: TEAM,
        name: "Autumn Webinar",
        nameKey: "autumn webinar",
        channel: "webinar",
        budgetCents: 100_000,
        createdById: MARKETER,
      },
    });
    // Accepted (SQL), sent back (Nurture), and one waiting for the rep, all from the Autumn Webinar.
    const accepted = await logLead(app, { email: "sql@home.io", name: "Sam Sql", company: "SqlCo", campaignId: "camphome1" }, marketer);
    const h1 = await handOff(app, accepted.id, marketer);
    await app.requests.blockAction({ actionId: "handoff_accept", value: h1?.id ?? "" }, rep);
    await waitUntil(async () => (await app.db.lead.findUniqueOrThrow({ where: { id: accepted.id } })).stage === "sql");
    const back = await logLead(app, { email: "back@home.io", name: "Nora Nurture", company: "BackCo", campaignId: "camphome1" }, marketer);
    const h2 = await handOff(app, back.id, marketer);
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: JSON.stringify({ handoffId: h2?.id }),
        values: { reason: { value: input.select("no_budget") }, note: { value: input.text(null) } },
      },
      rep,
    );
    await waitUntil(async () => (await app.db.lead.findUniqueOrThrow({ where: { id: back.id } })).stage === "nurture");
    sentBackLeadId = back.id;
    const waiting = await logLead(
      app,
      { email: "wait@home.io", name: "Wes Waiting", company: "WaitCo", fitGrade: "B", campaignId: "camphome1" },
      marketer,
    );
    waitingLeadId = waiting.id;
    waitingHandoffId = (await handOff(app, waiting.id, marketer))?.id ?? "";
  });
  afterAll(async () => {
    await app.stop();
  });

  async function openHome(userId: string): Promise<Block[]> {
    await app.idle();
    app.slack.reset();
    await app.requests.event({ type: "app_home_opened", user: userId, channel: "D0HOMEROLE", tab: "home" }, { teamId: TEAM });
    return (await app.slack.waitFor("views.publish", (c) => c.args.user_id === userId)).args.view.blocks;
  }
  const headers = (blocks: Block[]) => blocks.filter((b) => b.type === "header").map((b) => b.text?.text ?? "");
  const byId = (blocks: Block[], prefix: string) => blocks.filter((b) => b.block_id?.startsWith(prefix));

  it("a rep: the waiting handoff with its clock and Accept / Reject / Assign, their leads, no marketing or setup", async () => {
    app.clock.set("2026-11-23T10:00:00Z");
    const blocks = await openHome(REP);
    expect(headers(blocks).filter((h) => !h.startsWith("Team funnel"))).toEqual(["Waiting for your answer (1)", "Your SQL leads (1)"]);
    const row = JSON.stringify(byId(blocks, "waiting:"));
    for (const expected of ["*Wes Waiting* · WaitCo", "Fit: B", "Campaign: Autumn Webinar", "*3 h* of working time left"])
      expect(row).toContain(expected);
    const [answer] = byId(blocks, `home_handoff:${waitingHandoffId}`);
    expect(answer?.elements?.map((e) => e.action_id)).toEqual(["handoff_accept", "handoff_reject", "handoff_assign"]);
    const text = JSON.stringify(blocks);
    expect(text).not.toContain("Your Opportunity leads"); // empty: left out
    expect(text).not.toContain("Set up Baton");
    expect(text).not.toContain("Welcome to Baton");
    expect(text).not.toContain("home_log_campaign");
  });

  it("a marketer: handoffs waiting on sales, leads sent back with Re-qualify, campaigns this month, the Log buttons", async () => {
    const blocks = await openHome(MARKETER);
    expect(headers(blocks).filter((h) => !h.startsWith("Team funnel"))).toEqual([
      "Waiting on sales (1)",
      "Sent back to you (Nurture)",
      "Your campaigns this month",
    ]);
    expect(JSON.stringify(byId(blocks, "sales_waiting:"))).toContain(`with <@${REP}>`);
    const [sentBack] = byId(blocks, "sent_back:");
    expect(sentBack?.text?.text).toContain("*Nora Nurture* · BackCo");
    expect(sentBack?.accessory).toMatchObject({ action_id: "lead_hand_off", value: sentBackLeadId });
    const [campaign] = byId(blocks, "campaign:");
    // 3 leads, 1 accepted, $1,000 budget, nothing won yet.
    expect(campaign?.text?.text).toBe("*Autumn Webinar* · 3 leads · 1 SQL · $333 per lead · 0× return on spend");
    expect(JSON.stringify(byId(blocks, "home_log"))).toContain("home_log_campaign");
    const text = JSON.stringify(blocks);
    expect(text).not.toContain("You are not in the lead rotation");
    expect(text).not.toContain("Your SQL leads");
  });

  it("an admin: the setup checklist first, each item done or not with its button, and Settings", async () => {
    const blocks = await openHome(ADMIN);
    expect(headers(blocks)[0]).toBe("Set up Baton (3 of 5 done)");
    const items = byId(blocks, "setup:").map((b) => [b.block_id, b.text?.text.split(" ")[0], b.accessory?.value]);
    expect(items).toEqual([
      ["setup:channels", ":white_check_mark:", "channels_people"],
      ["setup:salesTeam", ":white_circle:", "channels_people"],
      ["setup:rotation", ":white_check_mark:", "rotation"],
      ["setup:digests", ":white_check_mark:", "digests"], // the default schedules
      ["setup:leadIntake", ":white_circle:", "web_forms"],
    ]);
    expect(JSON.stringify(blocks)).toContain("home_settings");
    expect(JSON.stringify(blocks)).not.toContain("Waiting for your answer");

    // Its button opens the section itself (there is no settings modal under the Home to push onto).
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "settings_section", value: "rotation", view: { id: "VHOME0001", type: "home" } },
      { teamId: TEAM, userId: ADMIN },
    );
    const opened = await app.slack.waitFor("views.open");
    expect(opened.args.view.callback_id).toBe("settings_rotation");
    expect(app.slack.callsOf("views.push")).toHaveLength(0);

    app.slack.reset();
    await app.requests.blockAction({ actionId: "home_settings", view: { id: "VHOME0001", type: "home" } }, { teamId: TEAM, userId: ADMIN });
    const settings = await app.slack.waitFor("views.update", (c) => c.args.view?.callback_id === "settings_home");
    expect(JSON.stringify(settings.args.view.blocks)).toContain("settings_section");

    // Once everything is set, the checklist gives way to one line with Settings.
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesUserIds: [REP], webhookSecret: "whsec" } });
    try {
      const done = await openHome(ADMIN);
      expect(headers(done).some((h) => h.startsWith("Set up Baton"))).toBe(false);
      expect(byId(done, "home_setup_done")[0]?.accessory?.action_id).toBe("home_settings");
    } finally {
      await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesUserIds: [], webhookSecret: null } });
    }
  });

  it("someone in no role: a short welcome with Log a lead, Log a campaign and help", async () => {
    const blocks = await openHome(NEWCOMER);
    expect(headers(blocks)[0]).toBe("Welcome to Baton");
    expect(JSON.stringify(blocks)).toContain("home_log_lead");
    expect(JSON.stringify(blocks)).toContain("/baton help");
    expect(JSON.stringify(blocks)).not.toContain("Your SQL leads");
    expect(JSON.stringify(blocks)).not.toContain("You are not in the lead rotation");
    // The buttons open the same modals as /lead and /campaign.
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "home_log_lead", view: { id: "VHOME0002", type: "home" } },
      { teamId: TEAM, userId: NEWCOMER },
    );
    expect((await app.slack.waitFor("views.open")).args.view.callback_id).toBe("lead_modal");
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "home_log_campaign", view: { id: "VHOME0002", type: "home" } },
      { teamId: TEAM, userId: NEWCOMER },
    );
    expect((await app.slack.waitFor("views.open")).args.view.callback_id).toBe("campaign_basics");
  });

  it("offers the answer buttons on the lead card only to someone who may answer", async () => {
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesUserIds: [REP] } });
    try {
      await app.idle();
      app.slack.reset();
      await app.requests.blockAction({ actionId: "lead_open", value: waitingLeadId, view: { id: "VHOME0006", type: "home" } }, marketer);
      const blocks = (await app.slack.waitFor("views.open")).args.view.blocks as Block[];
      expect(JSON.stringify(blocks)).toContain(`waiting for <@${REP}> to answer`);
      expect(byId(blocks, "lead_handoff:")).toHaveLength(0);
    } finally {
      await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesUserIds: [] } });
    }
  });

  it("the lead card of a waiting handoff shows the clock and the buttons; Accept there decides and redraws it", async () => {
    app.clock.set("2026-11-23T10:00:00Z");
    await app.idle();
    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_open", value: waitingLeadId, view: { id: "VHOME0003", type: "home" } }, rep);
    const card = (await app.slack.waitFor("views.open")).args.view;
    const blocks = card.blocks as Block[];
    expect(JSON.stringify(blocks)).toContain("*3 h* of working time left");
    const [answer] = byId(blocks, `lead_handoff:${waitingHandoffId}`);
    expect(answer?.elements?.map((e) => e.action_id)).toEqual(["handoff_accept", "handoff_reject", "handoff_assign"]);

    app.slack.reset();
    await app.requests.blockAction(
      {
        actionId: "handoff_accept",
        value: waitingHandoffId,
        blockId: `lead_handoff:${waitingHandoffId}`,
        view: { id: "VCARD0001", type: "modal" },
      },
      rep,
    );
    await app.idle();
    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: waitingHandoffId } });
    expect(decided).toMatchObject({ status: "accepted", decidedById: REP });
    const redrawn = app.slack.callsOf("views.update").find((c) => c.args.view_id === "VCARD0001");
    expect(JSON.stringify(redrawn?.args.view.blocks)).toContain(`Owner: <@${REP}>`);
    expect(JSON.stringify(redrawn?.args.view.blocks)).not.toContain("lead_handoff:");
    expect(updatesOf(app, SALES_CHANNEL, decided.messageTs ?? "")).toHaveLength(1);
    const home = await app.slack.waitFor("views.publish", (c) => c.args.user_id === REP);
    expect(JSON.stringify(home.args.view.blocks)).not.toContain("Waiting for your answer");
    expect(JSON.stringify(home.args.view.blocks)).toContain("Your SQL leads (2)");
  });

  it("Accept on a Home row decides it and republishes the Home", async () => {
    const lead = await logLead(app, { email: "row@home.io", name: "Rita Row", company: "RowCo" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    await app.idle();
    app.slack.reset();
    await app.requests.blockAction(
      {
        actionId: "handoff_accept",
        value: handoff?.id ?? "",
        blockId: `home_handoff:${handoff?.id}`,
        view: { id: "VHOME0004", type: "home" },
      },
      rep,
    );
    await app.idle();
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: REP });
    const home = await app.slack.waitFor("views.publish", (c) => c.args.user_id === REP);
    expect(JSON.stringify(home.args.view.blocks)).not.toContain(`home_handoff:${handoff?.id}`);
    expect(JSON.stringify(home.args.view.blocks)).toContain("Rita Row");
  });

  it("Re-qualify on the marketer's Home hands the lead off again and republishes their Home", async () => {
    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_hand_off", value: sentBackLeadId, view: { id: "VHOME0005", type: "home" } }, marketer);
    await app.idle();
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: sentBackLeadId } })).stage).toBe("mql");
    const home = await app.slack.waitFor("views.publish", (c) => c.args.user_id === MARKETER);
    const text = JSON.stringify(home.args.view.blocks);
    expect(text).not.toContain("Sent back to you");
    expect(text).toContain("Waiting on sales (1)");
  });
});
