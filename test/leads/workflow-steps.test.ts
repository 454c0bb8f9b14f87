// Baton's Workflow Builder steps, run as Slack runs them: a function_executed event per step, answered with
// functions.completeSuccess (the step's outputs) or functions.completeError (why it failed), with the step's token.
import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { textOf, waitUntil } from "../helpers/leads.js";
import type { SlackCall } from "../helpers/slack-stand-in.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0WORKFLOW";
const MARKETER = "U0MKTFLOW1";
const REP = "U0REPFLOW1";

type Parameters = Record<string, { is_required?: boolean }>;
const functions: Record<string, { output_parameters: Parameters }> = parse(fs.readFileSync("manifest.yml", "utf8")).functions;

/** Slack checks a step's outputs against its definition: only declared outputs, every required one present. */
function expectDeclaredOutputs(callbackId: string, outputs: Record<string, unknown>) {
  const declared = functions[callbackId]?.output_parameters ?? {};
  expect(Object.keys(declared)).toEqual(expect.arrayContaining(Object.keys(outputs)));
  const required = Object.entries(declared)
    .filter(([, p]) => p.is_required)
    .map(([name]) => name);
  expect(Object.keys(outputs)).toEqual(expect.arrayContaining(required));
}

describe("Workflow Builder steps", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.db.campaign.create({
      data: {
        id: "c_flow",
        teamId: TEAM,
        name: "Spring Webinar",
        nameKey: "spring webinar",
        trackingCode: "spring-webinar",
        channel: "webinar",
        createdById: MARKETER,
      },
    });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /** Runs a step and returns how Baton ended it. */
  async function run(callbackId: string, inputs: Record<string, unknown>, options: { eventId?: string; retryNum?: number } = {}) {
    const executionId = `Fx${Math.random().toString(36).slice(2, 12).toUpperCase()}`;
    const token = `xwfp-${executionId}`;
    const reply = await app.requests.functionExecuted(callbackId, inputs, { teamId: TEAM, executionId, botAccessToken: token, ...options });
    expect(reply.status).toBe(200);
    const ended: SlackCall = await Promise.race([
      app.slack.waitFor("functions.completeSuccess", (c) => c.args.function_execution_id === executionId),
      app.slack.waitFor("functions.completeError", (c) => c.args.function_execution_id === executionId),
    ]);
    expect(ended.token).toBe(token);
    if (ended.method === "functions.completeSuccess") expectDeclaredOutputs(callbackId, ended.args.outputs);
    return { ended, executionId };
  }

  describe("Log a lead", () => {
    it("logs a new lead and outputs its id and 'created'; the marketing channel hears of it", async () => {
      const { ended } = await run("log_lead", {
        email: " Ada@Analytical.io ",
        name: "Ada Lovelace",
        company: "Analytical",
        phone: "+44 20 7946 0000",
        title: "Countess",
        campaign: "spring webinar",
        notes: "Asked for a demo in the workflow's form",
      });
      expect(ended.method).toBe("functions.completeSuccess");
      const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@analytical.io" } });
      expect(ended.args.outputs).toEqual({ lead_id: lead.id, created_or_updated: "created" });
      expect(lead).toMatchObject({
        name: "Ada Lovelace",
        company: "Analytical",
        title: "Countess",
        campaignId: "c_flow",
        source: "workflow",
      });
      const announcement = await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === MARKETING_CHANNEL);
      expect(textOf(announcement)).toContain("Ada Lovelace");
    });

    it("adds only what an existing lead lacks and outputs 'updated'; an unknown campaign code is kept for an admin", async () => {
      const { ended } = await run("log_lead", {
        email: "ada@analytical.io",
        name: "Someone Else",
        region: "EMEA",
        campaign: "newsletter-7",
      });
      const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@analytical.io" } });
      expect(ended.args.outputs).toEqual({ lead_id: lead.id, created_or_updated: "updated" });
      expect(lead).toMatchObject({ name: "Ada Lovelace", campaignId: "c_flow" });
      expect(await app.db.lead.count({ where: { teamId: TEAM } })).toBe(1);

      const fresh = await run("log_lead", { email: "grace@navy.mil", campaign: "Newsletter-7" });
      expect(fresh.ended.args.outputs.created_or_updated).toBe("created");
      const grace = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "grace@navy.mil" } });
      expect(grace).toMatchObject({ campaignId: null, unmatchedCampaignCode: "newsletter-7" });
    });

    it("outputs the fit grade when the workspace's ICP grades the lead", async () => {
      const segment = await app.db.icpSegment.create({ data: { teamId: TEAM, name: "Maintainers", titles: ["Maintainer"] } });
      const { ended } = await run("log_lead", { email: "linus@kernel.org", title: "Lead Maintainer" });
      const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "linus@kernel.org" } });
      expect(ended.args.outputs).toEqual({ lead_id: lead.id, created_or_updated: "created", fit_grade: "A" });
      await app.db.icpSegment.delete({ where: { id: segment.id } });
    });

    it("fails the step, naming the input, when the email is not an address, and stores nothing", async () => {
      const { ended } = await run("log_lead", { email: "jane at acme", phone: "call me" });
      expect(ended.method).toBe("functions.completeError");
      expect(ended.args.error).toBe(
        'The "email" input: That doesn\'t look like an email address (for example jane@acme.com). The "phone" input: A phone number can only have digits, spaces, + ( ) - . / and an extension (for example +1 415 555 0100).',
      );
      const missing = await run("log_lead", { name: "No Email" });
      expect(missing.ended.args.error).toBe('The "email" input: An email address is required.');
      expect(await app.db.lead.count({ where: { teamId: TEAM, name: { in: ["No Email"] } } })).toBe(0);
      expect(app.slack.callsOf("functions.completeSuccess")).toHaveLength(0);
    });

    it("ends a step once when Slack delivers its event again", async () => {
      const { executionId } = await run("log_lead", { email: "twice@example.com" }, { eventId: "Ev0FLOWTWICE" });
      const repeat = await app.requests.functionExecuted(
        "log_lead",
        { email: "twice@example.com" },
        { teamId: TEAM, executionId, eventId: "Ev0FLOWTWICE", retryNum: 1 },
      );
      expect(repeat.status).toBe(200); // acknowledged, or Slack would deliver it once more
      await app.idle();
      const ends = app.slack.calls.filter((c) => c.method.startsWith("functions.complete") && c.args.function_execution_id === executionId);
      expect(ends).toHaveLength(1);
      expect(await app.db.leadEvent.count({ where: { teamId: TEAM, type: "created", lead: { emailKey: "twice@example.com" } } })).toBe(1);
    });
  });

  describe("Hand off a lead", () => {
    it("posts the handoff card, adds the notes it shows, and outputs the handoff id and the card's link", async () => {
      const { ended } = await run("hand_off_lead", {
        email: "ADA@analytical.io",
        notes: "Wants pricing by Friday",
        handed_off_by: MARKETER,
      });
      expect(ended.method).toBe("functions.completeSuccess");
      const handoff = await app.db.handoff.findFirstOrThrow({ where: { teamId: TEAM, lead: { emailKey: "ada@analytical.io" } } });
      const card = app.slack.callsOf("chat.postMessage").find((c) => c.args.channel === SALES_CHANNEL);
      expect(card).toBeDefined();
      expect(ended.args.outputs).toEqual({
        handoff_id: handoff.id,
        card_permalink: `https://acme.slack.com/archives/${SALES_CHANNEL}/p${String(handoff.messageTs).replace(".", "")}`,
      });
      expect(textOf(card)).toContain(`<@${MARKETER}>`);
      const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@analytical.io" } });
      expect(lead.stage).toBe("mql");
      expect(lead.notes).toBe("Asked for a demo in the workflow's form\n\nWants pricing by Friday");
      await waitUntil(() =>
        app.slack.callsOf("chat.update").some((c) => c.args.ts === handoff.messageTs && textOf(c).includes("Wants pricing by Friday")),
      );
    });

    it("completes without the card's link when Slack won't give one: the handoff is made", async () => {
      await run("log_lead", { email: "nolink@example.com" });
      app.slack.errorNext("chat.getPermalink", "channel_not_found");
      const { ended } = await run("hand_off_lead", { email: "nolink@example.com", handed_off_by: MARKETER });
      const handoff = await app.db.handoff.findFirstOrThrow({ where: { teamId: TEAM, lead: { emailKey: "nolink@example.com" } } });
      expect(ended.args.outputs).toEqual({ handoff_id: handoff.id });
    });

    it("fails the step with what to do: a lead it doesn't know, one already handed off, nobody named", async () => {
      const unknown = await run("hand_off_lead", { email: "nobody@example.com", handed_off_by: MARKETER });
      expect(unknown.ended.args.error).toBe('No lead has the email nobody@example.com. Log it first (the "Log a lead" step).');
      const again = await run("hand_off_lead", { email: "ada@analytical.io", notes: "again", handed_off_by: MARKETER });
      expect(again.ended.method).toBe("functions.completeError");
      expect(again.ended.args.error).toMatch(/already/i);
      const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@analytical.io" } });
      expect(lead.notes).not.toContain("again");
      const nobody = await run("hand_off_lead", { email: "grace@navy.mil" });
      expect(nobody.ended.args.error).toBe('The "handed_off_by" input: Choose the person (for example "Person who used this workflow").');
      expect(await app.db.handoff.count({ where: { teamId: TEAM, lead: { emailKey: "grace@navy.mil" } } })).toBe(0);
    });
  });

  describe("Find a lead", () => {
    it("outputs the stage, owner and campaign of the lead with that email, and found: false for none", async () => {
      const handoff = await app.db.handoff.findFirstOrThrow({ where: { teamId: TEAM, lead: { emailKey: "ada@analytical.io" } } });
      await app.requests.blockAction(
        { actionId: "handoff_accept", value: handoff.id, messageTs: handoff.messageTs ?? "" },
        { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL },
      );
      await waitUntil(
        async () => (await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "ada@analytical.io" } })).ownerId === REP,
      );
      const { ended } = await run("find_lead", { email: "Ada@Analytical.io" });
      expect(ended.args.outputs).toEqual({ found: true, stage: "SQL", owner: REP, campaign: "Spring Webinar" });
      const none = await run("find_lead", { email: "nobody@example.com" });
      expect(none.ended.args.outputs).toEqual({ found: false });
      const bad = await run("find_lead", { email: "not-an-email" });
      expect(bad.ended.args.error).toBe('The "email" input: That doesn\'t look like an email address (for example jane@acme.com).');
    });
  });

  it("counts each step's runs on /metrics by step, and the repeated delivery as a duplicate", async () => {
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    const count = (listener: string, outcome: string) =>
      Number(
        metrics
          .split("\n")
          .find(
            (l) =>
              l.startsWith("baton_slack_requests_total{") && l.includes(`listener="${listener}"`) && l.includes(`outcome="${outcome}"`),
          )
          ?.split(" ")
          .at(-1) ?? 0,
      );
    expect(count("step:log_lead", "ok")).toBeGreaterThanOrEqual(5);
    expect(count("step:log_lead", "duplicate")).toBe(1);
    expect(count("step:hand_off_lead", "ok")).toBeGreaterThanOrEqual(1);
    expect(count("step:find_lead", "ok")).toBeGreaterThanOrEqual(1);
  });
});
