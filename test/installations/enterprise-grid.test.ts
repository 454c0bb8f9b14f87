// Enterprise Grid: Baton installed once for a whole org serves the workspaces an org admin chooses, each with its own
// data under its own team id, with the org's token; a workspace outside the org keeps its own installation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretBox } from "../../src/lib/crypto.js";
import { INPUT_ACTION } from "../../src/slack/ids.js";
import { postsIn, runsOf, schedule } from "../digests/digest-helpers.js";
import { TestClock } from "../helpers/clock.js";
import { logLead } from "../helpers/leads.js";
import { TEST_ENCRYPTION_KEY } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { waitUntil } from "../helpers/waits.js";

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_CLIENT_ID: "1234567890.0987654321",
  SLACK_CLIENT_SECRET: "client-secret-0123456789abcdef",
  SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
  ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
};
const ORG = "E0GRIDORG1";
const SALES_WS = "T0GRIDSAL1"; // in the org
const EMEA_WS = "T0GRIDEME1"; // in the org
const LABS_WS = "T0GRIDLAB1"; // in the org, later not chosen
const OUTSIDE = "T0GRIDOUT1"; // its own installation, no org
const ORG_TOKEN = "xoxb-org-wide-grid";
const OUTSIDE_TOKEN = "xoxb-outside-grid";
const ORG_ADMIN = "W0GRIDADM1";
const orgWide = { enterpriseId: ORG };

