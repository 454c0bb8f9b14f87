// Who may see and take a workspace's leads, tried through every entry point as Slack sends them: the sales team,
// marketing and Baton admins see a lead in full; other members see its headline; guests see nothing; only admins
// and the export role export, every export is recorded and the admins are told.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { logLead, waitUntil } from "../helpers/leads.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0ACCESS01";
const REP = "U0ACCREP01";
const MARKETER = "U0ACCMKT01";
const ADMIN = "U0ACCADM01";
const EXPORTER = "U0ACCEXP01";
const MEMBER = "U0ACCMEM01";
const GUEST = "U0ACCGST01";
const as = (userId: string) => ({ teamId: TEAM, userId });

const EMAIL = "jane.doe@acme-access.io";
const PHONE = "+1 415 555 0142";
const NOTE = "Budget approved for Q1";
const GUEST_REFUSAL = "guests cannot see or change leads";

describe("who sees and takes customer data", () => {
  let app: TestApp;
  let leadId: string;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", as(MARKETER));
    await app.db.workspace.update({
      where: { teamId: TEAM },
      data: { salesUserIds: [REP], marketingUserIds: [MARKETER], adminUserIds: [ADMIN], exportUserIds: [EXPORTER] },
    });
    const lead = await logLead(app, { email: EMAIL, name: "Jane Doe", company: "Acme Access", phone: PHONE, notes: NOTE }, as(MARKETER));
    leadId = lead.id;
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
    app.slack.setUser({ id: GUEST, is_restricted: true });
    for (const id of [REP, MARKETER, ADMIN, EXPORTER, MEMBER]) app.slack.setUser({ id });
  });

  const findAs = async (userId: string) => {
    await app.requests.command("/lead", "find acme", as(userId));
    return JSON.stringify((await app.slack.waitForResponse()).body);
  };

  it("shows /lead find results in full to sales, marketing and admins", async () => {
    for (const userId of [REP, MARKETER, ADMIN]) {
      app.slack.reset();
      const shown = await findAs(userId);
      expect(shown).toContain("Jane Doe");
      expect(shown).toContain(EMAIL);
    }
  });

  it("shows another member only the headline: no email, phone, notes or buttons to change it", async () => {
    const shown = await findAs(MEMBER);
    expect(shown).toContain("Jane Doe");
    expect(shown).not.toContain(EMAIL);

    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_open", value: leadId }, as(MEMBER));
    const opened = await app.slack.waitFor("views.open");
    const card = JSON.stringify(opened.args.view);
    expect(card).toContain("Jane Doe");
    expect(card).toContain("Acme Access");
    for (const secret of [EMAIL, PHONE, NOTE]) expect(card).not.toContain(secret);
    expect(card).toContain("Contact details, notes and deal values are for the sales team, marketing and Baton admins");
    expect(card).not.toContain("lead_edit");
  });

  it("refuses another member the edit form of a lead they did not log, showing nothing of it", async () => {
    await app.requests.command("/lead", EMAIL, as(MEMBER));
    const told = await app.slack.waitForResponse();
    expect(told.body.text).toContain("Only the sales team, marketing and Baton admins can open a lead someone else logged");
    expect(app.slack.callsOf("views.open")).toHaveLength(0);
  });

  it("refuses a guest find, open, the edit form, logging and export, sending nothing", async () => {
    await app.requests.command("/lead", "find acme", as(GUEST));
    await app.requests.blockAction({ actionId: "lead_open", value: leadId }, as(GUEST));
    await app.requests.command("/lead", EMAIL, as(GUEST));
    await app.requests.command("/lead", "export", as(GUEST));
    await waitUntil(() => app.slack.responses.length === 4, "four refusals");
    for (const reply of app.slack.responses) {
      expect(reply.body.response_type).toBe("ephemeral");
      expect(reply.body.text).toContain(GUEST_REFUSAL);
      expect(JSON.stringify(reply.body)).not.toContain("Jane");
    }
    const logged = await app.requests.viewSubmission(
      { callbackId: "lead_modal", privateMetadata: "{}", values: { email: { value: { type: "plain_text_input", value: "guest@x.io" } } } },
      as(GUEST),
    );
    expect(JSON.stringify(logged.body)).toContain(GUEST_REFUSAL);
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "guest@x.io" } })).toBe(0);
    expect(app.slack.calls.filter((c) => c.method.startsWith("views.") || c.method.startsWith("files."))).toEqual([]);
  });

  it("refuses /lead export to members outside the export role, recording nothing", async () => {
    for (const userId of [REP, MARKETER, MEMBER]) {
      app.slack.reset();
      await app.requests.command("/lead", "export", as(userId));
      const told = await app.slack.waitForResponse();
      expect(told.body.text).toContain("Exporting every lead is for Baton admins and the people they allow");
      expect(app.slack.calls.filter((c) => c.method.startsWith("files."))).toEqual([]);
    }
    expect(await app.db.leadExport.count({ where: { teamId: TEAM } })).toBe(0);
  });

  it("lets the export role export, records who took how many, and tells each Baton admin by DM", async () => {
    await app.requests.command("/lead", "export", as(EXPORTER));
    const done = await app.slack.waitForResponse((post) => /Sent you/.test(post.body.text));
    expect(done.body.text).toContain("Sent you 1 lead (");
    expect(await app.db.leadExport.findMany({ where: { teamId: TEAM }, select: { userId: true, rowCount: true } })).toEqual([
      { userId: EXPORTER, rowCount: 1 },
    ]);
    const dm = await app.slack.waitFor("chat.postMessage", (call) => call.args.channel === ADMIN);
    expect(dm.args.text).toContain(`<@${EXPORTER}> exported 1 lead`);
    expect(app.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === EXPORTER)).toHaveLength(0);
  });

  it("lets an admin name marketing and the export role in settings; nobody else", async () => {
    const values = {
      marketingUserIds: { value: { type: "multi_users_select", selected_users: [MEMBER] } },
      exportUserIds: { value: { type: "multi_users_select", selected_users: [] } },
    };
    const refused = await app.requests.viewSubmission({ callbackId: "settings_customer_data", values }, as(MEMBER));
    expect(JSON.stringify(refused.body)).toContain("Only Baton admins can change who sees customer data");
    const saved = await app.requests.viewSubmission({ callbackId: "settings_customer_data", values }, as(ADMIN));
    expect(saved.body).toBe("");
    expect(await app.db.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).toMatchObject({
      marketingUserIds: [MEMBER],
      exportUserIds: [],
    });
    app.slack.reset();
    expect(await findAs(MEMBER)).toContain(EMAIL);
  });
});
