// The Workflow Builder steps' use cases on a real database: what each stores, refuses and answers, per workspace.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const TEAM = "T0FSTEPS01";
const OTHER = "T0FSTEPS02";
const MARKETER = "U0MARKETER";

describe("Workflow Builder steps", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
    for (const team of [TEAM, OTHER]) await t.workspace(team);
    await t.db.campaign.create({
      data: {
        id: "c_steps",
        teamId: TEAM,
        name: "Autumn Expo",
        nameKey: "autumn expo",
        trackingCode: "expo-26",
        channel: "event",
        createdById: MARKETER,
      },
    });
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.resetFakes());

  it("Log a lead finds the campaign by name or tracking code, within the workspace only", async () => {
    const steps = t.services.workflowSteps;
    const byName = await steps.logLead(TEAM, { email: "n@example.com", campaign: " AUTUMN  expo " });
    const byCode = await steps.logLead(TEAM, { email: "c@example.com", campaign: "expo-26" });
    const elsewhere = await steps.logLead(OTHER, { email: "c@example.com", campaign: "Autumn Expo" });
    expect([byName.saved.lead.campaignId, byCode.saved.lead.campaignId]).toEqual(["c_steps", "c_steps"]);
    expect(elsewhere.saved.lead).toMatchObject({ teamId: OTHER, campaignId: null, unmatchedCampaignCode: "autumn expo" });
    await byName.announce?.();
    expect(t.leadAnnouncer.argsOf("newLead").map(([a]) => [a.teamId, a.source, a.lead.id])).toEqual([
      [TEAM, "workflow", byName.saved.lead.id],
    ]);
  });

  it("Hand off a lead adds notes once: a workflow that runs again with the same notes does not repeat them", async () => {
    await t.logLead(TEAM, { email: "once@example.com", notes: "Budget approved" });
    const card = await t.services.workflowSteps.handOff(TEAM, {
      email: "once@example.com",
      notes: "Budget approved",
      handed_off_by: MARKETER,
    });
    expect(card.lead.notes).toBe("Budget approved");
    expect(t.handoffNotifier.argsOf("refreshCard")).toHaveLength(0);
    expect(await t.db.leadEvent.count({ where: { teamId: TEAM, lead: { emailKey: "once@example.com" }, type: "updated" } })).toBe(0);
  });

  it("Hand off a lead refuses, before handing anything off, notes that would overflow the lead's", async () => {
    await t.logLead(TEAM, { email: "full@example.com", notes: "x".repeat(1990) });
    await expect(
      t.services.workflowSteps.handOff(TEAM, { email: "full@example.com", notes: "twenty more characters", handed_off_by: MARKETER }),
    ).rejects.toMatchObject({ code: "invalid_input", message: expect.stringContaining('The "notes" input') });
    expect(await t.db.handoff.count({ where: { teamId: TEAM } })).toBe(1);
    expect(t.handoffNotifier.argsOf("postCard")).toHaveLength(0);
  });

  it("Hand off and Find never reach another workspace's lead, nor an erased one", async () => {
    const lead = await t.logLead(OTHER, { email: "theirs@example.com" });
    await expect(t.services.workflowSteps.handOff(TEAM, { email: "theirs@example.com", handed_off_by: MARKETER })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await t.services.workflowSteps.findLead(TEAM, { email: "theirs@example.com" })).toEqual({ found: false });
    expect(await t.services.workflowSteps.findLead(OTHER, { email: "THEIRS@example.com" })).toMatchObject({
      found: true,
      leadId: lead.id,
      stage: "New",
    });
    await t.db.lead.update({ where: { id: lead.id }, data: { erasedAt: new Date(), email: null, emailKey: null } });
    expect(await t.services.workflowSteps.findLead(OTHER, { email: "theirs@example.com" })).toEqual({ found: false });
  });

  it("reads inputs as Workflow Builder sends them: blank is absent, and a person must be a Slack user id", async () => {
    const { saved } = await t.services.workflowSteps.logLead(TEAM, { email: "blank@example.com", name: "  ", phone: "" });
    expect(saved.lead).toMatchObject({ name: null, phone: null });
    await expect(t.services.workflowSteps.handOff(TEAM, { email: "blank@example.com", handed_off_by: "jane" })).rejects.toMatchObject({
      message: 'The "handed_off_by" input: This must be a person in Slack.',
    });
  });
});
