// A lead is a lead wherever it comes from: logged in Slack, sent by a web form or a lead source, or imported from
// a CSV, it is graded against the ICP, found by /lead find and counted by /funnel in the same way.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSource, fixture, type Provider, postToSource } from "../helpers/lead-sources.js";
import { logLead } from "../helpers/leads.js";
import { requestImport, webFormSecret } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const TEAM = "T0ENTRY001";
const MARKETER = "U0ENTRYMK1";

/** Each provider's documented payload, with an industry answer added where the form would have one. */
const PROVIDER_BODIES: Record<Exclude<Provider, "generic">, { name: string; body: () => string }> = {
  typeform: { name: "Laura", body: () => fixture("typeform-form-response.json") },
  tally: {
    name: "Tomás Tally",
    body: () => {
      const body = JSON.parse(fixture("tally-form-response.json"));
      body.data.fields.push({ key: "question_ind", label: "Industry", type: "INPUT_TEXT", value: "SaaS" });
      return JSON.stringify(body);
    },
  },
  webflow: {
    name: "Zaphod Beeblebrox",
    body: () => {
      const body = JSON.parse(fixture("webflow-form-submission.json"));
      body.payload.data.Industry = "SaaS";
      return JSON.stringify(body);
    },
  },
  hubspot: {
    name: "Hana Spotter",
    body: () => {
      const body = JSON.parse(fixture("hubspot-workflow-contact.json"));
      body.properties.industry = { value: "SaaS" };
      return JSON.stringify(body);
    },
  },
  calendly: {
    name: "Carla Booker",
    body: () => {
      const body = JSON.parse(fixture("calendly-invitee-created.json"));
      body.payload.questions_and_answers.push({ answer: "SaaS", position: 2, question: "Industry" });
      return JSON.stringify(body);
    },
  },
};

describe("every entry point makes the same kind of lead: graded, findable, counted", () => {
  let app: TestApp;
  const names: string[] = [];
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", { teamId: TEAM, userId: MARKETER });
    await app.db.icpSegment.create({ data: { teamId: TEAM, name: "SaaS", industries: ["SaaS"] } });

    await logLead(app, { email: "mona@modal.io", name: "Mona Modal", industry: "SaaS" }, { teamId: TEAM, userId: MARKETER });
    names.push("Mona Modal");
    const secret = await webFormSecret(app, TEAM);
    expect(
      (await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "wes@form.io", name: "Wes Form", industry: "SaaS" } })).status,
    ).toBe(201);
    names.push("Wes Form");
    for (const [provider, { name, body }] of Object.entries(PROVIDER_BODIES) as [Provider, (typeof PROVIDER_BODIES)["tally"]][]) {
      const source = await addSource(app, TEAM, {
        provider,
        name: provider,
        ...(provider === "typeform" ? { fieldMap: "readable_ref_short_text = name\nWhich industry are you in? = industry" } : {}),
        ...(provider === "webflow" || provider === "hubspot" ? { secret: `${provider}-provider-secret` } : {}),
      });
      expect((await postToSource(app, { ...source, provider, body: body() })).status).toBe(201);
      names.push(name);
    }
    const zapier = await addSource(app, TEAM, { provider: "generic", name: "Zapier" });
    const zap = JSON.stringify({ ...JSON.parse(fixture("zapier-lead.json")), industry: "SaaS" });
    expect((await postToSource(app, { ...zapier, provider: "generic", body: zap })).status).toBe(201);
    names.push("Zoe Zapper");
    app.slack.addFile("FENTRYCSV1", "entry.csv", "email,name,industry\ncasey@csv.io,Casey Csv,SaaS\n");
    await requestImport(app, { teamId: TEAM, userId: MARKETER, channelId: `D${MARKETER}` });
    await app.requests.event(
      { type: "file_shared", file_id: "FENTRYCSV1", user_id: MARKETER, channel_id: `D${MARKETER}`, file: { id: "FENTRYCSV1" } },
      { teamId: TEAM },
    );
    await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of entry.csv: 1 new"));
    names.push("Casey Csv");
  });
  afterAll(async () => {
    await app.stop();
  });

  it("grades each against the ICP", async () => {
    const leads = await app.db.lead.findMany({ where: { teamId: TEAM }, orderBy: { createdAt: "asc" } });
    expect(leads.map((l) => [l.name, l.fitGrade])).toEqual(names.map((name) => [name, "A"]));
    expect(new Set(leads.map((l) => l.source))).toEqual(
      new Set(["slack", "webhook", "typeform", "tally", "webflow", "hubspot", "calendly", "generic", "csv"]),
    );
  });

  it.each([
    "Mona Modal",
    "Wes Form",
    "Laura",
    "Tomás Tally",
    "Zaphod Beeblebrox",
    "Hana Spotter",
    "Carla Booker",
    "Zoe Zapper",
    "Casey Csv",
  ])("/lead find finds %s", async (name) => {
    await app.idle();
    app.slack.reset();
    await app.requests.command("/lead", `find ${name.split(" ")[0]?.toUpperCase()}`, { teamId: TEAM, userId: MARKETER });
    const body = (await app.slack.waitForResponse()).body;
    const rows = body.blocks.filter((b: { block_id?: string }) => b.block_id?.startsWith("lead:"));
    expect(rows.map((b: { text: { text: string } }) => b.text.text).join("\n")).toContain(name);
  });

  it("/funnel counts every one of them as a new lead of fit A", async () => {
    app.clock.advanceMinutes(1); // "so far" counts up to now: the leads arrived a minute ago
    const id = randomUUID();
    await app.requests.command("/funnel", "today", { teamId: TEAM, userId: MARKETER }, { response_url: app.slack.responseUrl(id) });
    const body = (await app.slack.waitForResponse((post) => post.id === id)).body;
    expect(body.text).toContain(`${names.length} new leads`);
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain(`*A* ${names.length} new`);
  });
});
