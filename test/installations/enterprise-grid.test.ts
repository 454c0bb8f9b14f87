// Enterprise Grid: Baton installed once for a whole org serves the workspaces an org admin chooses, each with its own
// data under its own team id, with the org's token; a workspace outside the org keeps its own installation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretBox } from "../../src/lib/crypto.js";
import { INPUT_ACTION } from "../../src/slack/ids.js";
import { postsIn, runsOf, schedule } from "../digests/digest-helpers.js";
import { TestClock } from "../helpers/clock.js";
import { addSource, postToSource } from "../helpers/lead-sources.js";
import { logLead } from "../helpers/leads.js";
import { installWithOAuth } from "../helpers/oauth-install.js";
import { TEST_ENCRYPTION_KEY, webFormSecret } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { waitUntil } from "../helpers/waits.js";
import { postWebFormLead } from "../helpers/web-forms.js";

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

/** Slack's event about the org itself (team_access_granted / _revoked): the org's authorization, no workspace. */
async function orgAccessEvent(app: TestApp, type: "team_access_granted" | "team_access_revoked", enterpriseId: string, teamIds: string[]) {
  const reply = await app.requests.event({ type, team_ids: teamIds }, { teamId: null, orgWide: { enterpriseId } });
  expect(reply.status).toBe(200);
  await app.idle();
}

/** What a workspace stores of a lead from outside Slack: leads, idempotency receipts, a source's counters, rate windows. */
async function intakeRowsOf(app: TestApp, teamId: string) {
  const [leads, receipts, sources, rateWindows] = await Promise.all([
    app.db.lead.count({ where: { teamId } }),
    app.db.webhookReceipt.count({ where: { teamId } }),
    app.db.leadSource.findMany({ where: { teamId }, select: { receivedCount: true, lastReceivedAt: true } }),
    app.db.rateWindow.count({ where: { teamId } }),
  ]);
  return { leads, receipts, sources, rateWindows };
}

/** `/lead find jane` in a workspace of the org: what the person sees, in the ack or posted to the response URL. */
async function findJane(app: TestApp, teamId: string, userId: string): Promise<string> {
  const before = app.slack.responses.length;
  const reply = await app.requests.command("/lead", "find jane", { teamId, userId, orgWide });
  if (reply.body) return JSON.stringify(reply.body);
  await waitUntil(() => app.slack.responses.length > before);
  return JSON.stringify(app.slack.responses.slice(before));
}

const install = installWithOAuth;

describe("Enterprise Grid: one org-wide install, workspaces kept apart", () => {
  let app: TestApp;
  let emeaSource: { sourceId: string; secret: string };
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

  it("stops serving a workspace Slack revoked access to, keeps its data, and serves it again only once an org admin chooses it", async () => {
    // EMEA's web form and lead source were set up while it was served.
    const secret = await webFormSecret(app, EMEA_WS, ORG_ADMIN, orgWide);
    app.slack.setUser({ id: ORG_ADMIN, is_admin: true, enterprise_user: { enterprise_id: ORG, is_admin: true } });
    emeaSource = await addSource(app, EMEA_WS, { provider: "generic", name: "Zapier" });
    const before = await intakeRowsOf(app, EMEA_WS);
    app.slack.reset();

    await orgAccessEvent(app, "team_access_revoked", ORG, [EMEA_WS]);
    expect(await app.db.orgWorkspace.findUnique({ where: { teamId: EMEA_WS } })).toMatchObject({ enterpriseId: ORG, served: true });
    expect(await findJane(app, EMEA_WS, "W0GRIDUSR2")).toContain("Baton isn't enabled in this workspace");
    expect(await findJane(app, SALES_WS, "W0GRIDUSR1")).toContain("Jane From Sales");
    // Its data stays: nothing is uninstalled or purged by a revocation.
    expect(await app.db.lead.count({ where: { teamId: EMEA_WS } })).toBe(1);
    expect(await app.db.workspace.findUnique({ where: { teamId: EMEA_WS } })).toMatchObject({ uninstalledAt: null });

    // No digest for it; Sales still gets its own.
    const emeaDigest = await schedule(app.db, { teamId: EMEA_WS, channelId: "C0GRIDEMR2", createdAt: "2026-11-22T00:00:00Z" });
    await schedule(app.db, { teamId: SALES_WS, channelId: "C0GRIDSALR", createdAt: "2026-11-22T00:00:00Z" });
    await app.baton.jobs.digests?.run();
    expect(postsIn(app.slack, "C0GRIDSALR")).toHaveLength(1);
    expect(postsIn(app.slack, "C0GRIDEMR2")).toHaveLength(0);
    expect(await runsOf(app.db, emeaDigest)).toMatchObject([{ status: "skipped" }]);

    // A correctly signed web form or lead source for it is refused, and nothing of it is stored.
    const form = await postWebFormLead(app, { teamId: EMEA_WS, secret, idempotencyKey: "k-1", body: { email: "ann@emea.io" } });
    expect(form.status).toBe(403);
    expect(form.body).toMatchObject({ ok: false, error: "workspace_not_served" });
    expect(form.body.message).toContain("Baton isn't enabled in this Slack workspace");
    const zap = await postToSource(app, { ...emeaSource, provider: "generic", body: JSON.stringify({ email: "bo@emea.io", name: "Bo" }) });
    expect(zap.status).toBe(403);
    expect(zap.body).toMatchObject({ ok: false, error: "workspace_not_served" });
    await app.idle();
    expect(await intakeRowsOf(app, EMEA_WS)).toEqual(before);
    expect(app.slack.callsOf("chat.postMessage").filter((call) => call.args.team_id === EMEA_WS)).toEqual([]);

    // Slack granting access back does not turn it on by itself: an org admin chooses it.
    await orgAccessEvent(app, "team_access_granted", ORG, [EMEA_WS]);
    expect(await findJane(app, EMEA_WS, "W0GRIDUSR2")).toContain("Baton isn't enabled in this workspace");
    await app.requests.command("/baton", "settings", { teamId: SALES_WS, userId: ORG_ADMIN, orgWide });
    const home = await app.slack.waitFor("views.update", (call) => JSON.stringify(call.args.view).includes("Workspaces"));
    expect(JSON.stringify(home.args.view)).toContain("1 of 3 workspaces of the org");
    const chosen = await app.requests.viewSubmission(
      {
        callbackId: "settings_org_workspaces",
        previousViewId: "VSETHOME01",
        values: {
          workspaces: {
            [INPUT_ACTION]: { type: "multi_static_select", selected_options: [SALES_WS, EMEA_WS].map((value) => ({ value })) },
          },
        },
      },
      { teamId: SALES_WS, userId: ORG_ADMIN, orgWide },
    );
    expect(chosen.body).toBe("");
    expect(await findJane(app, EMEA_WS, "W0GRIDUSR2")).toContain("Jane From EMEA");
    expect((await postWebFormLead(app, { teamId: EMEA_WS, secret, body: { email: "ann@emea.io" } })).status).toBe(201);
    await app.idle();
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
    // Its lead sources are refused as no longer served, and store nothing (its web form closed with the install).
    const before = await intakeRowsOf(app, EMEA_WS);
    const zap = await postToSource(app, { ...emeaSource, provider: "generic", body: JSON.stringify({ email: "cy@emea.io" }) });
    expect(zap.status).toBe(403);
    expect(zap.body).toMatchObject({ ok: false, error: "workspace_not_served" });
    expect(await intakeRowsOf(app, EMEA_WS)).toEqual(before);
  });

  it("installed org-wide again within the retention period, the org's workspaces keep their data and take leads again", async () => {
    expect((await install(app, "code-org")).status).toBe(200);
    expect(await app.db.workspace.count({ where: { enterpriseId: ORG, uninstalledAt: { not: null } } })).toBe(0);
    const zap = await postToSource(app, { ...emeaSource, provider: "generic", body: JSON.stringify({ email: "cy@emea.io" }) });
    expect(zap.status).toBe(201);
    expect(await app.db.lead.count({ where: { teamId: EMEA_WS, emailKey: "cy@emea.io" } })).toBe(1);
    await app.idle();
  });
});

