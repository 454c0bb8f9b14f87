// A captured signed request sent again within its five minutes (the signature still holds) has its effect once:
// submissions, clicks and commands are claimed in the database like events, on whichever replica they land.
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/lib/logger.js";
import { campaignFields } from "../campaigns/forms.js";
import { handOff, leadFormValues, logLead, startReplicas, submitLead, textOf, updatesOf } from "../helpers/leads.js";
import { holdWriteLock } from "../helpers/outage.js";
import { input, type SlackReply } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0REPLAY01";
const ADMIN = "U0REPLADM1";
const MARKETER = "U0REPLMKT1";
const REP = "U0REPLREP1";
const admin = { teamId: TEAM, userId: ADMIN };
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };
const rep = { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL };

function editorValues(timezone = "Europe/Berlin") {
  return {
    channelId: { value: input.channel("C0REPLAYD1") },
    period: { value: input.select("weekly") },
    weekday: { value: input.select("5") },
    dayOfMonth: { value: input.select("1") },
    time: { value: input.time("16:30") },
    timezone: { value: input.text(timezone) },
    view: { value: input.radio("marketing") },
    sections: { value: input.checkboxes(["campaigns", "funnel"]) },
    skipEmpty: { value: input.checkboxes([]) },
  };
}

async function metricValue(app: TestApp, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

class LogCapture extends Writable {
  readonly lines: Record<string, any>[] = [];
  raw = "";
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.raw += chunk.toString();
    for (const line of chunk.toString().split("\n").filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe("a replayed interaction", () => {
  let app: TestApp;
  let replicas: TestApp[];
  const logs = new LogCapture();
  let views = 0;
  const viewId = () => `VREPLAY${String(++views).padStart(3, "0")}`;
  beforeAll(async () => {
    app = await startTestApp({ start: { logger: createLogger({ level: "debug", pretty: false, destination: logs }) } });
    replicas = await startReplicas(app, 1);
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", admin);
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  const schedules = () => app.db.digestSchedule.findMany({ where: { teamId: TEAM, channelId: "C0REPLAYD1" } });
  const submitSchedule = (timezone: string, id: string) =>
    app.requests.viewSubmission(
      {
        callbackId: "digest_schedule_editor",
        privateMetadata: JSON.stringify({ scheduleId: null, listViewId: "VREPLLIST1" }),
        values: editorValues(timezone),
        id,
      },
      admin,
    );

  it("stores a digest schedule once when its submission is sent twice, and closes the modal both times", async () => {
    const first = await submitSchedule("Europe/Berlin", viewId());
    expect(first.body).toBe("");
    const again = await first.replay();
    expect(again.status).toBe(200);
    expect(again.body).toBe("");
    await app.idle();
    expect(await schedules()).toHaveLength(1);
    expect(app.slack.callsOf("views.update").filter((call) => call.args.view_id === "VREPLLIST1")).toHaveLength(1);
    await app.db.digestSchedule.deleteMany({ where: { teamId: TEAM, channelId: "C0REPLAYD1" } });
  });

  it("shows a refused submission's errors every time it is sent, stores nothing, then stores the corrected form once", async () => {
    const id = viewId();
    const bad = await submitSchedule("Mars/Olympus", id);
    const badAgain = await bad.replay();
    for (const reply of [bad, badAgain]) {
      expect(reply.body).toEqual({
        response_action: "errors",
        errors: { timezone: "That is not a time zone I know: type one such as Europe/Berlin or America/New_York." },
      });
    }
    expect(await schedules()).toHaveLength(0);
    // The person corrects the field and sends the same modal (same view id and hash) again, and it is replayed.
    const fixed = await submitSchedule("Europe/Berlin", id);
    expect(fixed.body).toBe("");
    expect((await fixed.replay()).body).toBe("");
    await app.idle();
    expect(await schedules()).toHaveLength(1);
    await app.db.digestSchedule.deleteMany({ where: { teamId: TEAM, channelId: "C0REPLAYD1" } });
  });

  it("lets the very same form be sent again after it was refused, once what refused it is fixed, and saves it once", async () => {
    const form = {
      callbackId: "lead_modal",
      privateMetadata: "{}",
      values: leadFormValues({ email: "later@replay.io", campaignId: "c_replay_later" }),
      id: viewId(),
    };
    const refused = await app.requests.viewSubmission(form, marketer);
    expect(refused.body).toEqual({ response_action: "errors", errors: { campaignId: "Pick one of this workspace's campaigns." } });
    // Someone logs the campaign meanwhile; the person presses Submit again on the unchanged modal.
    await app.db.campaign.create({
      data: { id: "c_replay_later", teamId: TEAM, name: "Later", nameKey: "later", channel: "events", createdById: MARKETER },
    });
    const accepted = await app.requests.viewSubmission(form, marketer);
    expect(accepted.body).toBe("");
    expect((await accepted.replay()).body).toBe("");
    await app.idle();
    const leads = await app.db.lead.findMany({ where: { teamId: TEAM, emailKey: "later@replay.io" } });
    expect(leads.map((lead) => lead.campaignId)).toEqual(["c_replay_later"]);
    expect(await app.db.leadEvent.count({ where: { leadId: leads[0]?.id ?? "" } })).toBe(1);
  });

  it("logs a lead once, and confirms it once, from a lead modal submission sent twice", async () => {
    const first = await submitLead(app, { email: "replay@lead.io", name: "Replay Lead" }, marketer);
    expect(first.body).toBe("");
    expect((await first.replay()).body).toBe("");
    await app.idle();
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "replay@lead.io" } })).toBe(1);
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "replay@lead.io" } });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id } })).toBe(1);
    const confirmations = app.slack.callsOf("chat.postEphemeral").filter((call) => call.args.user === MARKETER);
    expect(confirmations.map((call) => call.args.channel)).toEqual([MARKETING_CHANNEL]);
  });

  it("logs a campaign once from a campaign modal submission sent twice", async () => {
    const id = viewId();
    const first = await app.requests.viewSubmission(
      { callbackId: "campaign_create", values: campaignFields({ name: input.text("Replay Launch") }), id },
      marketer,
    );
    expect(first.body.response_action).toBe("update");
    expect((await first.replay()).body).toBe("");
    await app.idle();
    expect(await app.db.campaign.count({ where: { teamId: TEAM, nameKey: "replay launch" } })).toBe(1);
    expect(app.slack.callsOf("chat.postMessage").filter((call) => textOf(call).includes("Replay Launch"))).toHaveLength(1);
  });

  it("accepts a handoff once, with one card update, when the Accept click (same action_ts) is sent twice", async () => {
    const lead = await logLead(app, { email: "accept@replay.io", name: "Ada Replay" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    const ts = handoff?.messageTs ?? "";
    app.slack.reset();
    const click = await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id ?? "", messageTs: ts }, rep);
    await app.slack.waitForResponse((post) => String(post.body.text).includes("You own this lead now"));
    const again = await click.replay();
    expect(again.status).toBe(200);
    await app.idle();
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id: handoff?.id ?? "" } })).toMatchObject({
      status: "accepted",
      decidedById: REP,
    });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, toStage: "sql" } })).toBe(1);
    expect(updatesOf(app, SALES_CHANNEL, ts)).toHaveLength(1);
    // The repeat says nothing: the only answer is the first one (no "you already accepted this lead").
    expect(app.slack.responses.map((post) => post.body.text)).toEqual([expect.stringContaining("You own this lead now")]);
  });

  it("sends one export when `/lead export` is sent twice; the repeat gets the same reply and nothing else", async () => {
    const first = await app.requests.command("/lead", "export", admin);
    expect(first.status).toBe(200);
    await app.slack.waitForResponse((post) => /Sent you/.test(post.body.text));
    const again = await first.replay();
    expect(again.body).toEqual(first.body);
    await app.idle();
    expect(app.slack.callsOf("files.completeUploadExternal")).toHaveLength(1);
    expect(app.slack.responses.map((post) => post.body.text)).toEqual([expect.stringMatching(/Sent you/)]);
  });

  it("acks a command and its replay while the database is slow, and still exports once", async () => {
    const lock = await holdWriteLock(app.databaseUrl, 1_000);
    let released = false;
    let first: SlackReply;
    let again: SlackReply;
    try {
      first = await app.requests.command("/lead", "export", admin);
      again = await first.replay();
      // PostgreSQL waits without blocking: both acks come while the claims still wait for the lock (SQLite's driver
      // waits synchronously, so there the holder lets go by itself within Slack's window).
      if (app.baton.database.provider === "postgresql") expect(released).toBe(false);
    } finally {
      released = true;
      await lock.release();
    }
    for (const reply of [first, again]) expect(reply.status).toBe(200);
    await app.slack.waitForResponse((post) => /Sent you/.test(post.body.text));
    await app.idle();
    expect(app.slack.callsOf("files.completeUploadExternal")).toHaveLength(1);
    expect(app.slack.responses.map((post) => post.body.text)).toEqual([expect.stringMatching(/Sent you/)]);
  });

  it("still runs a second click of the same button (a new action_ts), which the use case answers itself", async () => {
    const lead = await logLead(app, { email: "twice@replay.io" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    app.slack.reset();
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id ?? "", messageTs: handoff?.messageTs ?? "" }, rep);
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id ?? "", messageTs: handoff?.messageTs ?? "" }, rep);
    await app.slack.waitForResponse((post) => post.body.text === "You already accepted this lead; it's yours.");
  });

  it("is refused on another replica too (PostgreSQL; SQLite runs one instance)", async () => {
    const [replica] = replicas;
    if (!replica) return;
    const first = await app.requests.viewSubmission(
      { callbackId: "lead_modal", privateMetadata: "{}", values: leadFormValues({ email: "replica@replay.io" }), id: viewId() },
      marketer,
    );
    const [here, there] = await Promise.all([first.replay(), first.replay(replica.requests.eventsUrl)]);
    for (const reply of [first, here, there]) expect(reply.body).toBe("");
    await Promise.all([app.idle(), replica.idle()]);
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "replica@replay.io" } })).toBe(1);
  });

  it("counts refused replays by kind and logs each without personal data", async () => {
    expect(await metricValue(app, "baton_slack_interaction_replays_total", { kind: "view_submission" })).toBeGreaterThanOrEqual(4);
    expect(await metricValue(app, "baton_slack_interaction_replays_total", { kind: "block_actions" })).toBe(1);
    expect(await metricValue(app, "baton_slack_interaction_replays_total", { kind: "command" })).toBe(2);
    expect(await metricValue(app, "baton_slack_requests_total", { listener: "command:/lead", outcome: "replay" })).toBe(2);
    const refused = logs.lines.filter((line) => line.msg === "refused a replayed interaction");
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const line of refused) expect(line).toMatchObject({ teamId: TEAM, kind: expect.any(String), requestId: expect.any(String) });
    for (const personal of ["replay@lead.io", "Replay Lead", "accept@replay.io", "Ada Replay"]) {
      expect(JSON.stringify(refused)).not.toContain(personal);
    }
  });

  it("forgets claimed interactions an hour after they came (housekeeping), well past their signature's five minutes", async () => {
    const claims = () => app.db.onceMarker.count({ where: { key: { startsWith: `interaction:${TEAM}:` } } });
    expect(await claims()).toBeGreaterThan(0);
    app.clock.advanceMinutes(30);
    await app.baton.jobs.housekeeping?.run();
    expect(await claims()).toBeGreaterThan(0);
    app.clock.advanceMinutes(31);
    await app.baton.jobs.housekeeping?.run();
    expect(await claims()).toBe(0);
  });
});
