// Tenant isolation: workspace B aims every command, button, event and web-form request it has at workspace A's
// ids, emails, campaigns and keys. Each attempt must leave A's data exactly as it was and show B nothing of A's.
// Table-driven: add a row per new command or button (other areas' rows are added when the branches merge).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadFormValues } from "../helpers/leads.js";
import { requestImport, webFormSecret } from "../helpers/production.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const A = "T0ISOA0001";
const B = "T0ISOB0001";
const A_ADMIN = "U0ISOADMA1";
const B_ADMIN = "U0ISOADMB1";
const A_MARKERS = ["ALPHA-SECRET-NAME", "ALPHA-SECRET-NOTE", "camp_iso_a"];

interface Context {
  app: TestApp;
  secrets: { a: string; b: string };
  aLeadId: string;
  aHandoffId: string;
  aScheduleId: string;
}

interface Attempt {
  name: string;
  /** Performs the attempt as workspace B; returns what B got back over HTTP (Slack calls are collected anyway). */
  run(ctx: Context): Promise<unknown[]>;
}

const attempts: Attempt[] = [
  {
    name: "/lead export naming a campaign only A has (by tracking code)",
    run: async ({ app }) => [await exportAs(app, "only-a")],
  },
  {
    name: "/lead export naming a campaign name both have",
    run: async ({ app }) => {
      const reply = await exportAs(app, "Launch");
      const file = app.slack.uploadedFile();
      expect(file?.content).toContain("Bravo Person");
      return [reply];
    },
  },
  {
    name: "/lead import of a CSV with A's email and A's campaign code",
    run: async ({ app }) => {
      await requestImport(app, { teamId: B, userId: "U0ISOBUSR1" });
      app.slack.addFile(
        "FISOB00001",
        "overlap.csv",
        "email,name,campaign\nshared@overlap.io,Taken Over,launch-a\nshared@overlap.io,Bravo Renamed,\n",
      );
      await app.requests.event(
        { type: "file_shared", file_id: "FISOB00001", user_id: "U0ISOBUSR1", channel_id: "DU0ISOBUSR1", file: { id: "FISOB00001" } },
        { teamId: B },
      );
      await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of overlap.csv"));
      // B's own lead only gets what it lacks (outside sources never overwrite); A's code means nothing in B.
      expect(await app.db.lead.findFirst({ where: { teamId: B, emailKey: "shared@overlap.io" } })).toMatchObject({
        name: "Bravo Person",
        campaignId: "camp_iso_b",
      });
      return [];
    },
  },
  {
    name: "file_shared in B from a person who asked to import in A",
    run: async ({ app }) => {
      await requestImport(app, { teamId: A, userId: "U0ISOAUSR1" });
      app.slack.addFile("FISOB00002", "sneaky.csv", "email,name\nsneak@overlap.io,Sneak\n");
      await app.requests.event(
        { type: "file_shared", file_id: "FISOB00002", user_id: "U0ISOAUSR1", channel_id: "C0ISOB0001", file: { id: "FISOB00002" } },
        { teamId: B },
      );
      await app.idle();
      expect(await app.db.lead.count({ where: { emailKey: "sneak@overlap.io" } })).toBe(0);
      await app.db.onceMarker.deleteMany({ where: { key: `import-request:${A}:U0ISOAUSR1` } }); // tidy: not part of A's snapshot
      return [];
    },
  },
  {
    name: "a web form signed with B's secret claiming to be A",
    run: async ({ app, secrets }) => {
      const reply = await postWebFormLead(app, { teamId: A, secret: secrets.b, body: { email: "shared@overlap.io", name: "Hijack" } });
      expect(reply.status).toBe(401);
      return [reply.body];
    },
  },
  {
    name: "a web form of B sending A's campaign tracking code",
    run: async ({ app, secrets }) => {
      const reply = await postWebFormLead(app, { teamId: B, secret: secrets.b, body: { email: "new@overlap.io", campaign: "launch-a" } });
      // Kept as a code B's admins may map, never attributed to A's campaign.
      expect(reply.status).toBe(201);
      expect(await app.db.lead.findFirst({ where: { teamId: B, emailKey: "new@overlap.io" } })).toMatchObject({
        campaignId: null,
        unmatchedCampaignCode: "launch-a",
      });
      return [reply.body];
    },
  },
  {
    name: "a web form of B reusing an Idempotency-Key A has used",
    run: async ({ app, secrets }) => {
      const reply = await postWebFormLead(app, {
        teamId: B,
        secret: secrets.b,
        idempotencyKey: "shared-key",
        body: { email: "idem@overlap.io" },
      });
      expect(reply.status).toBe(201);
      expect(reply.headers.get("idempotent-replayed")).toBeNull();
      return [reply.body];
    },
  },
  {
    name: "/baton settings from B's admin",
    run: async ({ app }) => {
      const reply = await app.requests.command("/baton", "settings", { teamId: B, userId: B_ADMIN });
      await app.slack.waitFor("views.update");
      return [reply.body];
    },
  },
  {
    name: "B's admin opening /baton settings → Web forms",
    run: async ({ app, secrets }) => {
      const secret = await webFormSecret(app, B, B_ADMIN);
      expect(secret).toBe(secrets.b);
      return [];
    },
  },
  {
    name: "B's admin pressing Rotate secret (with A's team id as the button value)",
    run: async ({ app }) => {
      const reply = await app.requests.blockAction(
        { actionId: "web_forms_rotate", value: A, view: { id: "VISOB00001" } },
        { teamId: B, userId: B_ADMIN },
      );
      await app.slack.waitFor("views.update", (call) => call.args.view_id === "VISOB00001");
      return [reply.body];
    },
  },
  {
    name: "B's Edit button for the Web forms section, sent by someone who is not an admin",
    run: async ({ app }) => {
      const reply = await app.requests.blockAction(
        { actionId: "settings_section", value: "web_forms", view: { id: "VISOB00002" } },
        { teamId: B, userId: "U0ISONOBDY" },
      );
      await app.idle();
      expect(app.slack.callsOf("views.push")).toEqual([]);
      return [reply.body];
    },
  },
  {
    name: "app_uninstalled and tokens_revoked from B",
    run: async ({ app }) => {
      await app.requests.event({ type: "app_uninstalled" }, { teamId: B });
      await app.requests.event({ type: "tokens_revoked", tokens: { oauth: [], bot: ["UBATONBOT"] } }, { teamId: B });
      await app.idle();
      return [];
    },
  },
  ...["lead_open", "lead_edit", "lead_hand_off", "lead_to_opportunity", "lead_to_won", "lead_to_lost"].map(
    (actionId): Attempt => ({
      name: `B pressing ${actionId} with A's lead id`,
      run: async ({ app, aLeadId }) => [await pressAsB(app, actionId, aLeadId)],
    }),
  ),
  ...["handoff_accept", "handoff_reject", "handoff_assign"].map(
    (actionId): Attempt => ({
      name: `B pressing ${actionId} on A's handoff`,
      run: async ({ app, aHandoffId }) => [await pressAsB(app, actionId, aHandoffId, { selectedUser: "U0ISOBUSR1" })],
    }),
  ),
  ...["campaign_open", "campaign_edit", "campaign_end"].map(
    (actionId): Attempt => ({
      name: `B pressing ${actionId} with A's campaign id`,
      run: async ({ app }) => [await pressAsB(app, actionId, "camp_iso_a2")],
    }),
  ),
  ...["digest_schedule_edit", "digest_schedule_remove"].map(
    (actionId): Attempt => ({
      name: `B's admin pressing ${actionId} with A's schedule id`,
      run: async ({ app, aScheduleId }) => [await pressAsB(app, actionId, aScheduleId, { view: { id: "VISOB00003" }, userId: B_ADMIN })],
    }),
  ),
  {
    name: "the lead modal submitted by B with A's lead id in its metadata",
    run: async ({ app, aLeadId }) => [
      await submitAsB(app, "lead_modal", leadFormValues({ email: "shared@overlap.io", name: "Hijacked" }), { leadId: aLeadId }),
    ],
  },
  {
    name: "the reject modal submitted by B for A's handoff",
    run: async ({ app, aHandoffId }) => [
      await submitAsB(
        app,
        "handoff_reject_modal",
        { reason: { value: input.select("not_a_fit") }, note: { value: input.text("x") } },
        { handoffId: aHandoffId },
      ),
    ],
  },
  {
    name: "the Won modal submitted by B for A's lead",
    run: async ({ app, aLeadId }) => [
      await submitAsB(
        app,
        "lead_won_modal",
        { amount: { value: input.text("1000") }, currency: { value: input.text("USD") } },
        { leadId: aLeadId },
      ),
    ],
  },
  {
    name: "the forget confirmation submitted by B's admin for A's lead",
    run: async ({ app, aLeadId }) => [await submitAsB(app, "lead_forget_modal", {}, { leadId: aLeadId }, B_ADMIN)],
  },
  ...["find ALPHA", "find shared@overlap.io", "shared@overlap.io", "handoff shared@overlap.io", "forget shared@overlap.io"].map(
    (text): Attempt => ({
      name: `/lead ${text} from B`,
      run: async ({ app }) => {
        const reply = await app.requests.command("/lead", text, { teamId: B, userId: B_ADMIN });
        await app.idle();
        return [reply.body];
      },
    }),
  ),
  ...["/campaign A Only", "/funnel campaign A Only", "/funnel campaign Launch"].map(
    (line): Attempt => ({
      name: `${line} from B`,
      run: async ({ app }) => {
        const [command = "", ...rest] = line.split(" ");
        const reply = await app.requests.command(command, rest.join(" "), { teamId: B, userId: B_ADMIN });
        await app.idle();
        return [reply.body];
      },
    }),
  ),
  {
    name: "Log as lead in B on a message quoting A's lead's email and A's campaign code, then saved",
    run: async ({ app }) => {
      const text = "Lead: shared@overlap.io, Company: Overlap (launch-a)";
      const actor = { teamId: B, userId: "U0ISOBUSR1", channelId: "C0ISOB0001" };
      const reply = await app.requests.messageShortcut("log_message_as_lead", { user: "U0ISOBUSR2", text }, actor);
      const { view } = (await app.slack.waitFor("views.update")).args;
      const saved = await submitAsB(
        app,
        "lead_modal",
        leadFormValues({ email: "shared@overlap.io", company: "Overlap" }),
        JSON.parse(view.private_metadata),
      );
      expect(await app.db.leadEvent.count({ where: { teamId: B, type: "message_linked" } })).toBe(1);
      return [reply.body, saved];
    },
  },
  ...(
    [
      ["find_lead", { email: "shared@overlap.io" }],
      ["log_lead", { email: "shared@overlap.io", name: "Hijack", campaign: "launch-a" }],
      ["log_lead", { email: "new@overlap.io", campaign: "A Only" }],
      ["hand_off_lead", { email: "shared@overlap.io", notes: "from B", handed_off_by: "U0ISOBUSR1" }],
    ] as const
  ).map(
    ([step, inputs]): Attempt => ({
      name: `the ${step} Workflow Builder step run in B with ${JSON.stringify(inputs)}`,
      run: async ({ app }) => {
        const reply = await app.requests.functionExecuted(step, inputs, { teamId: B, executionId: `Fx0ISO${step}` });
        await app.idle();
        // Ended once, either way (B's own lead may already be with sales after the rows above).
        expect(app.slack.calls.filter((c) => c.method.startsWith("functions.complete"))).toHaveLength(1);
        return [reply.body];
      },
    }),
  ),
];