async function install(app: TestApp, code: string) {
  const page = await fetch(`${app.url}/slack/install`);
  const html = await page.text();
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const state = new URL((html.match(/href="([^"]+)"/)?.[1] ?? "").replaceAll("&amp;", "&")).searchParams.get("state") ?? "";
  const back = await fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  return { status: back.status, body: await back.text() };
}

describe("Enterprise Grid: one org-wide install, workspaces kept apart", () => {
  let app: TestApp;
  const box = new SecretBox(Buffer.from(TEST_ENCRYPTION_KEY, "base64"));
  // Ten seconds after a Monday-morning digest slot (09:00 in New York), for the digest test.
  const clock = new TestClock(new Date(Date.parse("2026-11-23T14:00:00.000Z") + 10_000));
  beforeAll(async () => {
    app = await startTestApp({ clock, env: OAUTH_ENV });
    app.slack.grantOAuthCode("code-org", {
      enterpriseId: ORG,
      isEnterpriseInstall: true,
      botToken: ORG_TOKEN,
      botUserId: "UBOTGRID1",
      orgTeams: [
        { id: SALES_WS, name: "Acme Sales" },
        { id: EMEA_WS, name: "Acme EMEA" },
        { id: LABS_WS, name: "Acme Labs" },
      ],
    });
    app.slack.grantOAuthCode("code-outside", { teamId: OUTSIDE, teamName: "Outside Inc", botToken: OUTSIDE_TOKEN, botUserId: "UBOTOUT01" });
    app.slack.setUser({ id: ORG_ADMIN, is_admin: true, enterprise_user: { enterprise_id: ORG, is_admin: true } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("stores one sealed installation for the org from an org-wide oauth.v2.access, and says how to add workspaces", async () => {
    const { status, body } = await install(app, "code-org");
    expect(status).toBe(200);
    expect(body).toContain("Baton is installed for Acme Corp");
    expect(body).toContain(`https://app.slack.com/manage/${ORG}/integrations/profile/A0BATON001/workspaces/add`);
    const row = await app.db.installation.findUnique({ where: { installKey: ORG } });
    expect(row).toMatchObject({ enterpriseId: ORG, teamId: null, botUserId: "UBOTGRID1" });
    expect(row?.payload).toMatch(/^enc:v1:/);
    expect(row?.payload).not.toContain(ORG_TOKEN);
    expect(JSON.parse(box.decrypt(row?.payload ?? ""))).toMatchObject({
      isEnterpriseInstall: true,
      enterprise: { id: ORG },
      bot: { token: ORG_TOKEN },
    });
    expect(await app.db.workspace.count({ where: { teamId: ORG } })).toBe(0);
    expect((await install(app, "code-outside")).status).toBe(200);
  });

  it("serves two workspaces of the org with the org's token, each lead under its own workspace, the org beside it", async () => {
    app.slack.reset();
    const sales = await logLead(
      app,
      { email: "jane@shared.io", name: "Jane From Sales" },
      { teamId: SALES_WS, userId: "W0GRIDUSR1", orgWide },
    );
    const emea = await logLead(
      app,
      { email: "jane@shared.io", name: "Jane From EMEA" },
      { teamId: EMEA_WS, userId: "W0GRIDUSR2", orgWide },
    );
    const outside = await logLead(app, { email: "jane@shared.io", name: "Jane Outside" }, { teamId: OUTSIDE, userId: "U0GRIDOUT1" });
    expect(new Set([sales.id, emea.id, outside.id]).size).toBe(3);
    expect(await app.db.workspace.findUnique({ where: { teamId: SALES_WS } })).toMatchObject({ enterpriseId: ORG });
    expect(await app.db.workspace.findUnique({ where: { teamId: EMEA_WS } })).toMatchObject({ enterpriseId: ORG });
    expect(await app.db.workspace.findUnique({ where: { teamId: OUTSIDE } })).toMatchObject({ enterpriseId: null });
    await app.idle();
    // Every call for the org's workspaces used the org's token and named the workspace (team_id), as Slack requires.
    const orgCalls = app.slack.calls.filter((call) => call.token === ORG_TOKEN);
    expect(orgCalls.length).toBeGreaterThan(0);
    expect(orgCalls.every((call) => call.args.team_id === SALES_WS || call.args.team_id === EMEA_WS)).toBe(true);
    expect(app.slack.calls.every((call) => call.token === ORG_TOKEN || call.token === OUTSIDE_TOKEN)).toBe(true);
  });

  it("shows each workspace only its own leads", async () => {
    const findAs = async (teamId: string, actor: Record<string, unknown>) => {
      const before = app.slack.responses.length;
      await app.requests.command("/lead", "find jane", { teamId, userId: "W0GRIDADM1", ...actor });
      await waitUntil(() => app.slack.responses.length > before);
      return JSON.stringify(app.slack.responses.slice(before));
    };
    const sales = await findAs(SALES_WS, { orgWide });
    expect(sales).toContain("Jane From Sales");
    expect(sales).not.toContain("Jane From EMEA");
    expect(sales).not.toContain("Jane Outside");
    const emea = await findAs(EMEA_WS, { orgWide });
    expect(emea).toContain("Jane From EMEA");
    expect(emea).not.toContain("Jane From Sales");
    const outside = await findAs(OUTSIDE, {});
    expect(outside).toContain("Jane Outside");
    expect(outside).not.toContain("Jane From");
  });

  it("lets an org admin choose the workspaces Baton serves in /baton settings → Workspaces", async () => {
    app.slack.reset();
    await app.requests.command("/baton", "settings", { teamId: SALES_WS, userId: ORG_ADMIN, orgWide });
    const home = await app.slack.waitFor("views.update", (call) => JSON.stringify(call.args.view).includes("Workspaces"));
    expect(JSON.stringify(home.args.view)).toContain("Every workspace the org added Baton to (3)");
    await app.requests.blockAction(
      { actionId: "settings_section", value: "org_workspaces", view: { id: "VSETHOME01", callback_id: "settings_home" } },
      { teamId: SALES_WS, userId: ORG_ADMIN, orgWide },
    );
    const modal = await app.slack.waitFor("views.push");
    const options = JSON.stringify(modal.args.view);
    for (const name of ["Acme Sales", "Acme EMEA", "Acme Labs"]) expect(options).toContain(name);
    expect(app.slack.callsOf("auth.teams.list").every((call) => call.token === ORG_TOKEN)).toBe(true);

    const choose = (userId: string, ids: string[]) =>
      app.requests.viewSubmission(
        {
          callbackId: "settings_org_workspaces",
          previousViewId: "VSETHOME01",
          values: { workspaces: { [INPUT_ACTION]: { type: "multi_static_select", selected_options: ids.map((value) => ({ value })) } } },
        },
        { teamId: SALES_WS, userId, orgWide },
      );
    // A workspace admin who is not an org admin may not choose for the whole org.
    app.slack.setUser({ id: "W0GRIDWSA1", is_admin: true });
    const refused = await choose("W0GRIDWSA1", [SALES_WS]);
    expect(refused.body.errors.workspaces).toContain("Only an admin or owner of your Slack org");
    expect((await choose(ORG_ADMIN, [])).body.errors.workspaces).toContain("Choose at least one workspace");
    expect(await app.db.orgWorkspace.count()).toBe(0);

    expect((await choose(ORG_ADMIN, [SALES_WS, EMEA_WS])).body).toBe("");
    const rows = await app.db.orgWorkspace.findMany({ orderBy: { teamId: "asc" } });
    expect(rows.map((r) => [r.teamId, r.enterpriseId, r.served])).toEqual([
      [EMEA_WS, ORG, true],
      [LABS_WS, ORG, false],
      [SALES_WS, ORG, true],
    ]);
  });

  it("tells someone in a workspace of the org that was not chosen, stores nothing for it, and its Home says so", async () => {
    app.slack.reset();
    const reply = await app.requests.command("/lead", "find jane", { teamId: LABS_WS, userId: "W0GRIDLAB9", orgWide });
    expect(reply.body.text).toContain("Baton isn't enabled in this workspace");
    expect(reply.body.text).toContain("admin of your Slack org");
    await app.requests.event(
      { type: "app_home_opened", user: "W0GRIDLAB9", channel: "D0LAB00001", tab: "home" },
      { teamId: LABS_WS, orgWide },
    );
    const home = await app.slack.waitFor("views.publish");
    expect(home.token).toBe(ORG_TOKEN);
    expect(JSON.stringify(home.args.view)).toContain("Baton isn't enabled in this workspace");
    await app.idle();
    expect(await app.db.workspace.findUnique({ where: { teamId: LABS_WS } })).toBeNull();
    // A chosen workspace still works.
    const served = await app.requests.command("/lead", "find jane", { teamId: EMEA_WS, userId: "W0GRIDUSR2", orgWide });
    expect(JSON.stringify(served.body)).not.toContain("isn't enabled");
  });

  it("posts scheduled digests only in the org's chosen workspaces", async () => {
    // Labs was in use before the org admin left it out: its row and schedule are still there.
    await app.db.workspace.create({ data: { teamId: LABS_WS, enterpriseId: ORG } });
    const labs = await schedule(app.db, { teamId: LABS_WS, channelId: "C0GRIDLABD", createdAt: "2026-11-22T00:00:00Z" });
    await schedule(app.db, { teamId: EMEA_WS, channelId: "C0GRIDEMED", createdAt: "2026-11-22T00:00:00Z" });
    await app.baton.jobs.digests?.run();
    expect(postsIn(app.slack, "C0GRIDEMED")).toHaveLength(1);
    expect(postsIn(app.slack, "C0GRIDLABD")).toHaveLength(0);
    expect(await runsOf(app.db, labs)).toMatchObject([{ status: "skipped", error: "Baton is not enabled in this workspace of its org" }]);
  });

  it("removes the org's installation on an org-wide uninstall and uninstalls its workspaces, not the one outside", async () => {
    await app.requests.event({ type: "app_uninstalled" }, { teamId: SALES_WS, orgWide });
    await waitUntil(async () => (await app.db.installation.count({ where: { installKey: ORG } })) === 0);
    await waitUntil(async () => (await app.db.workspace.count({ where: { enterpriseId: ORG, uninstalledAt: { not: null } } })) === 3);
    expect(await app.db.workspace.findUnique({ where: { teamId: OUTSIDE } })).toMatchObject({ uninstalledAt: null });
    expect(await app.db.installation.count({ where: { installKey: OUTSIDE } })).toBe(1);
    expect(await app.db.lead.count({ where: { teamId: SALES_WS } })).toBe(1); // kept for the retention period
    const reply = await app.requests.command("/lead", "find jane", { teamId: EMEA_WS, userId: "W0GRIDUSR2", orgWide });
    expect(reply.body.text).toContain("Baton isn't installed in this workspace");
  });
});
