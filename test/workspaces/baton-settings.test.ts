import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

describe("/baton settings", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: "U0ADMIN001", is_admin: true });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("opens the settings modal for a Slack workspace admin", async () => {
    const reply = await app.requests.command("/baton", "settings", { userId: "U0ADMIN001" });
    expect(reply.status).toBe(200);
    const opened = await app.slack.waitFor("views.open");
    expect(opened.args.view.callback_id).toBe("settings_home");
    const updated = await app.slack.waitFor("views.update", (call) => call.args.view_id !== undefined);
    expect(JSON.stringify(updated.args.view.blocks)).not.toContain("Only Baton admins");
  });

  it("tells anyone else that settings are for admins, and shows none", async () => {
    app.slack.reset();
    await app.requests.command("/baton", "settings", { userId: "U0REP00001" });
    const updated = await app.slack.waitFor("views.update");
    expect(JSON.stringify(updated.args.view.blocks)).toContain("Only Baton admins can change settings");
  });

  it("counts a person listed as a Baton admin in the workspace as an admin", async () => {
    app.slack.reset();
    await app.db.workspace.update({ where: { teamId: "T0TEST0001" }, data: { adminUserIds: ["U0OPS00001"] } });
    await app.requests.command("/baton", "settings", { userId: "U0OPS00001" });
    const updated = await app.slack.waitFor("views.update");
    expect(JSON.stringify(updated.args.view.blocks)).not.toContain("Only Baton admins");
  });
});
