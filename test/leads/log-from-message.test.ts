// "Log as lead" on any message and "Log a lead" from the shortcuts menu, sent as Slack sends them, through the one
// lead form and its submission.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitLead, textOf } from "../helpers/leads.js";
import type { SlackCall } from "../helpers/slack-stand-in.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0SHORTCT1";
const MARKETER = "U0MKTSHRT1";
const PROSPECT = "U0PROSPCT1";
const PROSPECT_TEAM = "T0GLOBEX01";
const COLLEAGUE = "U0COLLEAG1";
const CHANNEL = "C0CONNECT1";
const me = { teamId: TEAM, userId: MARKETER, channelId: CHANNEL };

const field = (view: { blocks: { block_id: string; element: { initial_value?: string } }[] }, blockId: string) =>
  view.blocks.find((b) => b.block_id === blockId)?.element.initial_value;

describe("Log as lead: a lead from any message", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: PROSPECT, team_id: PROSPECT_TEAM, name: "Jane Doe", title: "Head of Ops", email: "jane@globex.com" });
    app.slack.setUser({ id: COLLEAGUE, team_id: TEAM, name: "Carl Colleague", title: "SDR", email: "carl@baton-customer.com" });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /** The lead form as the shortcut left it: opened (loading) at once, then filled in with views.update. */
  async function formFor(text: string, author: { user: string; userTeam?: string }, extra: { ts?: string; threadTs?: string } = {}) {
    const reply = await app.requests.messageShortcut("log_message_as_lead", { ...author, text, ...extra }, me);
    expect(reply.status).toBe(200);
    const opened = await app.slack.waitFor("views.open");
    const filled = await app.slack.waitFor("views.update");
    return { opened, filled, view: filled.args.view };
  }

  it("opens the lead form filled from an external author's profile and the message's text, every field editable", async () => {
    const text = "Hi! We'd like a demo for Globex Corporation. Call me on <tel:+14155550100|+1 415 555 0100>.";
    const { opened, filled, view } = await formFor(text, { user: PROSPECT, userTeam: PROSPECT_TEAM });
    expect(opened.args.view.blocks[0].text.text).toBe("Loading…");
    expect(filled.args.view_id).toBeDefined();
    expect(view.callback_id).toBe("lead_modal");
    expect(view.title.text).toBe("Log a lead");
    expect([field(view, "name"), field(view, "title"), field(view, "email"), field(view, "company"), field(view, "phone")]).toEqual([
      "Jane Doe",
      "Head of Ops",
      "jane@globex.com",
      "Globex Corporation",
      "+1 415 555 0100",
    ]);
    for (const id of ["name", "email", "company", "phone", "title"]) {
      expect(view.blocks.find((b: { block_id: string }) => b.block_id === id).element.type).toBe("plain_text_input");
    }
    expect(view.blocks[0]).toMatchObject({ type: "context", block_id: "lead_from_message" });
    expect(view.blocks[0].elements[0].text).toBe(
      "Filled in from <https://acme.slack.com/archives/C0CONNECT1/p1700000100000200|the message>; check each field. Saving links the lead to it.",
    );
    expect(app.slack.callsOf("users.info").map((c) => c.args.user)).toEqual([PROSPECT]);
    expect(JSON.parse(view.private_metadata)).toEqual({
      channelId: CHANNEL,
      fromMessage: {
        channelId: CHANNEL,
        threadTs: "1700000100.000200",
        permalink: "https://acme.slack.com/archives/C0CONNECT1/p1700000100000200",
      },
    });
  });

  it("uses only the text when a colleague wrote the message: no profile of theirs lands on the lead", async () => {
    const text = "New lead: bob@initech.com, Bob from Initech, 020 7946 0000";
    const { view } = await formFor(text, { user: COLLEAGUE });
    expect([field(view, "name"), field(view, "title"), field(view, "email"), field(view, "company"), field(view, "phone")]).toEqual([
      undefined,
      undefined,
      "bob@initech.com",
      "Initech",
      "020 7946 0000",
    ]);
    expect(app.slack.callsOf("users.info")).toHaveLength(0);
  });

  it("saves the lead with the message's permalink in its history and answers in the thread, only to the person", async () => {
    const { view } = await formFor("demo please", { user: PROSPECT, userTeam: PROSPECT_TEAM }, { ts: "1700000300.000400" });
    const reply = await submitLead(
      app,
      { email: field(view, "email") ?? null, name: "Jane D.", company: "Globex" },
      me,
      view.private_metadata,
    );
    expect(reply.body).toBe("");
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "jane@globex.com" } });
    expect(lead).toMatchObject({ name: "Jane D.", company: "Globex", createdById: MARKETER, source: "slack" });
    const events = await app.db.leadEvent.findMany({ where: { teamId: TEAM, leadId: lead.id }, orderBy: [{ at: "asc" }, { type: "asc" }] });
    expect(events.map((e) => [e.type, e.actorId, e.reason])).toEqual([
      ["created", MARKETER, null],
      ["message_linked", MARKETER, "https://acme.slack.com/archives/C0CONNECT1/p1700000300000400"],
    ]);
    const answer = await app.slack.waitFor("chat.postEphemeral");
    expect(answer.args).toMatchObject({ channel: CHANNEL, user: MARKETER, thread_ts: "1700000300.000400" });
    expect(textOf(answer)).toContain("Logged this lead");

    // The lead's card shows where it came from.
    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_open", value: lead.id }, me);
    const card: SlackCall = await app.slack.waitFor("views.open");
    expect(JSON.stringify(card.args.view)).toContain(
      "linked it to <https://acme.slack.com/archives/C0CONNECT1/p1700000300000400|a Slack message>",
    );
  });

  it("links a second message to the same lead even when it changes nothing, and replies in that message's thread", async () => {
    const { view } = await formFor(
      "me again",
      { user: PROSPECT, userTeam: PROSPECT_TEAM },
      { ts: "1700000500.000600", threadTs: "1700000300.000400" },
    );
    await submitLead(app, { email: "jane@globex.com", name: "Jane D.", company: "Globex" }, me, view.private_metadata);
    const answer = await app.slack.waitFor("chat.postEphemeral");
    expect(answer.args.thread_ts).toBe("1700000300.000400");
    expect(textOf(answer)).toContain("No changes to this lead");
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "jane@globex.com" } });
    const links = await app.db.leadEvent.findMany({
      where: { teamId: TEAM, leadId: lead.id, type: "message_linked" },
      orderBy: { at: "asc" },
    });
    expect(links.map((e) => e.reason)).toEqual([
      "https://acme.slack.com/archives/C0CONNECT1/p1700000300000400",
      "https://acme.slack.com/archives/C0CONNECT1/p1700000500000600",
    ]);
    expect(await app.db.lead.count({ where: { teamId: TEAM } })).toBe(1);
  });

  it("shows a bad value inline and stores nothing, link included", async () => {
    const { view } = await formFor("hello, reach me at jane at globex", { user: PROSPECT, userTeam: "T0OTHERORG" });
    app.slack.reset();
    const reply = await submitLead(app, { email: "jane at globex" }, me, view.private_metadata);
    expect(reply.body.errors).toEqual({ email: "That doesn't look like an email address (for example jane@acme.com)." });
    expect(await app.db.leadEvent.count({ where: { teamId: TEAM, type: "message_linked" } })).toBe(2);
    expect(app.slack.callsOf("chat.postEphemeral")).toHaveLength(0);
  });

  it("still opens the form, linked by the archive address, when Slack won't give a permalink; DMs when it can't post in the thread", async () => {
    app.slack.errorNext("chat.getPermalink", "channel_not_found");
    app.slack.errorNext("users.info", "user_not_found");
    const { view } = await formFor("ping <mailto:zed@hooli.io|zed@hooli.io>", { user: "U0STRANGER", userTeam: "T0HOOLI001" });
    expect([field(view, "email"), field(view, "name"), field(view, "company")]).toEqual(["zed@hooli.io", undefined, "Hooli"]);
    expect(JSON.parse(view.private_metadata).fromMessage.permalink).toBe("https://acme.slack.com/archives/C0CONNECT1/p1700000100000200");
    app.slack.errorNext("chat.postEphemeral", "channel_not_found");
    await submitLead(app, { email: "zed@hooli.io" }, me, view.private_metadata);
    const dm = await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === MARKETER);
    expect(textOf(dm)).toContain("Logged this lead");
  });
});

describe("Log a lead: the global shortcut", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("opens the empty lead form, as /lead does, and confirms by DM (a global shortcut has no channel)", async () => {
    const reply = await app.requests.globalShortcut("log_lead", { teamId: TEAM, userId: MARKETER });
    expect(reply.status).toBe(200);
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.callback_id).toBe("lead_modal");
    expect(view.title.text).toBe("Log a lead");
    expect(view.blocks.every((b: { element?: { initial_value?: string } }) => !b.element?.initial_value)).toBe(true);
    expect(JSON.parse(view.private_metadata)).toEqual({});
    await submitLead(app, { email: "anywhere@example.com" }, { teamId: TEAM, userId: MARKETER }, view.private_metadata);
    const dm = await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === MARKETER);
    expect(textOf(dm)).toContain("Logged this lead");
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "anywhere@example.com" } })).toBe(1);
  });
});
