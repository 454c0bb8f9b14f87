// Single-token mode serves the one workspace SLACK_BOT_TOKEN belongs to (auth.test's team): that workspace exists
// from start-up with its default digests, and a signed request from any other team id is refused politely,
// creating nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunnelData } from "../funnel/fixtures.js";
import { TestClock } from "../helpers/clock.js";
import { DEFAULT_TEAM } from "../helpers/slack-requests.js";
import { SlackStandIn } from "../helpers/slack-stand-in.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const OTHER_TEAM = "T0STRANGER";
const OTHER_USER = "U0STRANGER";
const stranger = { teamId: OTHER_TEAM, userId: OTHER_USER };
const REFUSAL = "Baton here works for another Slack workspace";

describe("single-token mode serves the token's workspace", () => {
  let app: TestApp;
  // Sunday noon: the default digest (DIGEST_CRON, Mondays 09:00) is due tomorrow.
  const clock = new TestClock("2026-11-22T12:00:00Z");
  beforeAll(async () => {
    app = await startTestApp({ clock, env: { DIGEST_CRON: "0 9 * * 1" }, start: { serveEveryTeam: false } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("creates the token's workspace and its default digests at start-up", async () => {
    // One check of the token, Baton's own (Bolt, told the bot's ids, asks nothing more: checked again below, once
    // Slack has answered later requests, since a call Bolt made on its own would not be awaited by anyone).
    expect(app.slack.callsOf("auth.test")).toHaveLength(1);
    expect(await app.db.workspace.findMany({ select: { teamId: true } })).toEqual([{ teamId: DEFAULT_TEAM }]);
    const schedules = await app.db.digestSchedule.findMany({ where: { teamId: DEFAULT_TEAM }, orderBy: { view: "asc" } });
    expect(schedules.map((s) => [s.channelId, s.view, s.cron])).toEqual([
      ["C0MKTG00001", "marketing", "0 9 * * 1"],
      [SALES_CHANNEL, "sales", "0 9 * * 1"],
    ]);
  });

  it("posts the default digest on time although nobody has typed a command", async () => {
    expect(app.slack.calls.filter((call) => call.method !== "auth.test")).toEqual([]);
    // A lead logged last week (straight into the database: no Slack request), so the week is not a quiet one, which
    // default digests skip.
    await new FunnelData(app.db, DEFAULT_TEAM, "UTC").lead({ created: "2026-11-18T10:00" });
    clock.set("2026-11-23T09:00:20Z");
    await app.baton.jobs.digests?.run();
    const posts = app.slack.callsOf("chat.postMessage").filter((call) => call.args.channel === SALES_CHANNEL);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.text).toContain("Funnel for Week of Nov 16, 2026");
    expect(app.slack.callsOf("auth.test")).toHaveLength(1);
  });

  it("refuses a command from another workspace in an ephemeral reply, creating nothing", async () => {
    app.slack.reset();
    const reply = await app.requests.command("/lead", "find acme", stranger);
    expect(reply.status).toBe(200);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(reply.body.text).toContain(REFUSAL);
    expect(await app.db.workspace.count({ where: { teamId: OTHER_TEAM } })).toBe(0);
    expect(app.slack.calls).toEqual([]);
  });

  it("refuses a button, a modal and an event from another workspace, and stores nothing for it", async () => {
    app.slack.reset();
    await app.requests.blockAction({ actionId: "handoff_accept", value: "h_unknown" }, stranger);
    const told = await app.slack.waitForResponse();
    expect(told.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(told.body.text).toContain(REFUSAL);
    const submitted = await app.requests.viewSubmission(
      {
        callbackId: "lead_modal",
        values: { email: { value: { type: "plain_text_input", value: "x@y.io" } } },
        blocks: [{ type: "input", block_id: "email" }],
      },
      stranger,
    );
    expect(submitted.body).toMatchObject({ response_action: "errors", errors: { email: expect.stringContaining(REFUSAL) } });
    const event = await app.requests.event({ type: "app_home_opened", user: OTHER_USER, tab: "home" }, { teamId: OTHER_TEAM });
    expect(event.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.slack.calls).toEqual([]);
    expect(await app.db.workspace.count({ where: { teamId: OTHER_TEAM } })).toBe(0);
    expect(await app.db.lead.count({ where: { teamId: OTHER_TEAM } })).toBe(0);
    expect(await app.db.onceMarker.count({ where: { teamId: OTHER_TEAM } })).toBe(0);
  });

  it("serves its own workspace as before", async () => {
    const reply = await app.requests.command("/baton", "help", { teamId: DEFAULT_TEAM });
    expect(reply.body.text).not.toContain(REFUSAL);
    expect(JSON.stringify(reply.body)).toContain("/lead");
  });
});

describe("a bot token Slack refuses", () => {
  it("stops start-up with what to fix", async () => {
    const slack = await SlackStandIn.start();
    slack.errorNext("auth.test", "invalid_auth");
    try {
      await expect(startTestApp({ slack, start: { serveEveryTeam: false } })).rejects.toThrow(
        "Slack refused SLACK_BOT_TOKEN (invalid_auth). Copy the Bot User OAuth Token again",
      );
    } finally {
      await slack.stop();
    }
  });
});
