// Baton reuses funnel figures it has already counted; nobody may see figures that miss a change they made.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamFunnelSection } from "../../src/slack/blocks/funnel.js";
import { TestClock } from "../helpers/clock.js";
import { logLead, startReplicas } from "../helpers/leads.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { FunnelData } from "./fixtures.js";
import { buildKnownWeek, NOW, ZONE } from "./known-week.js";

const TEAM = "T0FRESH001";
const USER = "U0FRESH001";
const as = { teamId: TEAM, userId: USER, channelId: "C0FRESH001" };

describe("funnel figures Baton has counted before", () => {
  let app: TestApp;
  let replicas: TestApp[];

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock(NOW) });
    await buildKnownWeek(new FunnelData(app.db, TEAM, ZONE));
    replicas = await startReplicas(app, 1);
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await app.stop();
  });

  async function newLeadsThisWeek(on: TestApp): Promise<number> {
    const id = randomUUID();
    await on.requests.command("/funnel", "", as, { response_url: on.slack.responseUrl(id) });
    const { body } = await on.slack.waitForResponse((post) => post.id === id);
    const found = /(\d+) new leads?\b/.exec(body.text as string);
    expect(found).not.toBeNull();
    return Number(found?.[1]);
  }

  it("answers the same question twice alike, and counts a lead logged in between", async () => {
    const before = await newLeadsThisWeek(app);
    expect(await newLeadsThisWeek(app)).toBe(before);
    await logLead(app, { email: "fresh.one@acme.com", name: "Fresh One" }, as);
    app.clock.advanceMinutes(1); // "this week so far" ends at now: a lead logged at this very instant is not in it yet
    expect(await newLeadsThisWeek(app)).toBe(before + 1);
  });

  it("counts a lead logged on another replica (PostgreSQL) the next time it is asked", async () => {
    const other = replicas[0] ?? app;
    const before = await newLeadsThisWeek(app);
    await logLead(other, { email: "fresh.two@acme.com", name: "Fresh Two" }, as);
    app.clock.advanceMinutes(1);
    expect(await newLeadsThisWeek(app)).toBe(before + 1);
    expect(await newLeadsThisWeek(other)).toBe(before + 1);
  });

  it("says in the App Home's team funnel when a week under way was counted", async () => {
    const report = await app.baton.services.funnel.report(TEAM, "");
    const context = JSON.stringify(teamFunnelSection(report).at(-1));
    expect(context).toContain(`as of <!date^${Math.floor(report.period.end.getTime() / 1000)}^{time}`);
    const lastWeek = await app.baton.services.funnel.report(TEAM, "last week");
    expect(JSON.stringify(teamFunnelSection(lastWeek))).not.toContain("as of");
  });
});
