import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOff, logLead, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0HOMETAB1";
const ADMIN = "U0HOMEADM1";
const MARKETER = "U0HOMEMKT1";
const REP = "U0HOMEREP1";

describe("the App Home", () => {
  let app: TestApp;
  let waitingLeadId = "";
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", { teamId: TEAM });
    const reply = await app.requests.viewSubmission(
      {
        callbackId: "settings_rotation",
        values: { switches: { value: input.checkboxes(["enabled"]) }, members: { rotation_members: input.users([REP]) } },
      },
      { teamId: TEAM, userId: ADMIN },
    );
    expect(reply.body).toBe("");
    const marketer = { teamId: TEAM, userId: MARKETER };
    // One lead accepted (SQL), one moved on to Opportunity, one handed off and waiting for the rep.
    for (const [email, stage] of [
      ["sql@home.io", "sql"],
      ["opp@home.io", "opportunity"],
    ] as const) {
      const lead = await logLead(app, { email, name: `Lead ${stage}`, company: "HomeCo" }, marketer);
      const handoff = await handOff(app, lead.id, marketer);
      await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id ?? "" }, { teamId: TEAM, userId: REP });
      await waitUntil(async () => (await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage === "sql");
      if (stage === "opportunity") {
        await app.requests.blockAction({ actionId: "lead_to_opportunity", value: lead.id }, { teamId: TEAM, userId: REP });
        await waitUntil(async () => (await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage === "opportunity");
      }
    }
    const waiting = await logLead(app, { email: "waiting@home.io", name: "Waiting Person", company: "WaitCo" }, marketer);
    waitingLeadId = waiting.id;
    await handOff(app, waiting.id, marketer);
  });
  afterAll(async () => {
    await app.stop();
  });

  async function openHome(userId: string) {
    await app.idle();
    app.slack.reset();
    await app.requests.event({ type: "app_home_opened", user: userId, channel: "D0HOME0001", tab: "home" }, { teamId: TEAM });
    return (await app.slack.waitFor("views.publish", (c) => c.args.user_id === userId)).args.view;
  }

  it("shows the rep's handoffs waiting for an answer with their SLA clock, their leads by stage with moves, and the away toggle", async () => {
    app.clock.set("2026-11-23T10:00:00Z");
    const view = await openHome(REP);
    expect(view.type).toBe("home");
    const text = JSON.stringify(view.blocks);
    expect(text).toContain("Waiting for your answer (1)");
    expect(text).toContain("Waiting Person");
    expect(text).toContain("*3 h* of working time left");
    expect(text).toContain("Your SQL leads (1)");
    expect(text).toContain("Your Opportunity leads (1)");
    const moves = view.blocks.filter((b: { type: string; block_id?: string }) => b.type === "actions" && b.block_id?.startsWith("moves:"));
    expect(moves.map((b: { elements: { action_id: string }[] }) => b.elements.map((e) => e.action_id))).toEqual([
      ["lead_to_opportunity", "lead_to_won", "lead_to_lost"],
      ["lead_to_won", "lead_to_lost"],
    ]);
    const toggle = view.blocks.find((b: { block_id?: string }) => b.block_id === "availability");
    expect(toggle.accessory).toMatchObject({ action_id: "home_availability", value: "away" });
    const waiting = view.blocks.find((b: { block_id?: string }) => b.block_id?.startsWith("waiting:"));
    expect(waiting.accessory).toMatchObject({ action_id: "lead_open", value: waitingLeadId });
    const answer = view.blocks.find((b: { block_id?: string }) => b.block_id?.startsWith("home_handoff:"));
    expect(answer.elements.map((e: { action_id: string }) => e.action_id)).toEqual(["handoff_accept", "handoff_reject", "handoff_assign"]);
  });

  it("counts the SLA clock in working hours and says when it is overdue", async () => {
    app.clock.set("2026-11-23T16:30:00Z");
    const view = await openHome(REP);
    const waiting = view.blocks.find((b: { block_id?: string }) => b.block_id?.startsWith("waiting:"));
    // The clock is one clause of the line: no full stop before the " · card in #sales" that follows it.
    expect(waiting.text.text).toMatch(
      /\*Overdue\* by 3 h 30 min of working time: the answer was due <!date\^\d+\^[^>]+> · card in <#C0SALES0001>$/,
    );
    app.clock.set("2026-11-23T09:00:00Z");
  });

  it("shows the marketer their handoff waiting on sales instead of the rep's empty sections", async () => {
    const text = JSON.stringify((await openHome(MARKETER)).blocks);
    expect(text).toContain("Waiting on sales (1)");
    expect(text).not.toContain("You are not in the lead rotation.");
    expect(text).not.toContain("Your SQL leads");
  });

  it("does nothing for the Messages tab", async () => {
    app.slack.reset();
    const reply = await app.requests.event(
      { type: "app_home_opened", user: REP, channel: "D0HOME0001", tab: "messages" },
      { teamId: TEAM },
    );
    expect(reply.status).toBe(200);
    await app.idle();
    expect(app.slack.callsOf("views.publish")).toHaveLength(0);
  });

  it("ends with the team funnel this week: the same counts the /funnel command reports", async () => {
    app.clock.set("2026-11-25T12:00:00Z"); // the week the three leads were logged in
    const view = await openHome(MARKETER);
    const blocks = view.blocks as { type: string; text?: { text: string } }[];
    const header = blocks.findIndex((b) => b.type === "header" && b.text?.text.startsWith("Team funnel"));
    expect(header).toBeGreaterThan(0);
    const report = await app.baton.services.funnel.report(TEAM, "");
    expect(report.counts.created).toBe(3);
    expect(blocks[header + 1]?.text?.text).toContain(`3 new`);
    expect(blocks[header + 1]?.text?.text).toContain(`${report.counts.mql} MQL → ${report.counts.sql} SQL`);
  });
});
