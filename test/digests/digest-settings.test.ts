// /baton settings → Digests: admins list, add, change and remove schedules; defaults seeded for a new workspace.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { postsIn } from "./digest-helpers.js";

const TEAM = "T0DSET0001";
const ADMIN = "U0DSETADM1";
const REP = "U0DSETREP1";
const admin = { teamId: TEAM, userId: ADMIN };

function editorValues(overrides: Record<string, Record<string, unknown>> = {}) {
  return {
    channelId: { value: input.channel("C0DSETNEW01") },
    period: { value: input.select("weekly") },
    weekday: { value: input.select("5") },
    dayOfMonth: { value: input.select("1") },
    time: { value: input.time("16:30") },
    timezone: { value: input.text("Europe/Berlin") },
    view: { value: input.radio("marketing") },
    sections: { value: input.checkboxes(["campaigns", "funnel"]) },
    skipEmpty: { value: input.checkboxes(["skip"]) },
    ...overrides,
  };
}

describe("digest schedules in /baton settings", () => {
  let app: TestApp;
  const clock = new TestClock("2026-11-23T09:00:00Z");
  beforeAll(async () => {
    app = await startTestApp({ clock, env: { DIGEST_CRON: "0 8 * * 1", DIGEST_TIMEZONE: "America/Chicago" } });
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", admin); // first contact: the workspace and its default digests
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  const schedules = () => app.db.digestSchedule.findMany({ where: { teamId: TEAM }, orderBy: { createdAt: "asc" } });

  it("starts a new workspace with the sales view in the sales channel and the marketing view in marketing", async () => {
    expect((await schedules()).map((s) => [s.channelId, s.view, s.period, s.cron, s.timezone, s.createdById])).toEqual([
      [SALES_CHANNEL, "sales", "weekly", "0 8 * * 1", "America/Chicago", "system"],
      [MARKETING_CHANNEL, "marketing", "weekly", "0 8 * * 1", "America/Chicago", "system"],
    ]);
  });

  it("lists the schedules when an admin opens the Digests section", async () => {
    await app.requests.blockAction({ actionId: "settings_section", value: "digests", view: { id: "VHOME00001" } }, admin);
    const pushed = await app.slack.waitFor("views.push");
    expect(pushed.args.view.callback_id).toBe("digest_schedules");
    const text = JSON.stringify(pushed.args.view.blocks);
    expect(text).toContain(`<#${SALES_CHANNEL}> · weekly · Mondays at 08:00 (America/Chicago) · Sales view`);
    expect(text).toContain("Add a digest");
  });

  it("refuses bad input inline and stores nothing", async () => {
    const before = await schedules();
    const reply = await app.requests.viewSubmission(
      {
        callbackId: "digest_schedule_editor",
        privateMetadata: JSON.stringify({ scheduleId: null, listViewId: "VLIST00001" }),
        values: editorValues({ timezone: { value: input.text("Mars/Olympus") }, weekday: { value: input.select(null) } }),
      },
      admin,
    );
    expect(reply.body).toEqual({
      response_action: "errors",
      errors: {
        timezone: "That is not a time zone I know: type one such as Europe/Berlin or America/New_York.",
        weekday: "Pick the day of the week.",
      },
    });
    expect(await schedules()).toEqual(before);
  });

  it("adds a schedule, redraws the list, and posts it at its new time", async () => {
    const reply = await app.requests.viewSubmission(
      {
        callbackId: "digest_schedule_editor",
        privateMetadata: JSON.stringify({ scheduleId: null, listViewId: "VLIST00001" }),
        values: editorValues(),
      },
      admin,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toBe("");
    const added = (await schedules()).at(-1);
    expect(added).toMatchObject({
      channelId: "C0DSETNEW01",
      period: "weekly",
      cron: "30 16 * * 5",
      timezone: "Europe/Berlin",
      view: "marketing",
      sections: ["campaigns", "funnel"],
      skipEmpty: true,
      createdById: ADMIN,
    });
    const updated = await app.slack.waitFor("views.update");
    expect(updated.args.view_id).toBe("VLIST00001");
    expect(JSON.stringify(updated.args.view.blocks)).toContain(
      "<#C0DSETNEW01> · weekly · Fridays at 16:30 (Europe/Berlin) · Marketing view · skips quiet periods",
    );
    // Friday 2026-11-27 16:30 in Berlin; there was activity (a lead) so it is not skipped.
    const lead = await app.db.lead.create({ data: { teamId: TEAM, createdById: ADMIN, createdAt: new Date("2026-11-18T10:00:00Z") } });
    const created = { teamId: TEAM, leadId: lead.id, actorId: ADMIN, type: "created", toStage: "new", at: lead.createdAt };
    await app.db.leadEvent.create({ data: created });
    clock.set("2026-11-27T15:30:10Z");
    await app.baton.jobs.digests?.run();
    const [post] = postsIn(app.slack, "C0DSETNEW01");
    expect(post?.text).toContain("Funnel for Week of Nov 16, 2026: 1 new lead, 0 MQLs, 0 SQLs, 0 won");
    expect(JSON.stringify(post?.blocks)).toContain("Marketing digest");
  });

  it("edits a schedule in place, monthly on the last day", async () => {
    const [sales] = await schedules();
    await app.requests.blockAction({ actionId: "digest_schedule_edit", value: sales?.id ?? "", view: { id: "VLIST00002" } }, admin);
    const editor = await app.slack.waitFor("views.push");
    expect(editor.args.view.callback_id).toBe("digest_schedule_editor");
    expect(JSON.parse(editor.args.view.private_metadata)).toEqual({ scheduleId: sales?.id, listViewId: "VLIST00002" });
    const reply = await app.requests.viewSubmission(
      {
        callbackId: "digest_schedule_editor",
        privateMetadata: editor.args.view.private_metadata,
        values: editorValues({
          channelId: { value: input.channel(SALES_CHANNEL) },
          period: { value: input.select("monthly") },
          dayOfMonth: { value: input.select("last") },
          view: { value: input.radio("sales") },
          sections: { value: input.checkboxes([]) },
          skipEmpty: { value: input.checkboxes([]) },
        }),
      },
      admin,
    );
    expect(reply.body).toBe("");
    expect(await app.db.digestSchedule.findUnique({ where: { id: sales?.id ?? "" } })).toMatchObject({
      period: "monthly",
      cron: "30 16 L * *",
      view: "sales",
      sections: null,
      skipEmpty: false,
    });
  });

  it("removes a schedule and redraws the list; a second click changes nothing", async () => {
    const [, marketing] = await schedules();
    for (let i = 0; i < 2; i++) {
      await app.requests.blockAction({ actionId: "digest_schedule_remove", value: marketing?.id ?? "", view: { id: "VLIST00003" } }, admin);
      await app.slack.waitFor("views.update", (call) => call.args.view_id === "VLIST00003");
      app.slack.reset();
    }
    expect((await schedules()).map((s) => s.id)).not.toContain(marketing?.id);
  });

  it("lets nobody else change schedules, and never another workspace's", async () => {
    const [first] = await schedules();
    await app.requests.blockAction(
      { actionId: "digest_schedule_remove", value: first?.id ?? "", view: { id: "VLIST00004" } },
      { teamId: TEAM, userId: REP },
    );
    const refused = await app.slack.waitFor("views.push");
    expect(JSON.stringify(refused.args.view.blocks)).toContain("Only Baton admins can change settings");
    const reply = await app.requests.viewSubmission(
      {
        callbackId: "digest_schedule_editor",
        privateMetadata: JSON.stringify({ scheduleId: first?.id, listViewId: null }),
        values: editorValues(),
      },
      { teamId: TEAM, userId: REP },
    );
    expect(reply.body).toEqual({ response_action: "errors", errors: { channelId: "Only Baton admins can change digest schedules." } });
    // An admin of another workspace aiming at this workspace's schedule id.
    app.slack.setUser({ id: "U0OTHERADM", is_admin: true });
    const other = { teamId: "T0DSET0002", userId: "U0OTHERADM" };
    await app.requests.blockAction({ actionId: "digest_schedule_remove", value: first?.id ?? "", view: { id: "VLIST00005" } }, other);
    await app.slack.waitFor("views.update", (call) => call.args.view_id === "VLIST00005");
    const foreignEdit = await app.requests.viewSubmission(
      {
        callbackId: "digest_schedule_editor",
        privateMetadata: JSON.stringify({ scheduleId: first?.id, listViewId: null }),
        values: editorValues(),
      },
      other,
    );
    expect(foreignEdit.body).toEqual({
      response_action: "errors",
      errors: { channelId: "That digest schedule no longer exists: someone may have removed it." },
    });
    expect(await app.db.digestSchedule.findUnique({ where: { id: first?.id ?? "" } })).toMatchObject({ teamId: TEAM, cron: first?.cron });
  });
});
