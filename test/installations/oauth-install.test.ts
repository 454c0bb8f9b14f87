import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { SecretBox } from "../../src/lib/crypto.js";
import { BOT_SCOPES } from "../../src/slack/scopes.js";
import { TEST_ENCRYPTION_KEY, webFormSecret } from "../helpers/production.js";
import { MARKETING_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { waitUntil } from "../helpers/waits.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_CLIENT_ID: "1234567890.0987654321",
  SLACK_CLIENT_SECRET: "client-secret-0123456789abcdef",
  SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
  ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
};
const ACME = "T0OAUTH001";
const GLOBEX = "T0OAUTH002";

/** A browser going through Slack's install flow: the install page, then Slack's redirect back with a code. */
async function install(app: TestApp, code: string, options: { keepCookie?: boolean } = {}) {
  const page = await fetch(`${app.url}/slack/install`);
  const html = await page.text();
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const authorizeUrl = new URL((html.match(/href="([^"]+)"/)?.[1] ?? "").replaceAll("&amp;", "&"));
  const state = authorizeUrl.searchParams.get("state") ?? "";
  const back = await fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: options.keepCookie === false ? {} : { cookie },
  });
  return { page, authorizeUrl, back, body: await back.text() };
}

describe("distributed mode: OAuth install, encrypted storage, uninstall", () => {
  let app: TestApp;
  const box = new SecretBox(Buffer.from(TEST_ENCRYPTION_KEY, "base64"));
  beforeAll(async () => {
    app = await startTestApp({ env: OAUTH_ENV });
    app.slack.grantOAuthCode("code-acme", {
      teamId: ACME,
      teamName: "Acme <Corp>",
      botToken: "xoxb-acme-installed",
      botUserId: "UBOTACME1",
    });
    app.slack.grantOAuthCode("code-globex", {
      teamId: GLOBEX,
      teamName: "Globex",
      botToken: "xoxb-globex-installed",
      botUserId: "UBOTGLOBEX",
    });
    app.slack.grantOAuthCode("code-org", {
      enterpriseId: "E0ORG00001",
      isEnterpriseInstall: true,
      botToken: "xoxb-org-wide",
      botUserId: "UBOTORG01",
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("asks Slack for exactly the manifest's bot scopes", async () => {
    const manifest = YAML.parse(fs.readFileSync("manifest.yml", "utf8"));
    expect(BOT_SCOPES).toEqual(manifest.oauth_config.scopes.bot);
    const page = await fetch(`${app.url}/slack/install`);
    const url = new URL(((await page.text()).match(/href="([^"]+)"/)?.[1] ?? "").replaceAll("&amp;", "&"));
    expect(url.origin + url.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(url.searchParams.get("scope")?.split(",")).toEqual(BOT_SCOPES);
    expect(url.searchParams.get("client_id")).toBe(OAUTH_ENV.SLACK_CLIENT_ID);
    expect(page.headers.get("set-cookie")).toContain("slack-app-oauth-state=");
  });

  it("installs a workspace: the code is exchanged, the installation stored encrypted, and its token used for its requests", async () => {
    const { back, body } = await install(app, "code-acme");
    expect(back.status).toBe(200);
    expect(body).toContain("Baton is installed in Acme &lt;Corp&gt;");
    const exchange = app.slack.callsOf("oauth.v2.access").at(-1);
    expect(exchange?.args).toMatchObject({ code: "code-acme", client_id: OAUTH_ENV.SLACK_CLIENT_ID });
    const row = await app.db.installation.findUnique({ where: { installKey: ACME } });
    expect(row).toMatchObject({ teamId: ACME, botUserId: "UBOTACME1" });
    expect(row?.payload).toMatch(/^enc:v1:/);
    expect(row?.payload).not.toContain("xoxb-acme-installed");
    expect(JSON.parse(box.decrypt(row?.payload ?? ""))).toMatchObject({
      team: { id: ACME },
      bot: { token: "xoxb-acme-installed", userId: "UBOTACME1" },
    });
    expect(await app.db.workspace.findUnique({ where: { teamId: ACME } })).not.toBeNull();

    await install(app, "code-globex");
    app.slack.reset();
    app.slack.setUser({ id: "U0ACMEADM1", is_admin: true });
    await app.requests.command("/baton", "settings", { teamId: ACME, userId: "U0ACMEADM1" });
    await app.slack.waitFor("views.update");
    app.slack.setUser({ id: "U0GLOBADM1", is_admin: true });
    await app.requests.command("/baton", "settings", { teamId: GLOBEX, userId: "U0GLOBADM1" });
    await app.slack.waitFor("views.update", (call) => call.token === "xoxb-globex-installed");
    const tokens = app.slack.calls.map((call) => call.token);
    expect(tokens.filter((t) => t === "xoxb-acme-installed").length).toBeGreaterThanOrEqual(2);
    expect(tokens.filter((t) => t === "xoxb-globex-installed").length).toBeGreaterThanOrEqual(2);
    expect(tokens.every((t) => t === "xoxb-acme-installed" || t === "xoxb-globex-installed")).toBe(true);
  });

  it("keeps each workspace's web-form secret encrypted at rest, and announces web-form leads with that workspace's token", async () => {
    const secret = await webFormSecret(app, ACME);
    const stored = (await app.db.workspace.findUnique({ where: { teamId: ACME } }))?.webhookSecret ?? "";
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(secret);
    expect(box.decrypt(stored)).toBe(secret);
    app.slack.reset();
    const reply = await postWebFormLead(app, { teamId: ACME, secret, body: { email: "oauth@acme.io", name: "Via OAuth" } });
    expect(reply.status).toBe(201);
    const post = await app.slack.waitFor("chat.postMessage", (call) => call.args.channel === MARKETING_CHANNEL);
    expect(post.token).toBe("xoxb-acme-installed");
  });

  it("tells someone in a workspace that has not installed Baton, and calls Slack for nothing", async () => {
    app.slack.reset();
    const reply = await app.requests.command("/baton", "settings", { teamId: "T0NOTINST1", userId: "U0STRANGER" });
    expect(reply.body.text).toContain("Baton isn't installed in this workspace");
    await app.idle();
    expect(app.slack.calls).toEqual([]);
    expect(await app.db.workspace.findUnique({ where: { teamId: "T0NOTINST1" } })).toBeNull();
  });

  it("refuses an install whose state does not belong to the browser, storing nothing", async () => {
    app.slack.grantOAuthCode("code-forged", { teamId: "T0FORGED02", botToken: "xoxb-forged", botUserId: "UBOTFORGE" });
    const { back, body } = await install(app, "code-forged", { keepCookie: false });
    expect(back.status).toBe(400);
    expect(body).toContain("The install didn't finish");
    expect(await app.db.installation.findUnique({ where: { installKey: "T0FORGED02" } })).toBeNull();
  });

  it("accepts an org-wide install as one installation for the org, keeping its token (test/installations/enterprise-grid.test.ts has the rest)", async () => {
    app.slack.reset();
    const { back, body } = await install(app, "code-org");
    expect(back.status).toBe(200);
    expect(body).toContain("Baton is installed for Acme Corp");
    expect(await app.db.installation.findUnique({ where: { installKey: "E0ORG00001" } })).toMatchObject({
      enterpriseId: "E0ORG00001",
      teamId: null,
    });
    expect(app.slack.callsOf("auth.revoke")).toEqual([]);
  });

  it("deletes a workspace's tokens when the app is uninstalled, and stops acting there", async () => {
    await app.requests.event({ type: "app_uninstalled" }, { teamId: ACME });
    await waitUntil(
      async () =>
        (await app.db.installation.count({ where: { installKey: ACME } })) === 0 &&
        (await app.db.workspace.findUnique({ where: { teamId: ACME } }))?.webhookSecret === null,
    );
    expect(await app.db.lead.count({ where: { teamId: ACME } })).toBe(1); // the workspace's data stays
    app.slack.reset();
    const reply = await app.requests.command("/baton", "settings", { teamId: ACME, userId: "U0ACMEADM1" });
    expect(reply.body.text).toContain("Baton isn't installed in this workspace");
    await app.idle();
    expect(app.slack.calls).toEqual([]);
    expect(await app.db.installation.count({ where: { installKey: GLOBEX } })).toBe(1);
  });

  it("deletes a workspace's tokens when its bot token is revoked, and re-installing brings it back", async () => {
    await app.requests.event({ type: "tokens_revoked", tokens: { oauth: [], bot: ["UBOTGLOBEX"] } }, { teamId: GLOBEX });
    await waitUntil(async () => (await app.db.installation.count({ where: { installKey: GLOBEX } })) === 0);
    app.slack.grantOAuthCode("code-globex-2", {
      teamId: GLOBEX,
      teamName: "Globex",
      botToken: "xoxb-globex-second",
      botUserId: "UBOTGLOBEX",
    });
    expect((await install(app, "code-globex-2")).back.status).toBe(200);
    const row = await app.db.installation.findUnique({ where: { installKey: GLOBEX } });
    expect(JSON.parse(box.decrypt(row?.payload ?? "")).bot.token).toBe("xoxb-globex-second");
  });
});