async function pressAsB(
  app: TestApp,
  actionId: string,
  value: string,
  extra: { selectedUser?: string; view?: { id: string }; userId?: string } = {},
): Promise<unknown> {
  const reply = await app.requests.blockAction(
    { actionId, value, ...(extra.selectedUser ? { selectedUser: extra.selectedUser } : {}), ...(extra.view ? { view: extra.view } : {}) },
    { teamId: B, userId: extra.userId ?? "U0ISOBUSR1", channelId: "C0ISOB0001" },
  );
  await app.idle();
  return reply.body;
}

async function submitAsB(
  app: TestApp,
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  metadata: object,
  userId = "U0ISOBUSR1",
) {
  const reply = await app.requests.viewSubmission({ callbackId, values, privateMetadata: JSON.stringify(metadata) }, { teamId: B, userId });
  await app.idle();
  return reply.body;
}

async function exportAs(app: TestApp, text: string): Promise<unknown> {
  app.slack.setUser({ id: "U0ISOBUSR1", is_admin: true });
  const reply = await app.requests.command("/lead", `export ${text}`, { teamId: B, userId: "U0ISOBUSR1" });
  await app.slack.waitForResponse((post) => /Sent you|No leads match|couldn't find/.test(post.body.text));
  return reply.body;
}

/** Everything of workspace A, as stored. */
async function snapshotOfA(app: TestApp): Promise<string> {
  const [workspace, leads, events, campaigns, markers, receipts, installations, handoffs, schedules] = await Promise.all([
    app.db.workspace.findUnique({ where: { teamId: A } }),
    app.db.lead.findMany({ where: { teamId: A }, orderBy: { id: "asc" } }),
    app.db.leadEvent.findMany({ where: { teamId: A }, orderBy: { id: "asc" } }),
    app.db.campaign.findMany({ where: { teamId: A }, orderBy: { id: "asc" } }),
    app.db.onceMarker.findMany({
      where: { teamId: A, NOT: [{ key: { startsWith: "event:" } }, { key: { startsWith: "interaction:" } }] },
      orderBy: { key: "asc" },
    }),
    app.db.webhookReceipt.findMany({ where: { teamId: A }, orderBy: { id: "asc" } }),
    app.db.installation.findMany({ where: { teamId: A } }),
    app.db.handoff.findMany({ where: { teamId: A }, orderBy: { id: "asc" } }),
    app.db.digestSchedule.findMany({ where: { teamId: A }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ workspace, leads, events, campaigns, markers, receipts, installations, handoffs, schedules });
}

describe("tenant isolation: workspace B aimed at workspace A", () => {
  const ctx = {} as Context;
  beforeAll(async () => {
    const app = await startTestApp();
    ctx.app = app;
    for (const teamId of [A, B]) await app.requests.command("/baton", "help", { teamId });
    await app.db.campaign.createMany({
      data: [
        { id: "camp_iso_a", teamId: A, name: "Launch", nameKey: "launch", channel: "email", trackingCode: "launch-a", createdById: "U1" },
        { id: "camp_iso_a2", teamId: A, name: "A Only", nameKey: "a only", channel: "email", trackingCode: "only-a", createdById: "U1" },
        { id: "camp_iso_b", teamId: B, name: "Launch", nameKey: "launch", channel: "email", trackingCode: "launch-b", createdById: "U1" },
      ],
    });
    const aLead = await app.db.lead.create({
      data: {
        teamId: A,
        email: "shared@overlap.io",
        emailKey: "shared@overlap.io",
        name: "ALPHA-SECRET-NAME",
        notes: "ALPHA-SECRET-NOTE",
        campaignId: "camp_iso_a",
        createdById: "U1",
      },
    });
    await app.db.lead.create({
      data: {
        teamId: B,
        email: "shared@overlap.io",
        emailKey: "shared@overlap.io",
        name: "Bravo Person",
        campaignId: "camp_iso_b",
        createdById: "U1",
      },
    });
    ctx.aLeadId = aLead.id;
    await app.db.lead.update({ where: { id: aLead.id }, data: { stage: "mql" } });
    const handoff = await app.db.handoff.create({
      data: {
        teamId: A,
        leadId: aLead.id,
        handedOffById: "U1",
        openKey: `${A}:${aLead.id}`,
        channelId: "C0ISOA0001",
        messageTs: "1700000000.000009",
      },
    });
    ctx.aHandoffId = handoff.id;
    const schedule = await app.db.digestSchedule.findFirst({ where: { teamId: A } });
    ctx.aScheduleId = schedule?.id ?? "";
    expect(ctx.aScheduleId).not.toBe("");
    app.slack.setUser({ id: B_ADMIN, is_admin: true });
    ctx.secrets = { a: await webFormSecret(app, A, A_ADMIN), b: await webFormSecret(app, B, B_ADMIN) };
    const first = await postWebFormLead(app, {
      teamId: A,
      secret: ctx.secrets.a,
      idempotencyKey: "shared-key",
      body: { email: "keyed@overlap.io" },
    });
    expect(first.status).toBe(201);
    // The web-form lead's announcement is recorded on it after the answer: settled before A's snapshots.
    await app.idle();
  });
  afterAll(async () => {
    await ctx.app.stop();
  });

  it.each(attempts.map((attempt) => [attempt.name, attempt] as const))("refuses: %s", async (_name, attempt) => {
    const { app } = ctx;
    const before = await snapshotOfA(app);
    app.slack.reset();
    const replies = await attempt.run(ctx);
    expect(await snapshotOfA(app)).toBe(before);
    const seenByB = JSON.stringify({
      replies,
      calls: app.slack.calls,
      responses: app.slack.responses,
      uploads: [...app.slack.uploads.values()].map(String),
    });
    for (const marker of [...A_MARKERS, ctx.secrets.a, ctx.aLeadId]) expect(seenByB, `B saw ${marker}`).not.toContain(marker);
  });
});
