// Dead letters reach the workspace's admins: one DM report per workspace per hour at most, listing what Slack
// never took (what kind, where, why in words), and nothing personal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignFields } from "../campaigns/forms.js";
import { input } from "../helpers/slack-requests.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0DEADLET1";
const MARKETER = "U0DLMKT001";
const ADMIN = "U0DLADMIN1";
const as = { teamId: TEAM, userId: MARKETER };
const MINUTE = 60_000;

describe("dead letters reported to the admins", () => {
  let app: TestApp;
  let views = 0;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", as);
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { adminUserIds: [ADMIN] } });
    // Slack keeps failing every post in the sales channel; DMs go through.
    app.slack.on("chat.postMessage", (args) => (args.channel === SALES_CHANNEL ? { ok: false, error: "internal_error" } : undefined));
  });
  afterAll(async () => {
    await app.stop();
  });

  const launch = async (name: string) => {
    const values = campaignFields({ name: input.text(name) });
    await app.requests.viewSubmission({ callbackId: "campaign_create", values, privateMetadata: "{}", id: `VDEADL${++views}` }, as);
    await app.idle();
    return app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, name } });
  };
  const untilDead = async () => {
    for (let i = 0; i < 10; i++) {
      app.clock.advance(31 * MINUTE);
      await app.baton.jobs.outboxSweep?.run();
      await app.idle();
    }
  };
  const reports = () => app.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === ADMIN);
  const statusOf = async (subjectId: string) => (await app.db.outboxEffect.findFirstOrThrow({ where: { teamId: TEAM, subjectId } })).status;

  it("sends the admin one report for two dead letters in the same hour, and another for one in a later hour", async () => {
    const first = await launch("Dead Letter One");
    const second = await launch("Dead Letter Two");
    await untilDead();
    expect([await statusOf(first.id), await statusOf(second.id)]).toEqual(["dead", "dead"]);
    expect(reports()).toHaveLength(1);
    const report = String(reports()[0]?.args.text);
    expect(report).toContain("a new campaign's announcement");
    expect(report).toContain(`<#${SALES_CHANNEL}>`);
    expect(report).toContain("Slack could not be reached or kept failing");
    // Nothing of the subject itself: the report names what kind of message, not what it said.
    expect(report).not.toContain("Dead Letter");

    const third = await launch("Dead Letter Three");
    await untilDead();
    expect(await statusOf(third.id)).toBe("dead");
    expect(reports()).toHaveLength(2);
    expect(String(reports()[1]?.args.text)).toContain("a new campaign's announcement");
  });

  it("reports in the hourly catch-up what no report listed: a letter whose process stopped, one after the hour's report", async () => {
    // As a process that stopped right after dead-lettering leaves it: settled dead, nobody told.
    const leftDead = async (name: string) => {
      const campaign = await launch(name);
      await app.db.outboxEffect.updateMany({
        where: { teamId: TEAM, subjectId: campaign.id },
        data: { status: "dead", settledAt: app.clock.now(), claimedUntil: null, lastError: "internal_error" },
      });
    };
    app.clock.advance(60 * MINUTE);
    const before = reports().length;
    await leftDead("Dead Letter Four");
    // Two replicas' catch-ups at once: one report between them.
    await Promise.all([app.baton.jobs.deadLetterReports?.run(), app.baton.jobs.deadLetterReports?.run()]);
    expect(reports()).toHaveLength(before + 1);
    expect(String(reports().at(-1)?.args.text)).toContain("a new campaign's announcement");

    // Dead in the hour that already had its report: listed by the next hour's catch-up, and only once.
    await leftDead("Dead Letter Five");
    await app.baton.jobs.deadLetterReports?.run();
    expect(reports()).toHaveLength(before + 1);
    app.clock.advance(60 * MINUTE);
    await app.baton.jobs.deadLetterReports?.run();
    expect(reports()).toHaveLength(before + 2);
    app.clock.advance(60 * MINUTE);
    await app.baton.jobs.deadLetterReports?.run();
    expect(reports()).toHaveLength(before + 2);
  });
});
