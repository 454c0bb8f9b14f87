// After app_uninstalled a workspace's data is kept for RETENTION_DAYS_AFTER_UNINSTALL (30 by default), then the
// hourly housekeeping deletes every row of it, in every table that carries its team id, and nothing of any other
// workspace. Installing Baton again within the period keeps everything.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import { PURGED_TABLES } from "../../src/db/workspace-purge.js";
import { TestClock } from "../helpers/clock.js";
import { TEST_ENCRYPTION_KEY } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_CLIENT_ID: "1234567890.0987654321",
  SLACK_CLIENT_SECRET: "client-secret-0123456789abcdef",
  SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
  ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
};
const GONE = "T0RETGONE1"; // uninstalled, never back
const STAYS = "T0RETSTAY1"; // installed throughout
const BACK = "T0RETBACK1"; // uninstalled, installed again within the period
const DAY = 24 * 60 * 60_000;

/** Models of the schema with a `teamId` column: the purge must cover each (a new one fails this test until it does). */
function modelsWithTeamId(): string[] {
  const schema = fs.readFileSync("prisma/sqlite/schema.prisma", "utf8");
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
    .filter(([, , body]) => /^\s+teamId\s/m.test(body ?? ""))
    .map(([, name]) => name ?? "");
}

const delegate = (db: Db, model: string) =>
  (db as unknown as Record<string, { count(args: { where: { teamId: string } }): Promise<number> }>)[
    model.charAt(0).toLowerCase() + model.slice(1)
  ];

async function rowsPerTable(db: Db, teamId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of modelsWithTeamId()) counts[model] = (await delegate(db, model)?.count({ where: { teamId } })) ?? -1;
  const runs = await db.jobRun.findMany({ where: { teamId }, select: { id: true } });
  counts.Delivery = await db.delivery.count({ where: { runId: { in: runs.map((r) => r.id) } } });
  return counts;
}

/** One row (at least) in every table for the workspace, as a working Baton would have. */
async function seedEveryTable(db: Db, teamId: string): Promise<void> {
  const t = teamId;
  await db.workspace.update({ where: { teamId: t }, data: { webhookSecret: "bwf_seeded" } });
  const segment = await db.icpSegment.create({ data: { teamId: t, name: "Mid-market" } });
  const campaign = await db.campaign.create({
    data: { teamId: t, name: "Spring", nameKey: "spring", channel: "webinar", segmentId: segment.id, createdById: "U1" },
  });
  const lead = await db.lead.create({
    data: { teamId: t, email: `jane@${t}.io`, emailKey: `jane@${t}.io`, name: "Jane", campaignId: campaign.id, createdById: "U1" },
  });
  await db.leadEvent.create({ data: { teamId: t, leadId: lead.id, actorId: "U1", type: "created", toStage: "new" } });
  const source = await db.leadSource.create({
    data: { teamId: t, provider: "typeform", name: "Demo form", nameKey: "demo form", secret: "tf_seeded", createdById: "U1" },
  });
  await db.leadSubmission.create({
    data: { teamId: t, leadId: lead.id, channel: "typeform", sourceId: source.id, fields: { name: "Jane" } },
  });
  await db.trackingCodeAlias.create({ data: { teamId: t, code: "spring-ads", campaignId: campaign.id, mappedById: "U1" } });
  await db.leadExport.create({ data: { teamId: t, userId: "U1", filter: "", rowCount: 1 } });
  await db.exchangeRate.create({ data: { teamId: t, currency: "EUR", rate: "1.08", setAt: new Date(), setById: "U1" } });
  await db.outboxEffect.create({ data: { teamId: t, kind: "campaign_launched", subjectId: campaign.id, channelId: "C0SALES001" } });
  const handoff = await db.handoff.create({ data: { teamId: t, leadId: lead.id, handedOffById: "U1", openKey: `${t}:${lead.id}` } });
  await db.slaStep.create({ data: { teamId: t, handoffId: handoff.id, step: "reminder", dueAt: new Date() } });
  await db.rotationMember.create({ data: { teamId: t, userId: "U2" } });
  await db.brandGuide.create({ data: { teamId: t, positioning: "Calm" } });
  await db.agreement.create({ data: { teamId: t } });
  await db.playbookChange.create({ data: { teamId: t, kind: "icp", actorId: "U1", summary: "added a segment" } });
  const schedule = await db.digestSchedule.create({
    data: { teamId: t, channelId: "C0DIGEST01", period: "weekly", cron: "0 9 * * 1", timezone: "UTC", createdById: "U1" },
  });
  await db.subscription.create({ data: { teamId: t, userId: "U2", kind: "my_handoffs", campaignId: "" } });
  const now = new Date();
  const run = await db.jobRun.create({
    data: {
      key: `digest:${schedule.id}:x`,
      teamId: t,
      scheduleId: schedule.id,
      kind: "digest",
      scheduledFor: now,
      claimedBy: "r",
      leaseUntil: now,
    },
  });
  await db.delivery.create({ data: { runId: run.id, target: "channel:C0DIGEST01", status: "posted" } });
  await db.jobRun.create({
    data: { key: `subscriptions:${t}:x`, teamId: t, kind: "subscription", scheduledFor: now, claimedBy: "r", leaseUntil: now },
  });
  await db.onceMarker.create({ data: { key: `notice:${t}`, teamId: t } });
  await db.rateWindow.create({ data: { key: `webhook:${t}:x`, teamId: t, count: 1, expiresAt: new Date(now.getTime() + 365 * DAY) } });
  await db.webhookReceipt.create({ data: { teamId: t, idempotencyKey: "k1", status: 201, body: "{}" } });
  await db.orgWorkspace.create({ data: { teamId: t, enterpriseId: "E0RETAIN01", served: true, chosenById: "U1" } });
}

