// The digest editor shows a field only when it applies: the weekday for weekly digests, the day of the month for
// monthly ones. Changing the period redraws the editor (dispatch_action) and keeps every other choice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0DFIELD01";
const ADMIN = "U0DFLDADM1";
const admin = { teamId: TEAM, userId: ADMIN };
const METADATA = JSON.stringify({ scheduleId: null, listViewId: "VDLIST0001" });

const inputsOf = (view: { blocks: { type: string; block_id?: string }[] }) =>
  view.blocks.filter((b) => b.type === "input").map((b) => b.block_id);

describe("the digest editor's day fields", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", admin);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /** The admin picks `period` in the open editor, having chosen the rest as below. */
  const changePeriod = (period: string, id: string) =>
    app.requests.blockAction(
      {
        type: "static_select",
        actionId: "digest_schedule_period",
        blockId: "period",
        selectedOption: { value: period, text: { type: "plain_text", text: period } },
        view: {
          id,
          type: "modal",
          callback_id: "digest_schedule_editor",
          private_metadata: METADATA,
          state: {
            values: {
              channelId: { value: input.channel("C0DFLDCHAN") },
              period: { digest_schedule_period: input.select(period) },
              weekday: { value: input.select("5") },
              time: { value: input.time("16:30") },
              timezone: { timezone_pick: input.externalSelect("Asia/Tokyo") },
              view: { value: input.radio("marketing") },
              sections: { value: input.checkboxes(["campaigns"]) },
              skipEmpty: { value: input.checkboxes(["skip"]) },
            },
          },
        } as any,
      },
      admin,
    );

  it("opens Add a digest as weekly, with the weekday only and the time zone as a searchable picker", async () => {
    await app.requests.blockAction({ actionId: "digest_schedule_add", view: { id: "VDLIST0001", type: "modal" } }, admin);
    const { view } = (await app.slack.waitFor("views.push")).args;
    expect(inputsOf(view)).toEqual(["channelId", "period", "weekday", "time", "timezone", "view", "sections", "skipEmpty"]);
    const period = view.blocks.find((b: { block_id?: string }) => b.block_id === "period");
    expect(period).toMatchObject({ dispatch_action: true, element: { action_id: "digest_schedule_period" } });
    const zone = view.blocks.find((b: { block_id?: string }) => b.block_id === "timezone");
    expect(zone.element).toMatchObject({ type: "external_select", action_id: "timezone_pick", initial_option: { value: "UTC" } });
  });

  it("swaps the weekday for the day of the month when the period becomes monthly, keeping every other choice", async () => {
    await changePeriod("monthly", "VDEDIT0001");
    const { args } = await app.slack.waitFor("views.update", (call) => call.args.view_id === "VDEDIT0001");
    const view = args.view;
    expect(inputsOf(view)).toEqual(["channelId", "period", "dayOfMonth", "time", "timezone", "view", "sections", "skipEmpty"]);
    const block = (id: string) => view.blocks.find((b: { block_id?: string }) => b.block_id === id);
    expect(block("channelId").element.initial_conversation).toBe("C0DFLDCHAN");
    expect(block("period").element.initial_option.value).toBe("monthly");
    expect(block("time").element.initial_time).toBe("16:30");
    expect(block("timezone").element.initial_option.value).toBe("Asia/Tokyo");
    expect(block("view").element.initial_option.value).toBe("marketing");
    expect(block("sections").element.initial_options.map((o: { value: string }) => o.value)).toEqual(["campaigns"]);
    expect(block("skipEmpty").element.initial_options.map((o: { value: string }) => o.value)).toEqual(["skip"]);
    expect(JSON.parse(view.private_metadata)).toEqual(JSON.parse(METADATA));
  });

  it("shows no day field for a daily digest, and changing the period saves nothing", async () => {
    const before = await app.db.digestSchedule.findMany({ where: { teamId: TEAM } });
    await changePeriod("daily", "VDEDIT0002");
    const { args } = await app.slack.waitFor("views.update", (call) => call.args.view_id === "VDEDIT0002");
    expect(inputsOf(args.view)).toEqual(["channelId", "period", "time", "timezone", "view", "sections", "skipEmpty"]);
    expect(await app.db.digestSchedule.findMany({ where: { teamId: TEAM } })).toEqual(before);
  });
});
