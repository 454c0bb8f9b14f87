import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dmsTo, leadFormValues, logLead, submitLead, textOf, waitUntil } from "../helpers/leads.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0LEADMOD1";
const MARKETER = "U0MKTMOD01";
const me = { teamId: TEAM, userId: MARKETER, channelId: "C0MKTG00001" };

describe("/lead: logging and editing a lead in a modal", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("opens an empty modal with every field, the campaign as a searchable external select", async () => {
    const reply = await app.requests.command("/lead", "", me);
    expect(reply.status).toBe(200);
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.callback_id).toBe("lead_modal");
    expect(view.title.text).toBe("Log a lead");
    const blockIds = view.blocks.map((b: { block_id: string }) => b.block_id);
    expect(blockIds).toEqual([
      "name",
      "email",
      "company",
      "phone",
      "title",
      "campaignId",
      "fitGrade",
      "industry",
      "companySize",
      "region",
      "notes",
    ]);
    const campaign = view.blocks.find((b: { block_id: string }) => b.block_id === "campaignId");
    expect(campaign.element).toMatchObject({ type: "external_select", action_id: "lead_campaign", min_query_length: 0 });
    const sizes = view.blocks
      .find((b: { block_id: string }) => b.block_id === "companySize")
      .element.options.map((o: { value: string }) => o.value);
    expect(sizes).toEqual(["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"]);
  });

  it("prefills the email from `/lead jane@acme.com` when no lead has it", async () => {
    await app.requests.command("/lead", "jane@acme.com", me);
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.title.text).toBe("Log a lead");
    expect(view.blocks.find((b: { block_id: string }) => b.block_id === "email").element.initial_value).toBe("jane@acme.com");
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: "C0MKTG00001" });
  });

  it("shows each bad field inline, in words a person understands, and stores nothing", async () => {
    const reply = await submitLead(app, { email: "jane at acme", phone: "call me maybe", name: "x".repeat(101) }, me);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      response_action: "errors",
      errors: {
        email: "That doesn't look like an email address (for example jane@acme.com).",
        phone: "A phone number can only have digits, spaces, + ( ) - . / and an extension (for example +1 415 555 0100).",
        name: "A name can be at most 100 characters.",
      },
    });
    const missing = await submitLead(app, { name: "Jane" }, me);
    expect(missing.body.errors).toEqual({ email: "An email address is required." });
    expect(await app.db.lead.count({ where: { teamId: TEAM } })).toBe(0);
    expect(await app.db.leadEvent.count({ where: { teamId: TEAM } })).toBe(0);
  });

  it("logs a new lead, says 'Logged', and offers Hand off and Edit to the person who logged it", async () => {
    const lead = await logLead(
      app,
      {
        email: " Ada@Example.com ",
        name: "Ada Lovelace",
        company: "Analytical",
        phone: "+44 20 7946 0000",
        fitGrade: "A",
        industry: "Software",
        companySize: "11-50",
        region: "EMEA",
        notes: "Met at the expo",
      },
      me,
    );
    expect(lead).toMatchObject({
      email: "Ada@Example.com",
      emailKey: "ada@example.com",
      name: "Ada Lovelace",
      fitGrade: "A",
      companySize: "11-50",
      stage: "new",
      createdById: MARKETER,
      source: "slack",
    });
    const events = await app.db.leadEvent.findMany({ where: { leadId: lead.id } });
    expect(events.map((e) => [e.type, e.toStage, e.actorId])).toEqual([["created", "new", MARKETER]]);
    const confirmation = await app.slack.waitFor("chat.postEphemeral");
    expect(confirmation.args).toMatchObject({ channel: "C0MKTG00001", user: MARKETER });
    expect(confirmation.args.blocks[0].text.text).toContain("Logged this lead");
    expect(textOf(confirmation)).toContain("Ada Lovelace");
    const buttons = confirmation.args.blocks.at(-1).elements;
    expect(buttons.map((b: { action_id: string; value: string }) => [b.action_id, b.value])).toEqual([
      ["lead_hand_off", lead.id],
      ["lead_edit", lead.id],
    ]);
  });

  it("updates the lead with the same email (any case) and says 'Updated' instead of making a second row", async () => {
    await submitLead(app, { email: "ADA@example.COM", title: "Countess" }, me);
    const confirmation = await app.slack.waitFor("chat.postEphemeral");
    expect(confirmation.args.blocks[0].text.text).toContain("Updated this lead");
    const leads = await app.db.lead.findMany({ where: { teamId: TEAM, emailKey: "ada@example.com" } });
    expect(leads).toHaveLength(1);
    // A new-lead submission fills in; it does not wipe what it leaves empty.
    expect(leads[0]).toMatchObject({ title: "Countess", name: "Ada Lovelace", phone: "+44 20 7946 0000" });
  });

  it("opens the existing lead for editing when /lead is given its email, and an edit replaces emptied fields", async () => {
    await app.requests.command("/lead", "ada@EXAMPLE.com", me);
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.title.text).toBe("Edit lead");
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@example.com" } });
    expect(JSON.parse(view.private_metadata).leadId).toBe(lead.id);
    expect(view.blocks.find((b: { block_id: string }) => b.block_id === "name").element.initial_value).toBe("Ada Lovelace");

    const reply = await submitLead(app, { email: "ada@example.com", name: "Ada King", notes: null }, me, view.private_metadata);
    expect(reply.body).toBe("");
    const edited = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(edited).toMatchObject({ name: "Ada King", notes: null, phone: null, company: null });
    const types = (await app.db.leadEvent.findMany({ where: { leadId: lead.id }, orderBy: { at: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["created", "updated", "updated"]);
  });

  it("opens the lead for editing from the confirmation's Edit button", async () => {
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@example.com" } });
    await app.requests.blockAction({ actionId: "lead_edit", value: lead.id }, me);
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.title.text).toBe("Edit lead");
    expect(JSON.parse(view.private_metadata)).toEqual({ leadId: lead.id, channelId: me.channelId });
    expect(view.blocks.find((b: { block_id: string }) => b.block_id === "email").element.initial_value).toBe("ada@example.com");
  });

  it("refuses an edit that would give the lead another lead's email, inline and without changes", async () => {
    const other = await logLead(app, { email: "babbage@example.com", name: "Charles" }, me);
    const ada = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@example.com" } });
    const reply = await submitLead(app, { email: "Babbage@example.com", name: "Ada" }, me, JSON.stringify({ leadId: ada.id }));
    expect(reply.body.response_action).toBe("errors");
    expect(reply.body.errors.email).toContain("Another lead already has this email");
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: ada.id } })).emailKey).toBe("ada@example.com");
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Charles");
  });

  it("makes exactly one lead when many people submit the same new email at the same moment", async () => {
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        submitLead(app, { email: "rush@example.com", notes: `take ${i}` }, { ...me, userId: `U0RUSH${String(i).padStart(4, "0")}` }),
      ),
    );
    expect(replies.every((r) => r.status === 200 && r.body === "")).toBe(true);
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "rush@example.com" } })).toBe(1);
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "rush@example.com" } });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, type: "created" } })).toBe(1);
    await waitUntil(() => app.slack.callsOf("chat.postEphemeral").length === 12);
    const headings = app.slack.callsOf("chat.postEphemeral").map((c) => c.args.blocks[0].text.text as string);
    expect(headings.filter((h) => h.includes("Logged"))).toHaveLength(1);
    expect(headings.filter((h) => h.includes("Updated") || h.includes("No changes"))).toHaveLength(11);
  });

  it("falls back to a DM for the confirmation when Baton can't post in the channel", async () => {
    app.slack.errorNext("chat.postEphemeral", "channel_not_found");
    await submitLead(app, { email: "dm@example.com" }, me);
    await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === MARKETER);
    expect(textOf(dmsTo(app, MARKETER)[0])).toContain("Logged this lead");
  });

  it("answers `/lead <not an email>` with how to use it", async () => {
    const reply = await app.requests.command("/lead", "something else", me);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(reply.body.text).toContain("I don't know `/lead something else`");
    const typo = await app.requests.command("/lead", "fnd acme", me);
    expect(typo.body.text).toContain("Did you mean `/lead find acme`?");
    expect(app.slack.callsOf("views.open")).toHaveLength(0);
  });
});

