import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDatabase } from "../helpers/database.js";
import { slackSignature } from "../helpers/slack-requests.js";
import { SIGNING_SECRET, startTestApp, type TestApp } from "../helpers/test-app.js";

describe("the running app", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("reports live, and ready once the database is migrated and reachable", async () => {
    const live = await fetch(`${app.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers a signed /baton help with an ephemeral list of commands", async () => {
    const reply = await app.requests.command("/baton", "help", { teamId: "T0HELP0001" });
    expect(reply.status).toBe(200);
    expect(reply.body.response_type).toBe("ephemeral");
    const text = JSON.stringify(reply.body.blocks);
    for (const command of ["/lead", "/campaign", "/funnel", "/baton settings"]) expect(text).toContain(command);
    expect(reply.body.text).toContain("/lead");
    expect(await app.db.workspace.findUnique({ where: { teamId: "T0HELP0001" } })).not.toBeNull();
  });

  it("answers an unknown /baton sub-command in one line, with the closest command when there is one", async () => {
    const reply = await app.requests.command("/baton", "dance");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(reply.body.blocks).toHaveLength(1);
    expect(reply.body.text).toBe("I don't know `/baton dance`. `/baton help` shows what Baton does and every command.");
    const typo = await app.requests.command("/baton", "setings");
    expect(typo.body.text).toBe(
      "I don't know `/baton setings`. Did you mean `/baton settings`? `/baton help` shows what Baton does and every command.",
    );
  });

  it("refuses a request with a wrong signature with 401 and changes nothing", async () => {
    const form = new URLSearchParams({ command: "/baton", text: "help", team_id: "T0FORGED01", user_id: "U1", trigger_id: "t" }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const reply = await app.requests.send(form, "application/x-www-form-urlencoded", {
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature("ffffffffffffffffffffffffffffffff", timestamp, form),
    });
    expect(reply.status).toBe(401);
    expect(await app.db.workspace.findUnique({ where: { teamId: "T0FORGED01" } })).toBeNull();
  });

  it("refuses a correctly signed but stale request (over five minutes old) with 401", async () => {
    const form = new URLSearchParams({ command: "/baton", text: "help", team_id: "T0STALE001", user_id: "U1", trigger_id: "t" }).toString();
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const reply = await app.requests.send(form, "application/x-www-form-urlencoded", {
      "x-slack-request-timestamp": String(stale),
      "x-slack-signature": slackSignature(SIGNING_SECRET, stale, form),
    });
    expect(reply.status).toBe(401);
    expect(await app.db.workspace.findUnique({ where: { teamId: "T0STALE001" } })).toBeNull();
  });
});

describe("the first start on a brand-new database", () => {
  it("applies every migration, then serves requests", async () => {
    const database = await emptyDatabase();
    const app = await startTestApp({ databaseUrl: database.url });
    try {
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      const reply = await app.requests.command("/baton", "help", { teamId: "T0NEWDB001" });
      expect(reply.body.response_type).toBe("ephemeral");
      expect(await app.db.workspace.findUnique({ where: { teamId: "T0NEWDB001" } })).not.toBeNull();
    } finally {
      await app.stop();
      await database.drop();
    }
  });
});