/** A browser going through Slack's install flow for a code the stand-in grants. */
async function install(app: TestApp, code: string): Promise<void> {
  const page = await fetch(`${app.url}/slack/install`);
  const html = await page.text();
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const state = new URL((html.match(/href="([^"]+)"/)?.[1] ?? "").replaceAll("&amp;", "&")).searchParams.get("state") ?? "";
  const back = await fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  if (back.status !== 200) throw new Error(`install answered ${back.status}`);
}

async function uninstall(app: TestApp, teamId: string): Promise<void> {
  await app.requests.event({ type: "app_uninstalled" }, { teamId });
  const deadline = Date.now() + 5_000;
  while (!(await app.db.workspace.findUnique({ where: { teamId } }))?.uninstalledAt) {
    if (Date.now() > deadline) throw new Error("the uninstall was not recorded");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("data after an uninstall", () => {
  let app: TestApp;
  const clock = new TestClock("2026-11-02T10:00:00Z");
  // Each web form's idempotency receipt is refreshed first, as if posted just now: housekeeping drops receipts
  // older than a day on its own, and this test is about what the purge deletes.
  const housekeeping = async () => {
    await app.db.webhookReceipt.updateMany({ data: { createdAt: clock.now() } });
    await app.baton.jobs.housekeeping?.run();
  };
  beforeAll(async () => {
    app = await startTestApp({ clock, env: OAUTH_ENV });
    for (const teamId of [GONE, STAYS, BACK]) {
      app.slack.grantOAuthCode(`code-${teamId}`, {
        teamId,
        botToken: `xoxb-${teamId.toLowerCase()}`,
        botUserId: `UBOT${teamId.slice(-4)}`,
      });
      await install(app, `code-${teamId}`);
      await seedEveryTable(app.db, teamId);
    }
  });
  afterAll(async () => {
    await app.stop();
  });

  it("covers every table that carries a team id", () => {
    expect([...PURGED_TABLES].sort()).toEqual(modelsWithTeamId().sort());
  });

  it("keeps everything for 30 days, then deletes every row of the uninstalled workspace and nothing else", async () => {
    // More leads than one delete batch (500), so the purge pages through them.
    await app.db.lead.createMany({
      data: Array.from({ length: 2_500 }, (_, i) => ({
        teamId: GONE,
        email: `p${i}@gone.io`,
        emailKey: `p${i}@gone.io`,
        createdById: "U1",
      })),
    });
    const seeded = await rowsPerTable(app.db, GONE);
    expect(Object.entries(seeded).filter(([, n]) => n < 1)).toEqual([]); // the seed reaches every table
    const stays = await rowsPerTable(app.db, STAYS);
    await uninstall(app, GONE);

    clock.advance(30 * DAY - 60_000);
    await housekeeping();
    const kept = await rowsPerTable(app.db, GONE);
    expect(kept).toEqual({ ...seeded, Installation: 0 }); // only the tokens went at once

    clock.advance(2 * 60_000);
    await housekeeping();
    const gone = await rowsPerTable(app.db, GONE);
    expect(Object.entries(gone).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await rowsPerTable(app.db, STAYS)).toEqual(stays);
  });

  it("keeps a workspace that installs Baton again within the period", async () => {
    const before = await rowsPerTable(app.db, BACK);
    await uninstall(app, BACK);
    clock.advance(10 * DAY);
    app.slack.grantOAuthCode("code-back-again", { teamId: BACK, botToken: "xoxb-back-again", botUserId: "UBOTBACK" });
    await install(app, "code-back-again");
    expect((await app.db.workspace.findUniqueOrThrow({ where: { teamId: BACK } })).uninstalledAt).toBeNull();
    clock.advance(60 * DAY);
    await housekeeping();
    expect(await rowsPerTable(app.db, BACK)).toEqual(before);
  });
});

describe("RETENTION_DAYS_AFTER_UNINSTALL", () => {
  it("sets how long the data is kept", async () => {
    const clock = new TestClock("2026-11-02T10:00:00Z");
    const app = await startTestApp({ clock, env: { RETENTION_DAYS_AFTER_UNINSTALL: "2" } });
    try {
      const team = "T0RETSHORT";
      await app.requests.command("/baton", "help", { teamId: team });
      await seedEveryTable(app.db, team);
      await uninstall(app, team);
      clock.advance(2 * DAY - 60_000);
      await app.baton.jobs.housekeeping?.run();
      expect(await app.db.lead.count({ where: { teamId: team } })).toBe(1);
      expect(await app.db.workspace.count({ where: { teamId: team } })).toBe(1);
      clock.advance(2 * 60_000);
      await app.baton.jobs.housekeeping?.run();
      expect(Object.entries(await rowsPerTable(app.db, team)).filter(([, n]) => n !== 0)).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});