describe("Enterprise Grid: Slack revoking and granting access before an org admin has chosen", () => {
  const ORG2 = "E0GRIDORG2";
  const NORTH = "T0GRIDNOR1";
  const SOUTH = "T0GRIDSOU1";
  const WEST = "T0GRIDWES1"; // added to the org later
  const orgTwo = { enterpriseId: ORG2 };
  const teams = [
    { id: NORTH, name: "North" },
    { id: SOUTH, name: "South" },
  ];
  let app: TestApp;
  const served = async (teamId: string) => {
    const reply = await app.requests.command("/baton", "help", { teamId, userId: "W0GRIDTWO1", orgWide: orgTwo });
    return !JSON.stringify(reply.body).includes("isn't enabled");
  };
  beforeAll(async () => {
    app = await startTestApp({ env: OAUTH_ENV });
    app.slack.grantOAuthCode("code-org2", { enterpriseId: ORG2, isEnterpriseInstall: true, botToken: "xoxb-org-two", orgTeams: teams });
    expect((await install(app, "code-org2")).status).toBe(200);
  });
  afterAll(async () => {
    await app.stop();
  });

  it("stops serving only the revoked workspace; the rest of the org stays served, as does a workspace new to it", async () => {
    expect(await served(NORTH)).toBe(true);
    expect(await served(SOUTH)).toBe(true);
    await orgAccessEvent(app, "team_access_revoked", ORG2, [NORTH]);
    teams.splice(0, 1);
    expect(await served(NORTH)).toBe(false);
    expect(await served(SOUTH)).toBe(true);
    expect(await app.db.orgWorkspace.findUnique({ where: { teamId: NORTH } })).toMatchObject({ chosenById: null, served: false });

    // Nobody has chosen yet, so a workspace new to the org is served at once; the revoked one waits for a choice.
    teams.push({ id: WEST, name: "West" }, { id: NORTH, name: "North" });
    await orgAccessEvent(app, "team_access_granted", ORG2, [WEST, NORTH]);
    expect(await served(WEST)).toBe(true);
    expect(await served(NORTH)).toBe(false);
    app.slack.setUser({ id: "W0GRIDTWO9", is_admin: true, enterprise_user: { enterprise_id: ORG2, is_admin: true } });
    await app.requests.command("/baton", "settings", { teamId: SOUTH, userId: "W0GRIDTWO9", orgWide: orgTwo });
    const home = await app.slack.waitFor("views.update", (call) => JSON.stringify(call.args.view).includes("Workspaces"));
    expect(JSON.stringify(home.args.view)).toContain("2 of 3 workspaces of the org");
  });

  it("ignores an org access event naming another org's workspaces or no org at all", async () => {
    await orgAccessEvent(app, "team_access_revoked", "E0GRIDNONE", [SOUTH]);
    expect(await served(SOUTH)).toBe(true);
    expect(await app.db.orgWorkspace.count({ where: { teamId: SOUTH } })).toBe(0);
  });
});
