import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0SETLEAD1";
const ADMIN = "U0SETADMN1";
const REP_A = "U0SETREPA1";
const REP_B = "U0SETREPB1";
const admin = { teamId: TEAM, userId: ADMIN };

const channelsValues = (overrides: Record<string, Record<string, unknown>> = {}) => ({
  salesChannelId: { value: input.channel("C0NEWSALES") },
  marketingChannelId: { value: input.channel("C0NEWMKTG1") },
  salesUserGroupId: { value: input.select("S0SETSALES") },
  salesUserIds: { value: input.users([REP_A]) },
  adminUserIds: { value: input.users(["U0SETOPS01"]) },
  timezone: { value: input.externalSelect("Europe/Berlin") },
  currency: { value: input.select("EUR") },
  workStart: { value: input.time("08:30") },
  workEnd: { value: input.time("16:00") },
  workDays: { value: input.checkboxes(["1", "2", "3", "4"]) },
  ...overrides,
});

describe("settings: Channels and people, Rotation", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    app.slack.setUserGroup("S0SETSALES", [REP_B]);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("lists both sections in /baton settings with their current state", async () => {
    await app.requests.command("/baton", "settings", admin);
    const home = await app.slack.waitFor("views.update");
    const text = JSON.stringify(home.args.view.blocks);
    expect(text).toContain("Channels and people");
    expect(text).toContain(`Sales: <#${SALES_CHANNEL}>`);
    expect(text).toContain(`Marketing: <#${MARKETING_CHANNEL}>`);
    expect(text).toContain("Sales team: anyone");
    expect(text).toContain("*Rotation*\\nOff · 0 reps listed");
  });

  it("opens Channels and people with the current values, user groups to pick from", async () => {
    await app.requests.blockAction(
      { actionId: "settings_section", value: "channels_people", view: { id: "VSETHOME01", type: "modal" } },
      admin,
    );
    const { view } = (await app.slack.waitFor("views.push")).args;
    expect(view.callback_id).toBe("settings_channels_people");
    const block = (id: string) => view.blocks.find((b: { block_id: string }) => b.block_id === id);
    expect(block("salesChannelId").element.initial_conversation).toBe(SALES_CHANNEL);
    expect(block("workStart").element.initial_time).toBe("09:00");
    expect(block("workEnd").element.initial_time).toBe("17:00");
    expect(block("workDays").element.initial_options.map((o: { value: string }) => o.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(block("salesUserGroupId").element.options.map((o: { value: string }) => o.value)).toEqual(["S0SETSALES"]);
  });

  it("shows each invalid setting inline and saves nothing", async () => {
    const reply = await app.requests.viewSubmission(
      {
        callbackId: "settings_channels_people",
        values: channelsValues({
          timezone: { value: input.text("Mars/Olympus") },
          currency: { value: input.text("dollars") },
          workEnd: { value: input.time("08:00") },
          workDays: { value: input.checkboxes([]) },
        }),
      },
      admin,
    );
    expect(reply.body).toEqual({
      response_action: "errors",
      errors: {
        timezone: "Enter a time zone such as Europe/Berlin or America/New_York.",
        currency: "Enter a three-letter currency code such as USD, EUR or GBP.",
        workDays: "Pick at least one working day.",
        workEnd: "The working day must end after it starts.",
      },
    });
    const endBeforeStart = await app.requests.viewSubmission(
      { callbackId: "settings_channels_people", values: channelsValues({ workEnd: { value: input.time("08:00") } }) },
      admin,
    );
    expect(endBeforeStart.body.errors).toEqual({ workEnd: "The working day must end after it starts." });
    expect((await app.db.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).timezone).toBe("UTC");
  });

  it("refuses someone who is not an admin", async () => {
    const reply = await app.requests.viewSubmission(
      { callbackId: "settings_channels_people", values: channelsValues() },
      { teamId: TEAM, userId: REP_A },
    );
    expect(reply.body.response_action).toBe("errors");
    expect(JSON.stringify(reply.body.errors)).toContain("Only Baton admins can change settings");
    expect((await app.db.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).salesChannelId).toBe(SALES_CHANNEL);
  });

  it("saves channels, the sales team, admins, time zone, currency and working hours", async () => {
    const reply = await app.requests.viewSubmission(
      { callbackId: "settings_channels_people", values: channelsValues(), previousViewId: "VSETHOME01" },
      admin,
    );
    expect(reply.body).toBe("");
    // The settings home underneath shows the new state.
    const home = await app.slack.waitFor("views.update", (c) => c.args.view_id === "VSETHOME01");
    expect(JSON.stringify(home.args.view.blocks)).toContain("Sales: <#C0NEWSALES>");
    expect(await app.db.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).toMatchObject({
      salesChannelId: "C0NEWSALES",
      marketingChannelId: "C0NEWMKTG1",
      salesUserGroupId: "S0SETSALES",
      salesUserIds: [REP_A],
      adminUserIds: ["U0SETOPS01"],
      timezone: "Europe/Berlin",
      currency: "EUR",
      workStartMinute: 510,
      workEndMinute: 960,
      workDays: [1, 2, 3, 4],
    });
  });

  it("re-renders the Rotation modal with a weight and cap per rep as reps are picked, keeping what was typed", async () => {
    await app.requests.blockAction({ actionId: "settings_section", value: "rotation", view: { id: "VSETHOME01", type: "modal" } }, admin);
    const { view } = (await app.slack.waitFor("views.push")).args;
    expect(view.callback_id).toBe("settings_rotation");
    await app.requests.blockAction(
      {
        actionId: "rotation_members",
        type: "multi_users_select",
        blockId: "members",
        view: {
          id: "VROT000001",
          type: "modal",
          hash: "h1",
          callback_id: "settings_rotation",
          state: {
            values: {
              switches: { value: input.checkboxes(["enabled"]) },
              members: { rotation_members: input.users([REP_A, REP_B]) },
              [`weight:${REP_A}`]: { value: { type: "number_input", value: "3" } },
            },
          },
        },
      },
      admin,
    );
    const updated = await app.slack.waitFor("views.update", (c) => c.args.view_id === "VROT000001");
    expect(updated.args.hash).toBe("h1");
    const blocks = updated.args.view.blocks;
    const ids = blocks.map((b: { block_id?: string }) => b.block_id).filter(Boolean);
    expect(ids).toEqual(expect.arrayContaining([`weight:${REP_A}`, `cap:${REP_A}`, `weight:${REP_B}`, `cap:${REP_B}`]));
    expect(blocks.find((b: { block_id?: string }) => b.block_id === `weight:${REP_A}`).element.initial_value).toBe("3");
    expect(
      blocks.find((b: { block_id?: string }) => b.block_id === "switches").element.initial_options.map((o: { value: string }) => o.value),
    ).toEqual(["enabled"]);
  });

  it("shows a bad weight or cap on that rep's row, and saves the rotation in order", async () => {
    const values = (weightA: string, capB: string | null) => ({
      switches: { value: input.checkboxes(["enabled", "reassign"]) },
      members: { rotation_members: input.users([REP_B, REP_A]) },
      [`weight:${REP_A}`]: { value: { type: "number_input", value: weightA } },
      [`cap:${REP_B}`]: { value: { type: "number_input", value: capB } },
    });
    const bad = await app.requests.viewSubmission({ callbackId: "settings_rotation", values: values("11", "0") }, admin);
    expect(bad.body).toEqual({
      response_action: "errors",
      errors: {
        [`weight:${REP_A}`]: "A weight is at most 10.",
        [`cap:${REP_B}`]: "A daily cap is at least 1 (leave it empty for no cap).",
      },
    });
    const empty = await app.requests.viewSubmission(
      {
        callbackId: "settings_rotation",
        values: { switches: { value: input.checkboxes(["enabled"]) }, members: { rotation_members: input.users([]) } },
      },
      admin,
    );
    expect(empty.body.errors).toEqual({ members: "Add at least one rep, or switch the rotation off." });
    expect(await app.db.rotationMember.count({ where: { teamId: TEAM } })).toBe(0);

    expect((await app.requests.viewSubmission({ callbackId: "settings_rotation", values: values("2", "5") }, admin)).body).toBe("");
    const members = await app.db.rotationMember.findMany({ where: { teamId: TEAM }, orderBy: { position: "asc" } });
    expect(members.map((m) => [m.userId, m.weight, m.dailyCap])).toEqual([
      [REP_B, 1, 5],
      [REP_A, 2, null],
    ]);
    expect(await app.db.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).toMatchObject({
      rotationEnabled: true,
      reassignOnBreach: true,
    });

    // Removing a rep deletes them; the others keep their place in the rotation.
    await app.db.rotationMember.updateMany({ where: { teamId: TEAM, userId: REP_A }, data: { currentWeight: 7 } });
    const kept = {
      switches: { value: input.checkboxes(["enabled"]) },
      members: { rotation_members: input.users([REP_A]) },
      [`weight:${REP_A}`]: { value: { type: "number_input", value: "2" } },
    };
    expect((await app.requests.viewSubmission({ callbackId: "settings_rotation", values: kept }, admin)).body).toBe("");
    const left = await app.db.rotationMember.findMany({ where: { teamId: TEAM } });
    expect(left.map((m) => [m.userId, m.currentWeight])).toEqual([[REP_A, 7]]);
  });
});
