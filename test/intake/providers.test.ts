// Each form and booking provider, as its documentation says it signs and sends: a lead arrives, a retry of the same
// event changes nothing, a wrong signature and (where the provider signs one) a stale timestamp get 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSource, fixture, type Provider, postToSource } from "../helpers/lead-sources.js";
import { MARKETING_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0SOURCE01";
const CAMPAIGN = "camp_src_spring";

interface Case {
  provider: Provider;
  file: string;
  fieldMap?: string;
  secret?: string;
  defaultCampaign?: boolean;
  signsTimestamp: boolean;
  lead: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    provider: "typeform",
    file: "typeform-form-response.json",
    fieldMap: "readable_ref_short_text = name\nWhich industry are you in? = industry",
    signsTimestamp: false,
    lead: {
      emailKey: "laura@typeform-demo.io",
      name: "Laura",
      company: "Globex",
      phone: "+14155550199",
      industry: "SaaS",
      campaignId: CAMPAIGN,
      utmSource: "linkedin",
      utmMedium: "paid",
      utmCampaign: "spring-26",
      source: "typeform",
    },
  },
  {
    provider: "tally",
    file: "tally-form-response.json",
    fieldMap: "Team size = company size",
    signsTimestamp: false,
    lead: { emailKey: "tomas@tally-demo.io", name: "Tomás Tally", title: "Head of Growth", companySize: "51-200", campaignId: CAMPAIGN },
  },
  {
    provider: "webflow",
    file: "webflow-form-submission.json",
    secret: "webflow-client-secret-0001",
    defaultCampaign: true,
    signsTimestamp: true,
    lead: {
      emailKey: "zaphod@webflow-demo.io",
      name: "Zaphod Beeblebrox",
      phone: "14155550123",
      company: "Heart of Gold",
      campaignId: CAMPAIGN,
    },
  },
  {
    provider: "hubspot",
    file: "hubspot-workflow-contact.json",
    secret: "hubspot-app-client-secret-01",
    defaultCampaign: true,
    signsTimestamp: true,
    lead: { emailKey: "hana@hubspot-demo.io", name: "Hana Spotter", company: "Initech", title: "VP Marketing", phone: "+1 617 555 0142" },
  },
  {
    provider: "calendly",
    file: "calendly-invitee-created.json",
    signsTimestamp: true,
    lead: {
      emailKey: "carla@calendly-demo.io",
      name: "Carla Booker",
      company: "Umbrella Corp",
      phone: "+1 212 555 0100",
      notes: "Booked Baton demo for 2026-11-25T15:00:00.000000Z",
      campaignId: CAMPAIGN,
      utmSource: "newsletter",
    },
  },
  {
    provider: "generic",
    file: "zapier-lead.json",
    fieldMap: "lead_notes = notes",
    signsTimestamp: false,
    lead: {
      emailKey: "zoe@zapier-demo.io",
      name: "Zoe Zapper",
      company: "Hooli",
      title: "COO",
      notes: "Came in through the partner webinar.",
    },
  },
];

