import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLeadInput } from "../../src/domain/leads/lead-input.js";
import { saveLead } from "../../src/domain/leads/save-lead.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { moveLead } from "./dataset.js";
import { campaignFields } from "./forms.js";

const TEAM = "T0CATTR001";
const OTHER = "T0CATTR002";
const MARKETER = "U0ATTRMKT1";

function lead(raw: Record<string, unknown>) {
  const parsed = parseLeadInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lead;
}

describe("attributing leads and revenue to campaigns", () => {
  let app: TestApp;
  const ids = { spring: "", fair: "", theirs: "" };

  async function logCampaign(teamId: string, name: string, budget: string) {
    const id = `V${teamId}${name.length}`;
    await app.requests.viewSubmission(
      {
        callbackId: "campaign_create",
        id,
        values: campaignFields({ name: input.text(name), budget: input.text(budget), ownerId: input.user(MARKETER) }),
      },
      { teamId, userId: MARKETER },
    );
    await app.slack.waitFor("views.update", (call) => call.args.view_id === id);
    return (await app.db.campaign.findFirstOrThrow({ where: { teamId, name } })).id;
  }

  const save = (teamId: string, raw: Record<string, unknown>, source: "slack" | "webhook" = "webhook") =>
    saveLead({ db: app.db, clock: app.clock }, { teamId, lead: lead(raw), actorId: MARKETER, source });

  async function card(name: string) {
    app.slack.reset();
    await app.requests.command("/campaign", name, { teamId: TEAM, userId: MARKETER });
    return JSON.stringify((await app.slack.waitForResponse()).body.blocks);
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    for (const teamId of [TEAM, OTHER]) await app.requests.command("/baton", "help", { teamId });
    ids.spring = await logCampaign(TEAM, "Spring Launch", "2000");
    ids.fair = await logCampaign(TEAM, "Trade fair", "1000");
    ids.theirs = await logCampaign(OTHER, "Spring Launch", "10");
  });
  afterAll(async () => {
    await app.stop();
  });

  it("attributes a web-form lead by the tracking code of its own workspace's campaign, even when another has the same code", async () => {
    const { lead: saved } = await save(TEAM, { email: "form@acme.com", campaignCode: "spring-launch" });
    expect(saved.campaignId).toBe(ids.spring);
    const created = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: saved.id, type: "created" } });
    expect(created.campaignId).toBe(ids.spring);
  });

  it("attributes a lead logged by hand to the campaign picked in the modal", async () => {
    const { lead: saved } = await save(TEAM, { email: "picked@acme.com", campaignId: ids.fair }, "slack");
    expect(saved.campaignId).toBe(ids.fair);
    await expect(save(TEAM, { email: "wrong@acme.com", campaignId: ids.theirs })).rejects.toThrow(
      "That campaign doesn't exist in this workspace.",
    );
  });

  it("counts a won deal's revenue toward its source campaign only", async () => {
    const form = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "form@acme.com" } });
    await moveLead(app.db, form.id, [
      { to: "mql", at: "2026-11-23T10:00:00Z" },
      { to: "sql", at: "2026-11-23T11:00:00Z" },
      { to: "won", at: "2026-11-23T12:00:00Z", valueCents: 800_000, currency: "USD" },
    ]);
    const spring = await card("Spring Launch");
    expect(spring).toContain("*Leads*\\n1");
    expect(spring).toContain("*Won deals*\\n1");
    expect(spring).toContain("*Revenue*\\n$8,000.00");
    expect(spring).toContain("*Return on spend*\\n4×");
    const fair = await card("Trade fair");
    expect(fair).toContain("*Leads*\\n1");
    expect(fair).toContain("*Revenue*\\n$0.00");
    const [theirs] = await app.baton.services.campaigns.results(OTHER);
    expect(theirs).toMatchObject({ leads: 0, revenueCents: 0 });
  });

  it("keeps the attribution of a campaign's leads when it ends, and still attributes late form leads by its code", async () => {
    app.slack.reset();
    await app.requests.blockAction({ actionId: "campaign_end", value: ids.spring }, { teamId: TEAM, userId: MARKETER });
    expect((await app.slack.waitForResponse()).body.blocks[0].text.text).toBe("Spring Launch");
    expect((await app.db.campaign.findUniqueOrThrow({ where: { id: ids.spring } })).endedAt).not.toBeNull();
    const { lead: late } = await save(TEAM, { email: "late@acme.com", campaignCode: "spring-launch" });
    expect(late.campaignId).toBe(ids.spring);
    expect(await app.db.lead.count({ where: { teamId: TEAM, campaignId: ids.spring } })).toBe(2);
    const spring = await card("Spring Launch");
    expect(spring).toContain("*Leads*\\n2");
    expect(spring).toContain("*Revenue*\\n$8,000.00");
  });
});
