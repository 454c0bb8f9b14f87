import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { addLead } from "./dataset.js";
import { campaignFields } from "./forms.js";

const TEAM = "T0CEDIT001";
const OWNER = "U0CEDOWNR1";
const ADMIN = "U0CEDADMN1";
const STRANGER = "U0CEDSTRG1";
const as = (userId: string) => ({ teamId: TEAM, userId });

describe("editing and ending a campaign", () => {
  let app: TestApp;
  let campaignId: string;

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.requests.viewSubmission(
      { callbackId: "campaign_create", values: campaignFields({ ownerId: input.user(OWNER) }), id: "VSETUP" },
      as(OWNER),
    );
    await app.slack.waitFor("views.update", (call) => call.args.view_id === "VSETUP");
    campaignId = (await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM } })).id;
    await app.db.campaign.create({ data: { teamId: TEAM, name: "Taken name", nameKey: "taken name", channel: "seo", createdById: OWNER } });
    for (const email of ["a@x.com", "b@x.com"]) {
      await addLead(app.db, {
        teamId: TEAM,
        email,
        campaignId,
        createdAt: "2026-11-10T10:00:00Z",
        steps: [
          { to: "mql", at: "2026-11-11T10:00:00Z" },
          { to: "sql", at: "2026-11-12T10:00:00Z" },
          { to: "won", at: "2026-11-13T10:00:00Z", valueCents: 250_000, currency: "USD" },
        ],
      });
    }
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  async function openEdit(userId: string) {
    await app.requests.blockAction({ actionId: "campaign_edit", value: campaignId }, as(userId));
    await app.slack.waitFor("views.open");
    return (await app.slack.waitFor("views.update")).args.view;
  }

  const submitEdit = (userId: string, metadata: string, values = campaignFields()) =>
    app.requests.viewSubmission({ callbackId: "campaign_edit", values, privateMetadata: metadata }, as(userId));

  it("opens the modal filled in with the campaign for its owner, and saves the edit keeping the tracking code", async () => {
    const view = await openEdit(OWNER);
    expect(view.callback_id).toBe("campaign_basics");
    const byId = Object.fromEntries(view.blocks.filter((b: any) => b.block_id).map((b: any) => [b.block_id, b]));
    expect(byId.name.element.initial_value).toBe("Spring Launch");
    expect(byId.budget.element.initial_value).toBe("12500.50");
    expect(byId.endsOn.element.initial_date).toBe("2026-12-31");
    expect(byId.ownerId.element.initial_user).toBe(OWNER);

    const reply = await submitEdit(
      OWNER,
      view.private_metadata,
      campaignFields({
        name: input.text("Spring Launch 2027"),
        budget: input.text("9000"),
        endsOn: input.date(null),
        ownerId: input.user(OWNER),
      }),
    );
    expect(reply.body.response_action).toBe("update");
    const stored = await app.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(stored).toMatchObject({
      name: "Spring Launch 2027",
      nameKey: "spring launch 2027",
      budgetCents: 900_000,
      endsOn: null,
      trackingCode: "spring-launch",
    });
  });

  it("refuses a stale edit: someone saved since the modal was opened", async () => {
    const first = await openEdit(OWNER);
    app.slack.reset();
    const second = await openEdit(ADMIN);
    expect(
      (await submitEdit(ADMIN, second.private_metadata, campaignFields({ name: input.text("Admin's name"), ownerId: input.user(OWNER) })))
        .body.response_action,
    ).toBe("update");
    const stale = await submitEdit(
      OWNER,
      first.private_metadata,
      campaignFields({ name: input.text("Owner's name"), ownerId: input.user(OWNER) }),
    );
    expect(stale.body.errors.name).toContain("Someone else changed this while you were editing it");
    expect((await app.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).name).toBe("Admin's name");
  });

  it("refuses a name another campaign of the workspace has", async () => {
    const view = await openEdit(OWNER);
    const reply = await submitEdit(
      OWNER,
      view.private_metadata,
      campaignFields({ name: input.text("TAKEN NAME"), ownerId: input.user(OWNER) }),
    );
    expect(reply.body.errors.name).toContain("There's already a campaign called “Taken name”");
  });

  it("lets neither open nor save an edit for someone who is neither owner nor admin", async () => {
    const view = await openEdit(STRANGER);
    expect(JSON.stringify(view.blocks)).toContain("Only the campaign's owner or a Baton admin can edit");
    app.slack.reset();
    const ownersView = await openEdit(OWNER);
    const forged = await submitEdit(STRANGER, ownersView.private_metadata, campaignFields({ name: input.text("Hijacked") }));
    expect(forged.body.errors.name).toContain("Only the campaign's owner or a Baton admin can edit");
    expect((await app.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).name).not.toBe("Hijacked");
  });

  it("does not let someone else end the campaign", async () => {
    await app.requests.blockAction({ actionId: "campaign_end", value: campaignId }, as(STRANGER));
    const reply = await app.slack.waitForResponse();
    expect(reply.body.text).toContain("Only the campaign's owner or a Baton admin can end");
    expect((await app.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).endedAt).toBeNull();
  });

  it("ends the campaign for its owner; its leads keep it as their source and its revenue still counts", async () => {
    await app.requests.blockAction({ actionId: "campaign_end", value: campaignId }, as(OWNER));
    const reply = await app.slack.waitForResponse();
    expect(reply.body.replace_original).toBe(true);
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain("Ended Nov 23, 2026");
    expect(text).not.toContain("campaign_end");
    expect(text).toContain("*Won deals*\\n2");
    expect(text).toContain("*Revenue*\\n$5,000.00");
    const stored = await app.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(stored.endedAt?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(await app.db.lead.count({ where: { teamId: TEAM, campaignId } })).toBe(2);
  });

  it("changes nothing when End is clicked again, and says when it ended", async () => {
    app.clock.set("2026-11-24T09:00:00Z");
    await app.requests.blockAction({ actionId: "campaign_end", value: campaignId }, as(ADMIN));
    const note = await app.slack.waitForResponse((post) => post.body.replace_original === false);
    expect(note.body.text).toContain("had already ended on Nov 23, 2026; nothing changed.");
    const stored = await app.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(stored.endedAt?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });
});