describe("lead sources: each provider's documented signature and payload", () => {
  let app: TestApp;
  const sources = new Map<Provider, { sourceId: string; secret: string }>();
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", { teamId: TEAM, userId: "U0SRCADM01" });
    await app.db.campaign.create({
      data: {
        id: CAMPAIGN,
        teamId: TEAM,
        name: "Spring Webinar",
        nameKey: "spring webinar",
        channel: "webinar",
        trackingCode: "spring-26",
        createdById: "U1",
      },
    });
    for (const c of CASES) {
      sources.set(
        c.provider,
        await addSource(app, TEAM, {
          provider: c.provider,
          name: `${c.provider} source`,
          ...(c.fieldMap ? { fieldMap: c.fieldMap } : {}),
          ...(c.secret ? { secret: c.secret } : {}),
          ...(c.defaultCampaign ? { defaultCampaignId: CAMPAIGN } : {}),
        }),
      );
    }
  });
  afterAll(async () => {
    await app.stop();
  });
  const source = (provider: Provider) => sources.get(provider) ?? { sourceId: "", secret: "" };

  it.each(CASES)("$provider: the documented payload, signed as documented, creates the lead and announces it", async (c) => {
    app.clock.advanceMinutes(1);
    app.slack.reset();
    const reply = await postToSource(app, { ...source(c.provider), provider: c.provider, body: fixture(c.file) });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ ok: true, leadId: expect.any(String), created: true });
    const lead = await app.db.lead.findFirstOrThrow({ where: { id: reply.body.leadId, teamId: TEAM } });
    expect(lead).toMatchObject({ ...c.lead, stage: "new" });
    const post = await app.slack.waitFor("chat.postMessage", (call) => call.args.channel === MARKETING_CHANNEL);
    expect(String(post.args.text)).toContain(String(c.lead.name));
    const stored = await app.db.leadSource.findFirstOrThrow({ where: { id: source(c.provider).sourceId } });
    expect(stored).toMatchObject({ receivedCount: 1, lastReceivedAt: app.clock.now() });
  });

  it.each(CASES)("$provider: a retry of the same event gets the first answer again and creates nothing twice", async (c) => {
    app.clock.advanceMinutes(1);
    app.slack.reset();
    const retry = await postToSource(app, { ...source(c.provider), provider: c.provider, body: fixture(c.file) });
    if (c.provider === "generic") {
      // Zapier and Make make retries safe with an Idempotency-Key (below); without one, the same email adds nothing (200).
      expect(retry.status).toBe(200);
    } else {
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
    }
    const leads = await app.db.lead.findMany({ where: { teamId: TEAM, emailKey: String(c.lead.emailKey) } });
    expect(leads).toHaveLength(1);
    expect(await app.db.leadEvent.count({ where: { leadId: leads[0]?.id ?? "", type: "created" } })).toBe(1);
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it.each(CASES)("$provider: a wrong signature gets 401, changes nothing, and is counted by provider", async (c) => {
    app.clock.advanceMinutes(1);
    const before = await app.db.lead.count({ where: { teamId: TEAM } });
    const body = fixture(c.file).replace(/@[a-z]+-demo\.io/, "@forged.io");
    const reply = await postToSource(app, { ...source(c.provider), secret: "not-the-secret", provider: c.provider, body });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe("invalid_signature");
    expect(await app.db.lead.count({ where: { teamId: TEAM } })).toBe(before);
    expect((await app.db.leadSource.findFirstOrThrow({ where: { id: source(c.provider).sourceId } })).badSignatureCount).toBe(1);
    const metric = await app.baton.metrics.registry.getSingleMetricAsString("baton_lead_source_bad_signatures_total");
    expect(metric).toContain(`baton_lead_source_bad_signatures_total{provider="${c.provider}"} 1`);
    expect(metric).not.toContain(source(c.provider).sourceId);
  });

  it.each(CASES.filter((c) => c.signsTimestamp))("$provider: a stale signed timestamp gets 401", async (c) => {
    app.clock.advanceMinutes(1);
    const body = fixture(c.file).replace(/@[a-z]+-demo\.io/, "@replayed.io");
    const at = app.clock.now().getTime() - 6 * 60_000;
    const reply = await postToSource(app, { ...source(c.provider), provider: c.provider, body, at });
    expect(reply.status).toBe(401);
    expect(reply.body.message).toContain("too far from Baton's clock");
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: { endsWith: "@replayed.io" } } })).toBe(0);
  });

  it("Zapier and Make: Baton's own signed scheme with the source's secret, and an Idempotency-Key that replays", async () => {
    app.clock.advanceMinutes(1);
    const { signWebForm } = await import("../../src/domain/intake/web-form-signature.js");
    const body = JSON.stringify({ email: "mia@make-demo.io", name: "Mia Make" });
    const ts = Math.floor(app.clock.now().getTime() / 1000);
    const headers = {
      "x-baton-timestamp": String(ts),
      "x-baton-signature": signWebForm(source("generic").secret, ts, body),
      "idempotency-key": "make-1",
    };
    const first = await postToSource(app, { ...source("generic"), provider: "generic", body, headers });
    expect(first.status).toBe(201);
    const again = await postToSource(app, { ...source("generic"), provider: "generic", body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const changed = JSON.stringify({ email: "mia@make-demo.io", name: "Someone Else" });
    const reused = await postToSource(app, {
      ...source("generic"),
      provider: "generic",
      body: changed,
      headers: { ...headers, "x-baton-signature": signWebForm(source("generic").secret, ts, changed) },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toBe("idempotency_key_reused");
    expect(await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "mia@make-demo.io" } })).toMatchObject({ name: "Mia Make" });
  });

  it("answers 404 for an address no source has, and 200 without a lead to events that are not submissions", async () => {
    const unknown = await postToSource(app, { sourceId: "cnotasource0000000000", provider: "tally", secret: "x", body: "{}" });
    expect(unknown.status).toBe(404);
    const canceled = fixture("calendly-invitee-created.json").replace('"event": "invitee.created"', '"event": "invitee.canceled"');
    const reply = await postToSource(app, { ...source("calendly"), provider: "calendly", body: canceled });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true, ignored: "event invitee.canceled" });
  });
});
