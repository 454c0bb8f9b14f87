import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaignFields, formValues } from "../campaigns/forms.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const A = "T0ISOA0001";
const B = "T0ISOB0001";
const A_OWNER = "U0ISOAOWN1";
const B_ADMIN = "U0ISOBADM1";
const inB = { teamId: B, userId: B_ADMIN };

describe("one workspace never sees or changes another's campaigns, ICP or guide", () => {
  let app: TestApp;
  let snapshot: unknown;

  const stateOfA = async () => ({
    campaign: await app.db.campaign.findUniqueOrThrow({ where: { id: "camp_iso_a" } }),
    segment: await app.db.icpSegment.findUniqueOrThrow({ where: { id: "seg_iso_a" } }),
    guide: await app.db.brandGuide.findUniqueOrThrow({ where: { teamId: A } }),
    agreement: await app.db.agreement.findUniqueOrThrow({ where: { teamId: A } }),
    lead: await app.db.lead.findFirstOrThrow({ where: { teamId: A } }),
    changes: await app.db.playbookChange.count({ where: { teamId: A } }),
  });
  const viewText = async () => JSON.stringify((await app.slack.waitFor("views.update")).args.view);

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    app.slack.setUser({ id: B_ADMIN, is_admin: true });
    for (const teamId of [A, B])
      await app.db.workspace.create({
        data: { teamId, salesChannelId: `C0SALES${teamId.slice(-5)}`, marketingChannelId: `C0MKTG${teamId.slice(-5)}` },
      });
    await app.db.icpSegment.create({ data: { id: "seg_iso_a", teamId: A, name: "A's secret segment", industries: ["Biotech"] } });
    await app.db.campaign.create({
      data: {
        id: "camp_iso_a",
        teamId: A,
        name: "A's secret launch",
        nameKey: "a's secret launch",
        channel: "email",
        ownerId: A_OWNER,
        createdById: A_OWNER,
        segmentId: "seg_iso_a",
        trackingCode: "a-secret",
      },
    });
    await app.db.brandGuide.create({ data: { teamId: A, positioning: "A's secret positioning", keyMessages: ["A's secret message"] } });
    await app.db.agreement.create({ data: { teamId: A, mqlMonthlyTarget: 333 } });
    await app.db.lead.create({
      data: {
        teamId: A,
        emailKey: "lead@a.com",
        createdById: A_OWNER,
        industry: "Biotech",
        fitGrade: "A",
        fitSegmentId: "seg_iso_a",
        campaignId: "camp_iso_a",
      },
    });
    snapshot = await stateOfA();
  });
  afterAll(async () => {
    expect(await stateOfA()).toEqual(snapshot);
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  it("shows B none of A's campaigns, by name, tracking code or in the list", async () => {
    for (const text of ["A's secret launch", "a-secret", "secret"]) {
      app.slack.reset();
      await app.requests.command("/campaign", text, inB);
      expect((await app.slack.waitForResponse()).body.text).toContain("No campaign is called");
    }
    app.slack.reset();
    await app.requests.command("/campaign", "list", inB);
    expect(JSON.stringify((await app.slack.waitForResponse()).body)).not.toContain("secret");
    expect(await app.baton.services.campaigns.results(B, { campaignIds: ["camp_iso_a"] })).toEqual([]);
  });

  it("refuses A's campaign id in B's buttons: open, edit and end", async () => {
    await app.requests.blockAction({ actionId: "campaign_open", value: "camp_iso_a" }, inB);
    expect((await app.slack.waitForResponse()).body.text).toBe(":warning: That campaign doesn't exist in this workspace.");
    app.slack.reset();
    await app.requests.blockAction({ actionId: "campaign_end", value: "camp_iso_a" }, inB);
    expect((await app.slack.waitForResponse()).body.text).toBe(":warning: That campaign doesn't exist in this workspace.");
    app.slack.reset();
    await app.requests.blockAction({ actionId: "campaign_edit", value: "camp_iso_a" }, inB);
    expect(await viewText()).toContain("That campaign doesn't exist in this workspace.");
  });

  it("refuses A's campaign id in a submitted edit modal", async () => {
    const reply = await app.requests.viewSubmission(
      {
        callbackId: "campaign_edit",
        values: campaignFields({ name: input.text("Taken over"), ownerId: input.user(B_ADMIN) }),
        privateMetadata: JSON.stringify({ campaignId: "camp_iso_a", version: (snapshot as any).campaign.updatedAt.toISOString() }),
      },
      inB,
    );
    expect(reply.body).toEqual({ response_action: "errors", errors: { name: "That campaign doesn't exist in this workspace." } });
  });

  it("shows B its own empty ICP, guide and default agreement, never A's", async () => {
    for (const command of ["icp", "brand", "sla"]) {
      app.slack.reset();
      await app.requests.command("/baton", command, inB);
      const text = JSON.stringify((await app.slack.waitForResponse()).body);
      expect(text).not.toContain("secret");
      expect(text).not.toContain("333");
    }
  });

  it("refuses A's segment id in B's segment buttons and modal, and regrades only B's leads", async () => {
    await app.requests.blockAction({ actionId: "icp_segment_edit", value: "seg_iso_a" }, inB);
    expect(await viewText()).toContain("That segment isn't in this workspace's profile (anymore).");
    app.slack.reset();
    await app.requests.blockAction({ actionId: "icp_segment_remove", value: "seg_iso_a", view: { id: "VISOREMOVE" } }, inB);
    expect(await viewText()).toContain("That segment isn't in this workspace's profile (anymore).");

    const values = formValues({
      name: input.text("Hijacked"),
      industries: input.text("Retail"),
      companySizes: input.checkboxes([]),
      regions: input.text(null),
      titles: input.text(null),
    });
    const forged = await app.requests.viewSubmission(
      {
        callbackId: "icp_segment",
        values,
        privateMetadata: JSON.stringify({ segmentId: "seg_iso_a", version: (snapshot as any).segment.updatedAt.toISOString() }),
      },
      inB,
    );
    expect(forged.body.errors).toEqual({ name: "That segment was removed meanwhile." });

    // B's own ICP change regrades B's leads only (A's lead keeps its grade: checked after all tests).
    app.slack.reset();
    const own = await app.requests.viewSubmission({ callbackId: "icp_segment", values, privateMetadata: "{}", id: "VISOOWN" }, inB);
    expect(own.body.response_action).toBe("update");
    await app.slack.waitFor("views.update", (call) => call.args.view_id === "VISOOWN");
    expect(
      app.slack
        .callsOf("chat.postMessage")
        .map((p) => p.args.channel)
        .sort(),
    ).toEqual(["C0MKTGB0001", "C0SALESB0001"]);
  });

  it("keeps B's brand guide and agreement edits in B", async () => {
    const guide = await app.requests.viewSubmission(
      {
        callbackId: "brand_guide",
        values: formValues({ positioning: input.text("B's line") }),
        privateMetadata: JSON.stringify({ version: "" }),
        id: "VISOBRAND",
      },
      inB,
    );
    expect(guide.body.response_action).toBe("update");
    await app.slack.waitFor("views.update", (call) => call.args.view_id === "VISOBRAND");
    expect((await app.db.brandGuide.findUniqueOrThrow({ where: { teamId: B } })).positioning).toBe("B's line");
  });
});
