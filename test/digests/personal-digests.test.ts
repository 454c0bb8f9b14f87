// Personal digests by DM: /funnel subscribe and unsubscribe, and the weekly DMs they bring, once each.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunnelData } from "../funnel/fixtures.js";
import { buildKnownWeek, ZONE } from "../funnel/known-week.js";
import { TestClock } from "../helpers/clock.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { postsIn } from "./digest-helpers.js";

const TEAM = "T0SUBS0001";
const REP = "U0REP00001"; // owns L1, was assigned L1, L2 and the waiting L4 (known-week.ts)
const OWNER = "U0OWNER001";
const IDLE = "U0IDLE0001";
const MONDAY_9AM = Date.parse("2026-11-23T14:00:00Z");

describe("personal digests", () => {
  let app: TestApp;
  let data: FunnelData;
  const clock = new TestClock(new Date(MONDAY_9AM - 3_600_000));

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { SALES_CHANNEL_ID: "", MARKETING_CHANNEL_ID: "" } });
    data = new FunnelData(app.db, TEAM, ZONE);
    await buildKnownWeek(data);
  });
  afterAll(async () => {
    await app.stop();
  });

  async function funnel(text: string, userId: string) {
    const id = randomUUID();
    await app.requests.command("/funnel", text, { teamId: TEAM, userId }, { response_url: app.slack.responseUrl(id) });
    return (await app.slack.waitForResponse((post) => post.id === id)).body;
  }

  it("subscribes a rep to their handoffs, once however often they ask", async () => {
    const replies = await Promise.all([funnel("subscribe mine", REP), funnel("subscribe mine", REP)]);
    expect(replies.map((r) => r.text).sort()).toEqual([
      "Subscribed: you'll get your handoffs and leads by DM, weekly (09:00 in the workspace's time zone). /funnel unsubscribe stops it.",
      "Updated: you'll get your handoffs and leads by DM, weekly (09:00 in the workspace's time zone). /funnel unsubscribe stops it.",
    ]);
    expect(await app.db.subscription.findMany({ where: { teamId: TEAM, userId: REP } })).toMatchObject([
      { kind: "my_handoffs", campaignId: "", period: "weekly" },
    ]);
  });

  it("subscribes a campaign owner to their campaign, and explains what it cannot read", async () => {
    expect((await funnel("subscribe campaign spring webinar", OWNER)).text).toContain(
      "Subscribed: you'll get the Spring webinar campaign by DM, weekly",
    );
    expect((await funnel("subscribe campaign Nope", OWNER)).text).toContain("There is no campaign called “Nope”");
    expect((await funnel("subscribe everything", OWNER)).text).toContain("I can't tell what to subscribe you to");
    await funnel("subscribe mine", IDLE);
    expect(await app.db.subscription.count({ where: { teamId: TEAM } })).toBe(3);
  });

  it("sends each subscriber their digest once on Monday at 09:00 in the workspace's zone, and nothing to someone with nothing", async () => {
    clock.set(new Date(MONDAY_9AM + 20_000));
    await app.baton.jobs.digests?.run();
    await app.baton.jobs.digests?.run();
    const repDms = postsIn(app.slack, REP);
    expect(repDms).toHaveLength(1);
    const rep = JSON.stringify(repDms[0]?.blocks);
    expect(rep).toContain("Your handoffs · Week of Nov 16, 2026");
    expect(rep).toContain("*1* handoff waiting for you (*1* overdue)");
    expect(rep).toContain("You decided *2* handoffs: 2 accepted (100%), 0 rejected; 100% within the SLA; median speed to lead 1 h.");
    expect(rep).toContain("*Your leads now*: Won 1");
    const ownerDms = postsIn(app.slack, OWNER);
    expect(ownerDms).toHaveLength(1);
    expect(ownerDms[0]?.text).toContain("4 new leads, 4 MQLs, 3 SQLs, 1 won ($10,000)");
    expect(JSON.stringify(ownerDms[0]?.blocks)).toContain("Spring webinar · Funnel · Week of Nov 16, 2026");
    expect(postsIn(app.slack, IDLE)).toHaveLength(0);
    const run = await app.db.jobRun.findFirst({ where: { kind: "subscriptions", teamId: TEAM }, include: { deliveries: true } });
    expect(run).toMatchObject({ key: `subscriptions:${TEAM}:weekly:2026-11-23T14:00:00.000Z`, status: "done" });
    expect(run?.deliveries.map((d) => d.status).sort()).toEqual(["posted", "posted", "skipped"]);
  });

  it("stops one subscription, then all", async () => {
    expect((await funnel("unsubscribe mine", REP)).text).toBe("Done: 1 subscription stopped.");
    expect((await funnel("unsubscribe mine", REP)).text).toBe("You had no such subscription.");
    const known = await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, nameKey: "spring webinar" } });
    await data.lead({ created: "2026-11-24T09:00", campaignId: known.id });
    clock.set(new Date(MONDAY_9AM + 7 * 86_400_000 + 20_000));
    await app.baton.jobs.digests?.run();
    expect(postsIn(app.slack, REP)).toHaveLength(1);
    expect(postsIn(app.slack, OWNER)).toHaveLength(2);
    expect(postsIn(app.slack, OWNER)[1]?.text).toContain("Funnel for Week of Nov 23, 2026: 1 new lead, ");
    expect((await funnel("unsubscribe", OWNER)).text).toBe("Done: 1 subscription stopped.");
    expect(await app.db.subscription.count({ where: { teamId: TEAM, userId: OWNER } })).toBe(0);
  });
});
