// Tenant isolation: workspace B aims every command, button, event and web-form request it has at workspace A's
// ids, emails, campaigns and keys. Each attempt must leave A's data exactly as it was and show B nothing of A's.
// Table-driven: add a row per new command or button (other areas' rows are added when the branches merge). The same
// rows run for Enterprise Grid (below): two workspaces of one org served with the org's token, and one outside it,
// each aimed at the other two, with requests as Slack sends them for an org-wide install.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INPUT_ACTION } from "../../src/slack/ids.js";
import { addSource, postToSource } from "../helpers/lead-sources.js";
import { leadFormValues } from "../helpers/leads.js";
import { installWithOAuth } from "../helpers/oauth-install.js";
import { requestImport, TEST_ENCRYPTION_KEY, webFormSecret } from "../helpers/production.js";
import { type Actor, input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

/** One workspace of a test: its ids, and what it is seeded with (under its tag and word). */
interface Side {
  teamId: string;
  /** In its campaign ids and tracking codes: camp_iso_<tag>, launch-<tag>, only-<tag>. */
  tag: string;
  /** In its secret markers: <WORD>-SECRET-NAME, <WORD>-SECRET-NOTE. */
  word: string;
  /** Its own campaign's name is "<label> Only". */
  label: string;
  admin: string;
  user: string;
  user2: string;
  channel: string;
  /** A workspace of an Enterprise Grid org, served through the org-wide installation. */
  orgWide?: { enterpriseId: string };
}

/** What seeding a side stored, read by the attempts aimed at it. */
interface Seeded {
  leadId: string;
  handoffId: string;
  scheduleId: string;
  /** The web-form secret now (B's own rotation attempt replaces B's). */
  secret: string;
  source: { sourceId: string; secret: string };
}

interface Context {
  app: TestApp;
  seeded: Map<string, Seeded>;
}

interface Attempt {
  name: string;
  /** A row that takes B out of service (an uninstall): run after B's other rows. */
  last?: boolean;
  /** Performs the attempt as workspace B; returns what B got back over HTTP (Slack calls are collected anyway). */
  run(ctx: Context): Promise<unknown[]>;
}

const side = (teamId: string, tag: string, word: string, orgWide?: { enterpriseId: string }): Side => ({
  teamId,
  tag,
  word,
  label: tag.toUpperCase(),
  admin: `U0ISOADM${tag.toUpperCase()}1`,
  user: `U0ISO${tag.toUpperCase()}USR1`,
  user2: `U0ISO${tag.toUpperCase()}USR2`,
  channel: `C0ISO${tag.toUpperCase()}0001`,
  ...(orgWide ? { orgWide } : {}),
});

/** The actor of a request from a side: its team, the given person, its channel, its org when org-wide. */
const as = (s: Side, userId = s.user): Actor & { teamId: string; userId: string } => ({
  teamId: s.teamId,
  userId,
  channelId: s.channel,
  ...(s.orgWide ? { orgWide: s.orgWide } : {}),
});

const seededOf = (ctx: Context, s: Side): Seeded => {
  const found = ctx.seeded.get(s.teamId);
  if (!found) throw new Error(`${s.teamId} was not seeded`);
  return found;
};

/** Every attempt B makes at A's data; names say what B does, with the values B sends. */
function attemptsAt(a: Side, b: Side): Attempt[] {
  const pressAsB = async (
    ctx: Context,
    actionId: string,
    value: string,
    extra: { selectedUser?: string; view?: { id: string }; userId?: string } = {},
  ): Promise<unknown> => {
    const reply = await ctx.app.requests.blockAction(
      { actionId, value, ...(extra.selectedUser ? { selectedUser: extra.selectedUser } : {}), ...(extra.view ? { view: extra.view } : {}) },
      as(b, extra.userId),
    );
    await ctx.app.idle();
    return reply.body;
  };
  const submitAsB = async (
    ctx: Context,
    callbackId: string,
    values: Record<string, Record<string, unknown>>,
    metadata: object,
    userId = b.user,
  ) => {
    const reply = await ctx.app.requests.viewSubmission({ callbackId, values, privateMetadata: JSON.stringify(metadata) }, as(b, userId));
    await ctx.app.idle();
    return reply.body;
  };
  const exportAs = async ({ app }: Context, text: string): Promise<unknown> => {
    const reply = await app.requests.command("/lead", `export ${text}`, as(b));
    await app.slack.waitForResponse((post) => /Sent you|No leads match|couldn.t find/.test(post.body.text));
    return reply.body;
  };
  // Per pair, so that B's own leads, keys and files are new for each workspace B is aimed at.
  const pair = `${b.tag}${a.tag}`;
  const newEmail = `new-${a.tag}@overlap.io`;
  return [
    {
      name: `/lead export naming a campaign only A has (by tracking code only-${a.tag})`,
      run: async (ctx) => [await exportAs(ctx, `only-${a.tag}`)],
    },
    {
      name: "/lead export naming a campaign name both have",
      run: async (ctx) => {
        const reply = await exportAs(ctx, "Launch");
        expect(ctx.app.slack.uploadedFile()?.content).toContain(`${b.word}-SECRET-NAME`);
        return [reply];
      },
    },
    {
      name: "/lead import of a CSV with A's email and A's campaign code",
      run: async ({ app }) => {
        const fileId = `FISO${pair.toUpperCase()}001`;
        await requestImport(app, as(b));
        app.slack.addFile(
          fileId,
          "overlap.csv",
          `email,name,campaign\nshared@overlap.io,Taken Over,launch-${a.tag}\nshared@overlap.io,Renamed,\n`,
        );
        await app.requests.event(
          { type: "file_shared", file_id: fileId, user_id: b.user, channel_id: `D${b.user}`, file: { id: fileId } },
          { teamId: b.teamId, ...(b.orgWide ? { orgWide: b.orgWide } : {}) },
        );
        await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of overlap.csv"));
        // B's own lead only gets what it lacks (outside sources never overwrite); A's code means nothing in B.
        expect(await app.db.lead.findFirst({ where: { teamId: b.teamId, emailKey: "shared@overlap.io" } })).toMatchObject({
          name: `${b.word}-SECRET-NAME`,
          campaignId: `camp_iso_${b.tag}`,
        });
        return [];
      },
    },
    {
      name: "file_shared in B from a person who asked to import in A",
      run: async ({ app }) => {
        const fileId = `FISO${pair.toUpperCase()}002`;
        await requestImport(app, as(a));
        app.slack.addFile(fileId, "sneaky.csv", "email,name\nsneak@overlap.io,Sneak\n");
        await app.requests.event(
          { type: "file_shared", file_id: fileId, user_id: a.user, channel_id: b.channel, file: { id: fileId } },
          { teamId: b.teamId, ...(b.orgWide ? { orgWide: b.orgWide } : {}) },
        );
        await app.idle();
        expect(await app.db.lead.count({ where: { emailKey: "sneak@overlap.io" } })).toBe(0);
        await app.db.onceMarker.deleteMany({ where: { key: `import-request:${a.teamId}:${a.user}` } }); // tidy: not part of A's snapshot
        return [];
      },
    },
    {
      name: "a web form signed with B's secret claiming to be A",
      run: async (ctx) => {
        const body = { email: "shared@overlap.io", name: "Hijack" };
        const reply = await postWebFormLead(ctx.app, { teamId: a.teamId, secret: seededOf(ctx, b).secret, body });
        expect(reply.status).toBe(401);
        return [reply.body];
      },
    },
    {
      name: "A's lead source called with B's lead-source secret",
      run: async (ctx) => {
        const body = JSON.stringify({ email: "shared@overlap.io", name: "Hijack" });
        const reply = await postToSource(ctx.app, {
          sourceId: seededOf(ctx, a).source.sourceId,
          provider: "generic",
          secret: seededOf(ctx, b).source.secret,
          body,
        });
        expect(reply.status).toBe(401);
        return [reply.body];
      },
    },
    {
      name: `a web form of B sending A's campaign tracking code launch-${a.tag}`,
      run: async (ctx) => {
        const body = { email: newEmail, campaign: `launch-${a.tag}` };
        const reply = await postWebFormLead(ctx.app, { teamId: b.teamId, secret: seededOf(ctx, b).secret, body });
        // Kept as a code B's admins may map, never attributed to A's campaign.
        expect(reply.status).toBe(201);
        expect(await ctx.app.db.lead.findFirst({ where: { teamId: b.teamId, emailKey: newEmail } })).toMatchObject({
          campaignId: null,
          unmatchedCampaignCode: `launch-${a.tag}`,
        });
        return [reply.body];
      },
    },
    {
      name: "a web form of B reusing an Idempotency-Key A has used",
      run: async (ctx) => {
        const reply = await postWebFormLead(ctx.app, {
          teamId: b.teamId,
          secret: seededOf(ctx, b).secret,
          idempotencyKey: `shared-key-${a.tag}`,
          body: { email: `idem-${a.tag}@overlap.io` },
        });
        expect(reply.status).toBe(201);
        expect(reply.headers.get("idempotent-replayed")).toBeNull();
        return [reply.body];
      },
    },
    {
      name: "/baton settings from B's admin",
      run: async ({ app }) => {
        const reply = await app.requests.command("/baton", "settings", as(b, b.admin));
        await app.slack.waitFor("views.update");
        return [reply.body];
      },
    },
    {
      name: "B's admin opening /baton settings → Web forms",
      run: async (ctx) => {
        expect(await webFormSecret(ctx.app, b.teamId, b.admin, b.orgWide)).toBe(seededOf(ctx, b).secret);
        return [];
      },
    },
    {
      name: "B's admin pressing Rotate secret (with A's team id as the button value)",
      run: async (ctx) => {
        const reply = await ctx.app.requests.blockAction(
          { actionId: "web_forms_rotate", value: a.teamId, view: { id: "VISOB00001" } },
          as(b, b.admin),
        );
        await ctx.app.slack.waitFor("views.update", (call) => call.args.view_id === "VISOB00001");
        // B's own secret changed: later rows (and pairs) sign with the new one.
        seededOf(ctx, b).secret = await webFormSecret(ctx.app, b.teamId, b.admin, b.orgWide);
        return [reply.body];
      },
    },
    {
      name: "B's Edit button for the Web forms section, sent by someone who is not an admin",
      run: async ({ app }) => {
        const reply = await app.requests.blockAction(
          { actionId: "settings_section", value: "web_forms", view: { id: "VISOB00002" } },
          as(b, "U0ISONOBDY"),
        );
        await app.idle();
        expect(app.slack.callsOf("views.push")).toEqual([]);
        return [reply.body];
      },
    },
    {
      name: "app_uninstalled and tokens_revoked from B",
      last: true,
      run: async ({ app }) => {
        await app.requests.event({ type: "app_uninstalled" }, { teamId: b.teamId });
        await app.requests.event({ type: "tokens_revoked", tokens: { oauth: [], bot: ["UBATONBOT"] } }, { teamId: b.teamId });
        await app.idle();
        return [];
      },
    },
    ...["lead_open", "lead_edit", "lead_hand_off", "lead_to_opportunity", "lead_to_won", "lead_to_lost"].map(
      (actionId): Attempt => ({
        name: `B pressing ${actionId} with A's lead id`,
        run: async (ctx) => [await pressAsB(ctx, actionId, seededOf(ctx, a).leadId)],
      }),
    ),
    ...["handoff_accept", "handoff_reject", "handoff_assign"].map(
      (actionId): Attempt => ({
        name: `B pressing ${actionId} on A's handoff`,
        run: async (ctx) => [await pressAsB(ctx, actionId, seededOf(ctx, a).handoffId, { selectedUser: b.user })],
      }),
    ),
    ...["campaign_open", "campaign_edit", "campaign_end"].map(
      (actionId): Attempt => ({
        name: `B pressing ${actionId} with A's campaign id`,
        run: async (ctx) => [await pressAsB(ctx, actionId, `camp_iso_${a.tag}2`)],
      }),
    ),
    ...["digest_schedule_edit", "digest_schedule_remove"].map(
      (actionId): Attempt => ({
        name: `B's admin pressing ${actionId} with A's schedule id`,
        run: async (ctx) => [await pressAsB(ctx, actionId, seededOf(ctx, a).scheduleId, { view: { id: "VISOB00003" }, userId: b.admin })],
      }),
    ),
    {
      name: "the lead modal submitted by B with A's lead id in its metadata",
      run: async (ctx) => [
        await submitAsB(ctx, "lead_modal", leadFormValues({ email: "shared@overlap.io", name: "Hijacked" }), {
          leadId: seededOf(ctx, a).leadId,
        }),
      ],
    },
    {
      name: "the reject modal submitted by B for A's handoff",
      run: async (ctx) => [
        await submitAsB(
          ctx,
          "handoff_reject_modal",
          { reason: { value: input.select("not_a_fit") }, note: { value: input.text("x") } },
          { handoffId: seededOf(ctx, a).handoffId },
        ),
      ],
    },
    {
      name: "the Won modal submitted by B for A's lead",
      run: async (ctx) => [
        await submitAsB(
          ctx,
          "lead_won_modal",
          { amount: { value: input.text("1000") }, currency: { value: input.text("USD") } },
          { leadId: seededOf(ctx, a).leadId },
        ),
      ],
    },
    {
      name: "the forget confirmation submitted by B's admin for A's lead",
      run: async (ctx) => [await submitAsB(ctx, "lead_forget_modal", {}, { leadId: seededOf(ctx, a).leadId }, b.admin)],
    },
    ...[`find ${a.word}`, "find shared@overlap.io", "shared@overlap.io", "handoff shared@overlap.io", "forget shared@overlap.io"].map(
      (text): Attempt => ({
        name: `/lead ${text} from B`,
        run: async ({ app }) => {
          const reply = await app.requests.command("/lead", text, as(b, b.admin));
          await app.idle();
          return [reply.body];
        },
      }),
    ),
    ...[`/campaign ${a.label} Only`, `/funnel campaign ${a.label} Only`, "/funnel campaign Launch"].map(
      (line): Attempt => ({
        name: `${line} from B`,
        run: async ({ app }) => {
          const [command = "", ...rest] = line.split(" ");
          const reply = await app.requests.command(command, rest.join(" "), as(b, b.admin));
          await app.idle();
          return [reply.body];
        },
      }),
    ),
    {
      name: "Log as lead in B on a message quoting A's lead's email and A's campaign code, then saved",
      run: async (ctx) => {
        const { app } = ctx;
        const text = `Lead: shared@overlap.io, Company: Overlap (launch-${a.tag})`;
        const linked = () => app.db.leadEvent.count({ where: { teamId: b.teamId, type: "message_linked" } });
        const before = await linked();
        const reply = await app.requests.messageShortcut("log_message_as_lead", { user: b.user2, text }, as(b));
        const { view } = (await app.slack.waitFor("views.update")).args;
        const saved = await submitAsB(
          ctx,
          "lead_modal",
          leadFormValues({ email: "shared@overlap.io", company: "Overlap" }),
          JSON.parse(view.private_metadata),
        );
        expect(await linked()).toBe(before + 1);
        return [reply.body, saved];
      },
    },
    ...(
      [
        ["find_lead", { email: "shared@overlap.io" }],
        ["log_lead", { email: "shared@overlap.io", name: "Hijack", campaign: `launch-${a.tag}` }],
        ["log_lead", { email: newEmail, campaign: `${a.label} Only` }],
        ["hand_off_lead", { email: "shared@overlap.io", notes: "from B", handed_off_by: b.user }],
      ] as const
    ).map(
      ([step, inputs], index): Attempt => ({
        name: `the ${step} Workflow Builder step run in B with ${JSON.stringify(inputs)}`,
        run: async ({ app }) => {
          const reply = await app.requests.functionExecuted(step, inputs, {
            teamId: b.teamId,
            executionId: `Fx0ISO${pair}${index}`,
            ...(b.orgWide ? { orgWide: b.orgWide } : {}),
          });
          await app.idle();
          // Ended once, either way (B's own lead may already be with sales after the rows above).
          expect(app.slack.calls.filter((c) => c.method.startsWith("functions.complete"))).toHaveLength(1);
          return [reply.body];
        },
      }),
    ),
  ];
}

/** Gives a side the same data every side has: two campaigns, a lead with secrets, its handoff, keys and secrets. */
async function seed(app: TestApp, s: Side): Promise<Seeded> {
  const { teamId } = s;
  // Its user exports as B (an admin there); Baton caches people, so Slack says so before any request.
  app.slack.setUser({ id: s.user, is_admin: true });
  await app.requests.command("/baton", "help", as(s));
  await app.db.campaign.createMany({
    data: [
      {
        id: `camp_iso_${s.tag}`,
        teamId,
        name: "Launch",
        nameKey: "launch",
        channel: "email",
        trackingCode: `launch-${s.tag}`,
        createdById: "U1",
      },
      {
        id: `camp_iso_${s.tag}2`,
        teamId,
        name: `${s.label} Only`,
        nameKey: `${s.label.toLowerCase()} only`,
        channel: "email",
        trackingCode: `only-${s.tag}`,
        createdById: "U1",
      },
    ],
  });
  const lead = await app.db.lead.create({
    data: {
      teamId,
      email: "shared@overlap.io",
      emailKey: "shared@overlap.io",
      name: `${s.word}-SECRET-NAME`,
      notes: `${s.word}-SECRET-NOTE`,
      campaignId: `camp_iso_${s.tag}`,
      createdById: "U1",
    },
  });
  await app.db.lead.update({ where: { id: lead.id }, data: { stage: "mql" } });
  const handoff = await app.db.handoff.create({
    data: {
      teamId,
      leadId: lead.id,
      handedOffById: "U1",
      openKey: `${teamId}:${lead.id}`,
      channelId: s.channel,
      messageTs: "1700000000.000009",
    },
  });
  const schedule = await app.db.digestSchedule.findFirst({ where: { teamId } });
  expect(schedule?.id ?? "").not.toBe("");
  const secret = await webFormSecret(app, teamId, s.admin, s.orgWide);
  const source = await addSource(app, teamId, { provider: "generic", name: "Zapier" });
  const first = await postWebFormLead(app, { teamId, secret, idempotencyKey: `shared-key-${s.tag}`, body: { email: "keyed@overlap.io" } });
  expect(first.status).toBe(201);
  return { leadId: lead.id, handoffId: handoff.id, scheduleId: schedule?.id ?? "", secret, source };
}

/** Everything of workspace A, as stored (with its org's installation and choice when it is served org-wide). */
async function snapshotOf(app: TestApp, a: Side): Promise<string> {
  const teamId = a.teamId;
  const installationsOfA = a.orgWide ? { OR: [{ teamId }, { installKey: a.orgWide.enterpriseId }] } : { teamId };
  const [workspace, leads, events, campaigns, markers, receipts, installations, handoffs, schedules, sources, orgChoice] =
    await Promise.all([
      app.db.workspace.findUnique({ where: { teamId } }),
      app.db.lead.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
      app.db.leadEvent.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
      app.db.campaign.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
      app.db.onceMarker.findMany({
        where: { teamId, NOT: [{ key: { startsWith: "event:" } }, { key: { startsWith: "interaction:" } }] },
        orderBy: { key: "asc" },
      }),
      app.db.webhookReceipt.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
      app.db.installation.findMany({ where: installationsOfA, orderBy: { installKey: "asc" } }),
      app.db.handoff.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
      app.db.digestSchedule.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
      // A call refused for its signature is counted on the source it named (A's admins see it): not B's change.
      app.db.leadSource.findMany({
        where: { teamId },
        orderBy: { id: "asc" },
        select: { id: true, secret: true, fieldMap: true, defaultCampaignId: true, receivedCount: true, lastReceivedAt: true },
      }),
      app.db.orgWorkspace.findUnique({ where: { teamId } }),
    ]);
  return JSON.stringify({ workspace, leads, events, campaigns, markers, receipts, installations, handoffs, schedules, sources, orgChoice });
}

/** Runs one attempt of B's and checks A's data is as it was and nothing of A's reached B. */
async function expectRefused(ctx: Context, a: Side, attempt: Attempt): Promise<void> {
  const { app } = ctx;
  const before = await snapshotOf(app, a);
  app.slack.reset();
  const uploadedBefore = new Set(app.slack.uploads.keys());
  const replies = await attempt.run(ctx);
  expect(await snapshotOf(app, a)).toBe(before);
  const seenByB = JSON.stringify({
    replies,
    calls: app.slack.calls,
    responses: app.slack.responses,
    uploads: [...app.slack.uploads].filter(([id]) => !uploadedBefore.has(id)).map(([, bytes]) => String(bytes)),
  });
  const { secret, source, leadId } = seededOf(ctx, a);
  for (const marker of [`${a.word}-SECRET-NAME`, `${a.word}-SECRET-NOTE`, `camp_iso_${a.tag}`, secret, source.secret, leadId]) {
    expect(seenByB, `B saw ${marker}`).not.toContain(marker);
  }
}

/** B's rows in order, the ones that take B out of service last. */
const inOrder = (attempts: Attempt[]) => [...attempts.filter((x) => !x.last), ...attempts.filter((x) => x.last)];
const rowsOf = (attempts: Attempt[]) => attempts.map((attempt) => [attempt.name, attempt] as const);

describe("tenant isolation: workspace B aimed at workspace A", () => {
  const A = side("T0ISOA0001", "a", "ALPHA");
  const B = side("T0ISOB0001", "b", "BRAVO");
  const ctx = { seeded: new Map() } as Context;
  beforeAll(async () => {
    ctx.app = await startTestApp();
    for (const s of [A, B]) ctx.seeded.set(s.teamId, await seed(ctx.app, s));
    // The web-form leads' announcements are recorded on them after the answer: settled before A's snapshots.
    await ctx.app.idle();
  });
  afterAll(async () => {
    await ctx.app.stop();
  });

  it.each(rowsOf(inOrder(attemptsAt(A, B))))("refuses: %s", async (_name, attempt) => {
    await expectRefused(ctx, A, attempt);
  });
});

describe("tenant isolation, Enterprise Grid: two workspaces of one org and one outside it, each aimed at the others", () => {
  const ORG = "E0ISOGRID1";
  const org = { enterpriseId: ORG };
  const SALES = side("T0ISOSAL01", "s", "SIERRA", org);
  const EMEA = side("T0ISOEME01", "e", "ECHO", org);
  const OUTSIDE = side("T0ISOOUT01", "o", "OSCAR");
  const ORG_ADMIN = "W0ISOORGA1";
  const ctx = { seeded: new Map() } as Context;
  beforeAll(async () => {
    const app = await startTestApp({
      env: {
        SLACK_BOT_TOKEN: "",
        SLACK_CLIENT_ID: "1234567890.0987654321",
        SLACK_CLIENT_SECRET: "client-secret-0123456789abcdef",
        SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      },
    });
    ctx.app = app;
    const orgTeams = [
      { id: SALES.teamId, name: "Acme Sales" },
      { id: EMEA.teamId, name: "Acme EMEA" },
      { id: "T0ISOLAB01", name: "Acme Labs" },
    ];
    app.slack.grantOAuthCode("code-iso-org", { enterpriseId: ORG, isEnterpriseInstall: true, botToken: "xoxb-iso-org", orgTeams });
    app.slack.grantOAuthCode("code-iso-out", { teamId: OUTSIDE.teamId, botToken: "xoxb-iso-outside" });
    for (const code of ["code-iso-org", "code-iso-out"]) expect((await installWithOAuth(app, code)).status).toBe(200);
    // The org admin chooses Sales and EMEA (not Labs): both are served with the org's token.
    app.slack.setUser({ id: ORG_ADMIN, is_admin: true, enterprise_user: { enterprise_id: ORG, is_admin: true } });
    const chosen = await app.requests.viewSubmission(
      {
        callbackId: "settings_org_workspaces",
        values: {
          workspaces: {
            [INPUT_ACTION]: { type: "multi_static_select", selected_options: [SALES, EMEA].map((s) => ({ value: s.teamId })) },
          },
        },
      },
      as(SALES, ORG_ADMIN),
    );
    expect(chosen.body).toBe("");
    for (const s of [SALES, EMEA, OUTSIDE]) ctx.seeded.set(s.teamId, await seed(app, s));
    await app.idle();
  });
  afterAll(async () => {
    await ctx.app.stop();
  });

  const pairs: [Side, Side, string][] = [
    [SALES, EMEA, "Sales (org) aimed at EMEA (same org)"],
    [EMEA, SALES, "EMEA (org) aimed at Sales (same org)"],
    [SALES, OUTSIDE, "Sales (org) aimed at the workspace outside the org"],
    [EMEA, OUTSIDE, "EMEA (org) aimed at the workspace outside the org"],
    [OUTSIDE, SALES, "the workspace outside the org aimed at Sales (org)"],
    [OUTSIDE, EMEA, "the workspace outside the org aimed at EMEA (org)"],
  ];
  for (const [b, a, title] of pairs) {
    describe(title, () => {
      // An org-wide app_uninstalled is the whole org's; the rows that take B out of service are the last below.
      it.each(rowsOf(attemptsAt(a, b).filter((x) => !x.last)))("refuses: %s", async (_name, attempt) => {
        await expectRefused(ctx, a, attempt);
      });
    });
  }

  describe("taking one workspace out of service", () => {
    it("Slack revoking the org's access to Sales leaves EMEA and the outside workspace as they were, and served", async () => {
      const revokeSales: Attempt = {
        name: "team_access_revoked for Sales",
        run: async ({ app }) => {
          await app.requests.event({ type: "team_access_revoked", team_ids: [SALES.teamId] }, { teamId: null, orgWide: org });
          await app.idle();
          return [];
        },
      };
      const outsideBefore = await snapshotOf(ctx.app, OUTSIDE);
      await expectRefused(ctx, EMEA, revokeSales);
      expect(await snapshotOf(ctx.app, OUTSIDE)).toBe(outsideBefore);
      for (const s of [EMEA, OUTSIDE]) {
        const reply = await ctx.app.requests.command("/baton", "help", as(s));
        expect(JSON.stringify(reply.body)).not.toContain("isn't enabled");
      }
      const sales = await ctx.app.requests.command("/baton", "help", as(SALES));
      expect(sales.body.text).toContain("Baton isn't enabled in this workspace");
    });

    it.each(rowsOf(attemptsAt(SALES, OUTSIDE).filter((x) => x.last)))(
      "the outside workspace's %s leaves Sales as it was",
      async (_name, attempt) => {
        const emeaBefore = await snapshotOf(ctx.app, EMEA);
        await expectRefused(ctx, SALES, attempt);
        expect(await snapshotOf(ctx.app, EMEA)).toBe(emeaBefore);
      },
    );
  });
});
