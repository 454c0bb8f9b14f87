// Outside sources add, they never overwrite: a web form, a lead source or a CSV row for an email that exists fills
// only what the lead lacks, never touches an owned or decided lead, and is kept on the lead's history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSource, postToSource } from "../helpers/lead-sources.js";
import { requestImport, TEST_ENCRYPTION_KEY, webFormSecret } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const TEAM = "T0OUTSIDE1";
const REP = "U0REPOUT01";
const ADMIN = "UADMTSIDE1";

async function wonLead(app: TestApp, email: string) {
  return app.db.lead.create({
    data: {
      teamId: TEAM,
      email,
      emailKey: email,
      name: "Wanda Won",
      phone: "+1 415 555 0111",
      notes: "Signed in March.",
      company: "Won Corp",
      campaignId: "camp_out_won",
      stage: "won",
      ownerId: REP,
      createdById: "U1",
      dealValueCents: 1_200_000,
      dealCurrency: "USD",
    },
  });
}

async function shareCsv(app: TestApp, fileId: string, content: string) {
  app.slack.addFile(fileId, `${fileId}.csv`, content);
  await requestImport(app, { teamId: TEAM, userId: ADMIN, channelId: `D${ADMIN}` });
  await app.requests.event(
    { type: "file_shared", file_id: fileId, user_id: ADMIN, channel_id: `D${ADMIN}`, file: { id: fileId } },
    { teamId: TEAM },
  );
  await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith(`Import of ${fileId}.csv`));
}

describe("outside sources add to a lead, they never overwrite it", () => {
  let app: TestApp;
  let secret: string;
  beforeAll(async () => {
    app = await startTestApp();
    secret = await webFormSecret(app, TEAM, ADMIN);
    const campaigns: [string, string][] = [
      ["camp_out_won", "won-campaign"],
      ["camp_out_other", "other-campaign"],
    ];
    for (const [id, code] of campaigns) {
      await app.db.campaign.create({
        data: { id, teamId: TEAM, name: code, nameKey: code, channel: "email", trackingCode: code, createdById: "U1" },
      });
    }
  });
  afterAll(async () => {
    await app.stop();
  });

  it("a web form with a won lead's email changes none of its contact fields, stage, owner or campaign, and is kept on its history", async () => {
    const lead = await wonLead(app, "wanda@won.io");
    const sent = { email: "WANDA@won.io", name: "Mallory", phone: "+1 202 555 0199", notes: "ignore previous", campaign: "other-campaign" };
    const reply = await postWebFormLead(app, { teamId: TEAM, secret, body: sent });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true, leadId: lead.id, created: false });
    const after = await app.db.lead.findFirstOrThrow({ where: { id: lead.id } });
    expect(after).toMatchObject({
      name: "Wanda Won",
      phone: "+1 415 555 0111",
      notes: "Signed in March.",
      campaignId: "camp_out_won",
      stage: "won",
      ownerId: REP,
      email: "wanda@won.io",
    });
    const submissions = await app.db.leadSubmission.findMany({ where: { teamId: TEAM, leadId: lead.id } });
    expect(submissions.map((s) => [s.channel, s.fields])).toEqual([
      [
        "web_form",
        {
          sent: {
            email: "WANDA@won.io",
            name: "Mallory",
            phone: "+1 202 555 0199",
            notes: "ignore previous",
            campaignCode: "other-campaign",
          },
          filled: [],
        },
      ],
    ]);
    const events = await app.db.leadEvent.findMany({ where: { leadId: lead.id } });
    expect(events.map((e) => [e.type, e.reason, e.campaignId])).toEqual([["submitted", "a web form", "camp_out_won"]]);
  });

  it("a CSV row with a won lead's email changes nothing on it either, and is kept on its history", async () => {
    const lead = await wonLead(app, "walt@won.io");
    await shareCsv(app, "FWONCSV001", "email,name,phone,notes,campaign\nwalt@won.io,Mallory,+1 202 555 0199,overwritten,other-campaign\n");
    expect(await app.db.lead.findFirstOrThrow({ where: { id: lead.id } })).toMatchObject({
      name: "Wanda Won",
      phone: "+1 415 555 0111",
      notes: "Signed in March.",
      campaignId: "camp_out_won",
      stage: "won",
      ownerId: REP,
    });
    const submissions = await app.db.leadSubmission.findMany({ where: { teamId: TEAM, leadId: lead.id } });
    expect(submissions.map((s) => [s.channel, s.fields])).toEqual([
      ["csv", { sent: expect.objectContaining({ name: "Mallory", notes: "overwritten", campaignId: "camp_out_other" }), filled: [] }],
    ]);
  });

  it("a new lead nobody owns gets only the fields it lacks, from a web form, a lead source and a CSV row", async () => {
    const lead = await app.db.lead.create({
      data: { teamId: TEAM, email: "nell@new.io", emailKey: "nell@new.io", name: "Nell New", createdById: "U1" },
    });
    await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "nell@new.io", name: "Not Nell", company: "New Co" } });
    const source = await addSource(app, TEAM, { provider: "generic", name: "Zapier" });
    const zap = await postToSource(app, {
      ...source,
      provider: "generic",
      body: JSON.stringify({ email: "nell@new.io", company: "Other Co", title: "CTO", campaign: "other-campaign" }),
    });
    expect(zap.status).toBe(200);
    await shareCsv(app, "FNEWCSV001", "email,company,phone\nnell@new.io,Third Co,+1 303 555 0100\n");
    expect(await app.db.lead.findFirstOrThrow({ where: { id: lead.id } })).toMatchObject({
      name: "Nell New",
      company: "New Co",
      title: "CTO",
      phone: "+1 303 555 0100",
      campaignId: "camp_out_other",
      searchKey: "nell new\nnell@new.io\nnew co",
    });
    const submissions = await app.db.leadSubmission.findMany({ where: { leadId: lead.id }, orderBy: { at: "asc" } });
    expect(submissions.map((s) => [s.channel, (s.fields as { filled: string[] }).filled])).toEqual([
      ["web_form", ["company"]],
      ["generic", ["title", "campaignId"]],
      ["csv", ["phone"]],
    ]);
  });

  it("a reused Idempotency-Key with a different body gets 422 and changes nothing; the same body replays", async () => {
    const first = await postWebFormLead(app, { teamId: TEAM, secret, idempotencyKey: "k-422", body: { email: "ida@key.io", name: "Ida" } });
    expect(first.status).toBe(201);
    const other = await postWebFormLead(app, { teamId: TEAM, secret, idempotencyKey: "k-422", body: { email: "eve@key.io", name: "Eve" } });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ ok: false, error: "idempotency_key_reused" });
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "eve@key.io" } })).toBe(0);
    const same = await postWebFormLead(app, { teamId: TEAM, secret, idempotencyKey: "k-422", body: { email: "ida@key.io", name: "Ida" } });
    expect(same.status).toBe(201);
    expect(same.body).toEqual(first.body);
  });

  it("/lead forget removes what outside sources sent for the lead", async () => {
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "wanda@won.io" } });
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.viewSubmission(
      { callbackId: "lead_forget_modal", privateMetadata: JSON.stringify({ leadId: lead.id, channelId: "C0ADMINS01" }), values: {} },
      { teamId: TEAM, userId: ADMIN },
    );
    await expect.poll(() => app.db.leadSubmission.count({ where: { leadId: lead.id } })).toBe(0);
    const everything = JSON.stringify(await app.db.leadEvent.findMany({ where: { leadId: lead.id } }));
    expect(everything).not.toContain("Mallory");
  });
});

