import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webFormSecret } from "../helpers/production.js";
import { MARKETING_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const TEAM = "T0HOOK0001";

describe("POST /webhooks/leads", () => {
  let app: TestApp;
  let secret: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { WEBHOOK_RATE_LIMIT: "8" } });
    secret = await webFormSecret(app, TEAM);
    await app.db.campaign.create({
      data: {
        id: "camp_hook_spring",
        teamId: TEAM,
        name: "Spring Webinar",
        nameKey: "spring webinar",
        channel: "webinar",
        trackingCode: "spring-26",
        createdById: "U1",
      },
    });
  });
  afterAll(async () => {
    await app.stop();
  });
  // Each test gets a fresh rate-limit window (a new clock minute).
  const nextMinute = () => app.clock.advanceMinutes(1);

  it("creates a lead with 201 and its id, attributes the campaign by tracking code, and announces it in marketing", async () => {
    nextMinute();
    app.slack.reset();
    const reply = await postWebFormLead(app, {
      teamId: TEAM,
      secret,
      body: { email: "Dana@Globex.com", name: "Dana Scully", company: "Globex", title: "CTO", campaign: "spring-26", submit: "Send" },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ ok: true, leadId: expect.any(String), created: true });
    const lead = await app.db.lead.findFirst({ where: { id: reply.body.leadId, teamId: TEAM } });
    expect(lead).toMatchObject({
      emailKey: "dana@globex.com",
      name: "Dana Scully",
      campaignId: "camp_hook_spring",
      source: "webhook",
      stage: "new",
    });
    const events = await app.db.leadEvent.findMany({ where: { leadId: lead?.id ?? "" } });
    expect(events.map((e) => [e.type, e.toStage, e.campaignId])).toEqual([["created", "new", "camp_hook_spring"]]);
    const post = await app.slack.waitFor("chat.postMessage", (call) => call.args.channel === MARKETING_CHANNEL);
    expect(post.args.text).toContain("Dana Scully");
    expect(JSON.stringify(post.args.blocks)).toContain("Spring Webinar");
    expect(JSON.stringify(post.args)).not.toContain("globex.com");
  });

  it("updates the lead with the same email with 200, keeping fields the form left out", async () => {
    nextMinute();
    app.slack.reset();
    const reply = await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "dana@globex.com", phone: "+1 202 555 0188" } });
    expect(reply.status).toBe(200);
    expect(reply.body.created).toBe(false);
    const lead = await app.db.lead.findFirst({ where: { id: reply.body.leadId, teamId: TEAM } });
    expect(lead).toMatchObject({ name: "Dana Scully", company: "Globex", phone: "+1 202 555 0188" });
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "dana@globex.com" } })).toBe(1);
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("accepts form-encoded bodies", async () => {
    nextMinute();
    const reply = await postWebFormLead(app, {
      teamId: TEAM,
      secret,
      contentType: "application/x-www-form-urlencoded",
      body: { email: "fox@mulder.org", first_name: "Fox", last_name: "Mulder", "Company Size": "51-200" },
    });
    expect(reply.status).toBe(201);
    expect(await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "fox@mulder.org" } })).toMatchObject({
      name: "Fox Mulder",
      companySize: "51-200",
    });
  });

  it("answers 400 with a JSON list of errors a form author can act on, and stores nothing", async () => {
    nextMinute();
    const before = await app.db.lead.count({ where: { teamId: TEAM } });
    const bad = await postWebFormLead(app, {
      teamId: TEAM,
      secret,
      body: { email: "not-an-email", phone: "call me", companySize: "huge" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("invalid_lead");
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { field: "email", message: "That doesn't look like an email address (for example jane@acme.com)." },
        { field: "phone", message: expect.stringContaining("A phone number can only have digits") },
        { field: "companySize", message: expect.stringContaining("Company size must be one of") },
      ]),
    );
    const notJson = await postWebFormLead(app, { teamId: TEAM, secret, body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors[0].field).toBe("body");
    const wrongType = await postWebFormLead(app, { teamId: TEAM, secret, body: "email=a@b.co", contentType: "text/plain" });
    expect(wrongType.status).toBe(415);
    expect(await app.db.lead.count({ where: { teamId: TEAM } })).toBe(before);
  });

  it("keeps an unknown tracking code on the lead (201) for an admin to map, instead of refusing the lead", async () => {
    nextMinute();
    const reply = await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "x@y.io", campaign: "Nope", utm_source: "ads" } });
    expect(reply.status).toBe(201);
    expect(await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "x@y.io" } })).toMatchObject({
      campaignId: null,
      unmatchedCampaignCode: "nope",
      utmSource: "ads",
    });
  });

  it("answers 401 to a wrong, missing or replayed signature, and to an unknown workspace", async () => {
    nextMinute();
    const body = { email: "eve@evil.io" };
    const wrongSecret = await postWebFormLead(app, { teamId: TEAM, secret: "bwf_wrong", body });
    const noSignature = await postWebFormLead(app, { teamId: TEAM, secret, body, signature: "" });
    const stale = await postWebFormLead(app, {
      teamId: TEAM,
      secret,
      body,
      timestamp: Math.floor(app.clock.now().getTime() / 1000) - 6 * 60,
    });
    const unknownTeam = await postWebFormLead(app, { teamId: "T0NOBODY01", secret, body });
    for (const reply of [wrongSecret, noSignature, stale, unknownTeam]) {
      expect(reply.status).toBe(401);
      expect(reply.body.error).toBe("invalid_signature");
    }
    expect(stale.body.message).toContain("five minutes");
    expect(await app.db.lead.count({ where: { emailKey: "eve@evil.io" } })).toBe(0);
  });

  it("stops accepting a secret once an admin rotates it", async () => {
    nextMinute();
    app.slack.setUser({ id: "UADMHOOK01", is_admin: true });
    await app.requests.blockAction({ actionId: "web_forms_rotate", view: { id: "VWEBFORMS1" } }, { teamId: TEAM, userId: "UADMHOOK01" });
    const updated = await app.slack.waitFor("views.update", (call) => call.args.view_id === "VWEBFORMS1");
    const rotated = JSON.stringify(updated.args.view).match(/Signing secret\*\\n`(bwf_[0-9a-f]+)`/)?.[1] ?? "";
    expect(rotated).toMatch(/^bwf_/);
    expect(rotated).not.toBe(secret);
    expect((await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "old@secret.io" } })).status).toBe(401);
    expect((await postWebFormLead(app, { teamId: TEAM, secret: rotated, body: { email: "new@secret.io" } })).status).toBe(201);
    secret = rotated;
  });

  it("is idempotent on Idempotency-Key: a repeat gets the first answer and changes nothing, even when sent at once", async () => {
    nextMinute();
    const first = await postWebFormLead(app, {
      teamId: TEAM,
      secret,
      idempotencyKey: "form-123",
      body: { email: "once@acme.io", name: "Once" },
    });
    expect(first.status).toBe(201);
    const again = await postWebFormLead(app, {
      teamId: TEAM,
      secret,
      idempotencyKey: "form-123",
      body: { email: "once@acme.io", name: "Once" },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const onceLead = await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "once@acme.io" } });
    expect(await app.db.leadEvent.count({ where: { leadId: onceLead?.id ?? "" } })).toBe(1);
    nextMinute();
    const racing = await Promise.all(
      Array.from({ length: 6 }, () =>
        postWebFormLead(app, { teamId: TEAM, secret, idempotencyKey: "form-race", body: { email: "race@acme.io" } }),
      ),
    );
    const saved = racing.filter((r) => r.status === 201);
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect(racing.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(saved.map((r) => r.body.leadId)).size).toBe(1);
    const lead = await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "race@acme.io" } });
    expect(await app.db.leadEvent.count({ where: { leadId: lead?.id ?? "" } })).toBe(1);
  });

  it("answers 429 with Retry-After past the workspace's limit per minute, only for that workspace", async () => {
    nextMinute();
    const other = "T0HOOK0002";
    const otherSecret = await webFormSecret(app, other);
    const answers: number[] = [];
    for (let i = 0; i < 10; i++)
      answers.push((await postWebFormLead(app, { teamId: TEAM, secret, body: { email: `burst${i}@acme.io` } })).status);
    expect(answers.slice(0, 8).every((s) => s === 201)).toBe(true);
    expect(answers.slice(8)).toEqual([429, 429]);
    const limited = await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "late@acme.io" } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.error).toBe("rate_limited");
    expect(
      await app.db.lead.count({ where: { teamId: TEAM, emailKey: { in: ["burst8@acme.io", "burst9@acme.io", "late@acme.io"] } } }),
    ).toBe(0);
    expect((await postWebFormLead(app, { teamId: other, secret: otherSecret, body: { email: "fine@other.io" } })).status).toBe(201);
    nextMinute();
    expect((await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "late@acme.io" } })).status).toBe(201);
  });

  it("holds the limit across replicas sharing the database", async () => {
    nextMinute();
    const replica = await startTestApp({
      databaseUrl: app.databaseUrl,
      slack: app.slack,
      clock: app.clock,
      env: { WEBHOOK_RATE_LIMIT: "8" },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const target = i % 2 === 0 ? app : replica;
        statuses.push((await postWebFormLead(target, { teamId: TEAM, secret, body: { email: `replica${i}@acme.io` } })).status);
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(8);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    } finally {
      await replica.stop();
    }
  });
});
