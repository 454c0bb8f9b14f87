// Who someone is (an admin, a guest) is asked of Slack before Baton answers, so a Slack that does not answer must
// not hold the answer past Slack's 3 seconds: the person gets a clear inline error and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0LOOKUP01";
const FIRST = "U0LOOKUP01";
const ADMIN = "U0LOOKADM1";

describe("lookups made before answering", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", { teamId: TEAM, userId: FIRST });
  });
  afterAll(async () => {
    await app.stop();
  });

  const addZapierSource = () =>
    app.requests.viewSubmission(
      {
        callbackId: "lead_source_add_modal",
        values: {
          provider: { provider: input.select("generic") },
          name: { name: input.text("Zapier") },
          secret: { secret: input.text(null) },
          fieldMap: { fieldMap: input.text(null) },
          defaultCampaignId: { defaultCampaignId: input.select(null) },
        },
      },
      { teamId: TEAM, userId: ADMIN },
    );

  it("answers a settings form with an inline error when Slack does not say who is an admin, and saves nothing", async () => {
    const held = app.slack.hold("users.info", (call) => call.args.user === ADMIN);
    const reply = await addZapierSource();
    held.release();
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ response_action: "errors" });
    expect(JSON.stringify(reply.body.errors)).toContain("Slack didn't answer in time, so nothing was changed");
    expect(await app.db.leadSource.count({ where: { teamId: TEAM } })).toBe(0);
  });

  it("saves the same form once Slack answers again", async () => {
    const reply = await addZapierSource();
    expect(reply.body).toMatchObject({ response_action: "update" });
    expect(await app.db.leadSource.count({ where: { teamId: TEAM } })).toBe(1);
  });
});