describe("web-form and lead-source secrets at rest", () => {
  it("encrypts every secret, old and new, once ENCRYPTION_KEY is set, and the old ones keep working", async () => {
    const plain = await startTestApp();
    const team = "T0SEAL0001";
    const formSecret = await webFormSecret(plain, team);
    const source = await addSource(plain, team, { provider: "tally", name: "Tally" });
    expect((await plain.db.workspace.findUniqueOrThrow({ where: { teamId: team } })).webhookSecret).toBe(formSecret);
    // The same database, now with a key (a replica sharing it, as after a restart with ENCRYPTION_KEY set).
    const keyed = await startTestApp({ databaseUrl: plain.databaseUrl, slack: plain.slack, env: { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY } });
    try {
      const stored = await keyed.db.workspace.findUniqueOrThrow({ where: { teamId: team } });
      expect(stored.webhookSecret).toMatch(/^enc:v1:/);
      expect(stored.webhookSecret).not.toContain(formSecret);
      const sourceRow = await keyed.db.leadSource.findUniqueOrThrow({ where: { id: source.sourceId } });
      expect(sourceRow.secret).toMatch(/^enc:v1:/);
      expect((await postWebFormLead(keyed, { teamId: team, secret: formSecret, body: { email: "old@secret.io" } })).status).toBe(201);
      const { signedHeaders } = await import("../helpers/lead-sources.js");
      const body = JSON.stringify({
        eventType: "FORM_RESPONSE",
        data: { responseId: "r1", fields: [{ key: "e", label: "Email", type: "INPUT_EMAIL", value: "t@tally.io" }] },
      });
      const url = `${keyed.url}/webhooks/sources/${source.sourceId}`;
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...signedHeaders("tally", source.secret, body, url, Date.now()) },
        body,
      });
      expect(response.status).toBe(201);
      const added = await addSource(keyed, team, { provider: "typeform", name: "Typeform" });
      expect((await keyed.db.leadSource.findUniqueOrThrow({ where: { id: added.sourceId } })).secret).toMatch(/^enc:v1:/);
    } finally {
      await keyed.stop();
      await plain.stop();
    }
  });
});
