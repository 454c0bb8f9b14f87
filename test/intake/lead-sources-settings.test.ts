// /baton settings → Lead sources, as an admin uses it: add a source, get its address and secret once, see what it
// received, map an unknown tracking code to a campaign, make a new secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, postToSource } from "../helpers/lead-sources.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0SRCSET01";
const ADMIN = "U0SRCADMN1";
const MEMBER = "U0SRCMEMB1";
const LIST = "VLEADSRCS1";
const as = { teamId: TEAM, userId: ADMIN };

function formValues(form: { provider?: string; name?: string; fieldMap?: string; secret?: string; defaultCampaignId?: string }) {
  return {
    provider: { provider: input.select(form.provider ?? null) },
    name: { name: input.text(form.name ?? null) },
    secret: { secret: input.text(form.secret ?? null) },
    fieldMap: { fieldMap: input.text(form.fieldMap ?? null) },
    defaultCampaignId: { defaultCampaignId: input.select(form.defaultCampaignId ?? null) },
  };
}

describe("/baton settings → Lead sources", () => {
  let app: TestApp;
  let source: { sourceId: string; secret: string };
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    app.slack.setUser({ id: MEMBER });
    await app.requests.command("/baton", "help", as);
    for (const [id, name, code] of [
      ["camp_set_spring", "Spring Webinar", "spring-26"],
      ["camp_set_gala", "Autumn Gala", "gala-26"],
    ] as const) {
      await app.db.campaign.create({
        data: { id, teamId: TEAM, name, nameKey: name.toLowerCase(), channel: "events", trackingCode: code, createdById: "U1" },
      });
    }
  });
  afterAll(async () => {
    await app.stop();
  });

  const list = async () => {
    const reply = await app.requests.blockAction({ actionId: "settings_section", value: "lead_sources", view: { id: "VSETTINGS1" } }, as);
    expect(reply.status).toBe(200);
    return (await app.slack.waitFor("views.push", (call) => (call.args.view as { callback_id: string }).callback_id === "lead_sources"))
      .args.view;
  };

  it("adds a Typeform source: the form, then its address and secret shown once, and leads arrive", async () => {
    app.slack.reset();
    expect(JSON.stringify(await list())).toContain("Add a source");
    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_source_add", view: { id: LIST } }, as);
    const form = (await app.slack.waitFor("views.push")).args.view as { callback_id: string; blocks: { block_id?: string }[] };
    expect(form.callback_id).toBe("lead_source_add_modal");
    expect(form.blocks.map((b) => b.block_id)).toEqual(["provider", "name", "secret", "fieldMap", "defaultCampaignId"]);

    const reply = await app.requests.viewSubmission(
      {
        callbackId: "lead_source_add_modal",
        privateMetadata: JSON.stringify({ listViewId: LIST }),
        values: formValues({
          provider: "typeform",
          name: "Demo request",
          fieldMap: "readable_ref_short_text = first name",
          defaultCampaignId: "camp_set_gala",
        }),
      },
      as,
    );
    expect(reply.body.response_action).toBe("update");
    const shown = JSON.stringify(reply.body.view);
    const url = shown.match(/POST (http[^`\\]+\/webhooks\/sources\/(c[a-z0-9]+))/);
    const secret = shown.match(/`(bls_[0-9a-f]{48})`/)?.[1] ?? "";
    expect(url?.[2]).toBeTruthy();
    expect(secret).toMatch(/^bls_/);
    expect(shown).toContain("Connect");
    source = { sourceId: url?.[2] ?? "", secret };
    const stored = await app.db.leadSource.findFirstOrThrow({ where: { teamId: TEAM, id: source.sourceId } });
    expect(stored).toMatchObject({
      provider: "typeform",
      name: "Demo request",
      defaultCampaignId: "camp_set_gala",
      fieldMap: { readable_ref_short_text: "firstName" },
    });
    // The list underneath shows the new source.
    const refreshed = await app.slack.waitFor("views.update", (call) => call.args.view_id === LIST);
    expect(JSON.stringify(refreshed.args.view)).toContain("Demo request");

    const lead = await postToSource(app, { ...source, provider: "typeform", body: fixture("typeform-form-response.json") });
    expect(lead.status).toBe(201);
    expect(await app.db.lead.findFirst({ where: { id: lead.body.leadId } })).toMatchObject({
      name: "Laura",
      campaignId: "camp_set_spring",
    });
    app.slack.reset();
    const after = JSON.stringify(await list());
    expect(after).toContain("last received");
    expect(after).toContain("1 lead");
    expect(after).not.toContain(secret);
  });

  it("shows each problem under its field and saves nothing", async () => {
    const bad = await app.requests.viewSubmission(
      {
        callbackId: "lead_source_add_modal",
        values: formValues({ provider: "webflow", name: "", fieldMap: "Company name = favourite colour" }),
      },
      as,
    );
    expect(bad.body.response_action).toBe("errors");
    expect(Object.keys(bad.body.errors).sort()).toEqual(["fieldMap", "name", "secret"]);
    expect(bad.body.errors.fieldMap).toContain("Line 1");
    const taken = await app.requests.viewSubmission(
      { callbackId: "lead_source_add_modal", values: formValues({ provider: "tally", name: "demo REQUEST" }) },
      as,
    );
    expect(taken.body.errors).toEqual({ name: "Another lead source has this name." });
    expect(await app.db.leadSource.count({ where: { teamId: TEAM } })).toBe(1);
  });

  it("is for admins only", async () => {
    app.slack.reset();
    const reply = await app.requests.viewSubmission(
      { callbackId: "lead_source_add_modal", values: formValues({ provider: "tally", name: "Sneaky" }) },
      { teamId: TEAM, userId: MEMBER },
    );
    expect(reply.body.response_action).toBe("errors");
    await app.requests.blockAction({ actionId: "lead_source_add", view: { id: LIST } }, { teamId: TEAM, userId: MEMBER });
    await app.requests.blockAction(
      { actionId: "lead_source_rotate", value: source.sourceId, view: { id: LIST } },
      { teamId: TEAM, userId: MEMBER },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.slack.callsOf("views.push")).toHaveLength(0);
    expect(await app.db.leadSource.count({ where: { teamId: TEAM } })).toBe(1);
  });

  it("lists an unknown tracking code, and mapping it moves its leads and the stages they reached", async () => {
    const body = fixture("typeform-form-response.json")
      .replace('"utm_campaign": "spring-26"', '"utm_campaign": "Partner-Q4"')
      .replace("a3a12ec6", "c3a12ec6")
      .replace("laura@", "pat@");
    const reply = await postToSource(app, { ...source, provider: "typeform", body });
    expect(reply.status).toBe(201);
    const lead = await app.db.lead.findFirstOrThrow({ where: { id: reply.body.leadId } });
    expect(lead).toMatchObject({ campaignId: null, unmatchedCampaignCode: "partner-q4", utmCampaign: "Partner-Q4" });
    app.slack.reset();
    const view = await list();
    const codeBlock = (view.blocks as { block_id?: string }[]).find((b) => b.block_id === "code:partner-q4");
    expect(JSON.stringify(codeBlock)).toContain("1 lead");
    await app.requests.blockAction(
      {
        actionId: "lead_source_map_code",
        blockId: "code:partner-q4",
        type: "static_select",
        selectedOption: { value: "camp_set_gala", text: { type: "plain_text", text: "Autumn Gala" } },
        view: { id: LIST },
      },
      as,
    );
    const updated = await app.slack.waitFor(
      "views.update",
      (call) => call.args.view_id === LIST && JSON.stringify(call.args.view).includes("now means"),
    );
    expect(JSON.stringify(updated.args.view)).toContain("1 lead moved there");
    expect(await app.db.lead.findFirstOrThrow({ where: { id: lead.id } })).toMatchObject({
      campaignId: "camp_set_gala",
      unmatchedCampaignCode: null,
    });
    const events = await app.db.leadEvent.findMany({ where: { leadId: lead.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.type, e.campaignId])).toEqual([
      ["created", "camp_set_gala"],
      ["updated", "camp_set_gala"],
    ]);
    const later = await postToSource(app, {
      ...source,
      provider: "typeform",
      body: body.replace("c3a12ec6", "d3a12ec6").replace("pat@", "quinn@"),
    });
    expect(await app.db.lead.findFirst({ where: { id: later.body.leadId } })).toMatchObject({
      campaignId: "camp_set_gala",
      unmatchedCampaignCode: null,
    });
  });

  it("makes a new secret on request: shown once, and the old one stops working at once", async () => {
    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_source_rotate", value: source.sourceId, view: { id: LIST } }, as);
    const pushed = JSON.stringify((await app.slack.waitFor("views.push")).args.view);
    const fresh = pushed.match(/`(bls_[0-9a-f]{48})`/)?.[1] ?? "";
    expect(fresh).toMatch(/^bls_/);
    expect(fresh).not.toBe(source.secret);
    const body = fixture("typeform-form-response.json").replace("a3a12ec6", "e3a12ec6").replace("laura@", "rotated@");
    expect((await postToSource(app, { ...source, provider: "typeform", body })).status).toBe(401);
    expect((await postToSource(app, { ...source, secret: fresh, provider: "typeform", body })).status).toBe(201);
  });

  it("never lets another workspace's admin see, change or remove a source, or map a code to its campaign", async () => {
    const other = { teamId: "T0SRCSET02", userId: "U0OTHERADM" };
    app.slack.setUser({ id: other.userId, is_admin: true });
    await app.requests.command("/baton", "help", other);
    const before = await app.db.leadSource.findFirstOrThrow({ where: { id: source.sourceId } });
    app.slack.reset();
    for (const actionId of ["lead_source_edit", "lead_source_rotate", "lead_source_remove"]) {
      await app.requests.blockAction({ actionId, value: source.sourceId, view: { id: "VOTHER0001" } }, other);
    }
    const edit = await app.requests.viewSubmission(
      {
        callbackId: "lead_source_edit_modal",
        privateMetadata: JSON.stringify({ sourceId: source.sourceId }),
        values: formValues({ fieldMap: "x = email" }),
      },
      other,
    );
    expect(edit.body.response_action).toBe("errors");
    await app.requests.blockAction(
      {
        actionId: "lead_source_map_code",
        blockId: "code:partner-q4",
        type: "static_select",
        selectedOption: { value: "camp_set_gala", text: { type: "plain_text", text: "Autumn Gala" } },
        view: { id: "VOTHER0001" },
      },
      other,
    );
    await app.slack.waitFor(
      "views.update",
      (call) => call.args.view_id === "VOTHER0001" && JSON.stringify(call.args.view).includes("campaign"),
    );
    expect(app.slack.callsOf("views.push")).toHaveLength(0);
    expect(JSON.stringify(app.slack.calls)).not.toContain("Demo request");
    expect(await app.db.leadSource.findFirstOrThrow({ where: { id: source.sourceId } })).toEqual(before);
    expect(await app.db.trackingCodeAlias.count({ where: { teamId: other.teamId } })).toBe(0);
  });
});
