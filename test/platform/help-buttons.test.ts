// /baton help's buttons do what the App Home's do: Log a lead and Log a campaign open their forms, Open settings
// opens the settings for an admin and says why not to anyone else.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0HELPBTN1";
const ADMIN = "U0HELPADM1";
const MARKETER = "U0HELPMKT1";

describe("/baton help with buttons", () => {
  let app: TestApp;
  let helpBlocks: any[];
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    helpBlocks = (await app.requests.command("/baton", "help", { teamId: TEAM, userId: MARKETER })).body.blocks;
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /** Clicks the help message's button with this action id, as `userId`. */
  const click = (actionId: string, userId: string) => {
    const block = helpBlocks.find((b) => b.type === "actions" && b.elements.some((e: any) => e.action_id === actionId));
    expect(block, actionId).toBeDefined();
    return app.requests.blockAction({ actionId, blockId: block.block_id, messageBlocks: helpBlocks }, { teamId: TEAM, userId });
  };

  it("opens step 1 of the campaign form and the lead form from the marketing buttons", async () => {
    await click("home_log_campaign", MARKETER);
    expect((await app.slack.waitFor("views.open")).args.view.callback_id).toBe("campaign_basics");
    app.slack.reset();
    await click("home_log_lead", MARKETER);
    expect((await app.slack.waitFor("views.open")).args.view.callback_id).toBe("lead_modal");
  });

  it("opens the settings for an admin, and tells anyone else that only admins may", async () => {
    await click("home_settings", ADMIN);
    await app.slack.waitFor("views.open");
    const admins = await app.slack.waitFor("views.update");
    expect(JSON.stringify(admins.args.view.blocks)).toContain("Channels and people");
    app.slack.reset();
    await click("home_settings", MARKETER);
    await app.slack.waitFor("views.open");
    const others = await app.slack.waitFor("views.update");
    expect(JSON.stringify(others.args.view.blocks)).not.toContain("Channels and people");
  });
});