describe("the source campaign select", () => {
  let app: TestApp;
  const OTHER = "T0LEADMOD2";
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.requests.command("/baton", "help", { teamId: OTHER });
    const base = { teamId: TEAM, channel: "email", createdById: "U1" };
    await app.db.campaign.createMany({
      data: [
        { ...base, id: "c_ended", name: "Spring Webinar 2025", nameKey: "spring webinar 2025", endedAt: new Date("2025-06-01") },
        { ...base, id: "c_live", name: "Spring Webinar 2026", nameKey: "spring webinar 2026" },
        { ...base, id: "c_other", name: "Autumn Expo", nameKey: "autumn expo" },
        { ...base, id: "c_past", name: "Spring Mailer", nameKey: "spring mailer", endsOn: new Date("2026-01-31") },
        ...Array.from({ length: 120 }, (_, i) => ({
          ...base,
          id: `c_bulk${i}`,
          name: `Bulk ${String(i).padStart(3, "0")}`,
          nameKey: `bulk ${String(i).padStart(3, "0")}`,
        })),
        { ...base, teamId: OTHER, id: "c_foreign", name: "Spring Secret", nameKey: "spring secret" },
      ],
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  const suggest = (value: string, teamId = TEAM) =>
    app.requests.interaction({
      type: "block_suggestion",
      action_id: "lead_campaign",
      block_id: "campaignId",
      value,
      team: { id: teamId, domain: "acme" },
      user: { id: MARKETER, team_id: teamId },
      api_app_id: "A0BATON001",
      token: "deprecated-verification-token",
      view: { id: "V1", type: "modal", callback_id: "lead_modal" },
    });

  it("offers this workspace's campaigns whose name contains the typed text, any case, active ones first", async () => {
    const reply = await suggest("SPRING");
    expect(reply.status).toBe(200);
    expect(reply.body.options.map((o: { value: string; text: { text: string } }) => [o.value, o.text.text])).toEqual([
      ["c_live", "Spring Webinar 2026"],
      ["c_past", "Spring Mailer (ended)"],
      ["c_ended", "Spring Webinar 2025 (ended)"],
    ]);
  });

  it("never offers more than 100", async () => {
    const reply = await suggest("");
    expect(reply.body.options).toHaveLength(100);
  });

  it("stores the chosen campaign on the lead, and refuses another workspace's campaign inline", async () => {
    const lead = await logLead(app, { email: "camp@example.com", campaignId: "c_live" }, { teamId: TEAM });
    expect(lead.campaignId).toBe("c_live");
    const reply = await app.requests.viewSubmission(
      { callbackId: "lead_modal", values: leadFormValues({ email: "foreign@example.com", campaignId: "c_foreign" }) },
      { teamId: TEAM },
    );
    expect(reply.body).toEqual({ response_action: "errors", errors: { campaignId: "Pick one of this workspace's campaigns." } });
    expect(await app.db.lead.count({ where: { emailKey: "foreign@example.com" } })).toBe(0);
  });
});
