// Campaigns through the domain's use cases on a real database: logging, announcing, editing, ending, results.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SALES_CHANNEL } from "../helpers/channels.js";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const MARKETER = "U0CAMPMKT1";
const ADMIN = "U0CAMPADM1";
const REP = "U0CAMPREP1";

const spring = (overrides: Record<string, unknown> = {}) => ({
  name: "Spring Launch",
  channel: "webinar",
  product: "Baton Pro",
  budget: "1,000.00",
  currency: "USD",
  startsOn: "2026-12-01",
  endsOn: "2026-12-31",
  ...overrides,
});

describe("campaigns", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.resetFakes());

  it("logs a campaign with a tracking code of its own, and refuses the same name in another case", async () => {
    const team = "T0FCAMP001";
    await t.workspace(team);
    const { campaign } = await t.services.campaigns.create(team, MARKETER, spring());
    expect(campaign).toMatchObject({ name: "Spring Launch", trackingCode: "spring-launch", budgetCents: 100_000, ownerId: MARKETER });
    await expect(t.services.campaigns.create(team, MARKETER, spring({ name: "spring  LAUNCH" }))).rejects.toMatchObject({
      code: "invalid_input",
      fields: { name: expect.stringContaining("There's already a campaign called “Spring Launch”") },
    });
    expect(await t.db.campaign.count({ where: { teamId: team } })).toBe(1);
  });

  it("announces a new campaign in the sales channel once, with what it promises, and reports a channel Slack refused", async () => {
    const team = "T0FCAMP002";
    await t.workspace(team);
    const { campaign, announcement } = await t.services.campaigns.create(team, MARKETER, spring());
    expect(await t.services.campaigns.announceLaunch(announcement)).toEqual({
      deliveries: [{ channelId: SALES_CHANNEL, ok: true }],
      notConfigured: [],
    });
    expect(t.announcer.argsOf("campaignLaunched").map(([, channel, announced]) => [channel, announced.name, announced.product])).toEqual([
      [SALES_CHANNEL, "Spring Launch", "Baton Pro"],
    ]);
    await t.services.outbox.settled();
    expect(await t.db.outboxEffect.findFirstOrThrow({ where: { subjectId: campaign.id } })).toMatchObject({ status: "delivered" });
    t.announcer.refuse(SALES_CHANNEL, "not_in_channel");
    const { campaign: next, announcement: nextAnnouncement } = await t.services.campaigns.create(team, MARKETER, {
      ...spring(),
      name: "Summer Launch",
    });
    const refused = await t.services.campaigns.announceLaunch(nextAnnouncement);
    expect(refused.deliveries).toEqual([{ channelId: SALES_CHANNEL, ok: false, error: "not_in_channel" }]);
    await t.services.outbox.settled();
    expect(await t.db.outboxEffect.findFirstOrThrow({ where: { subjectId: next.id } })).toMatchObject({
      status: "refused",
      lastError: "not_in_channel",
    });
  });

  it("saves an edit of the version the person opened, refuses a stale one, and lets only the owner or an admin edit", async () => {
    const team = "T0FCAMP003";
    await t.workspace(team);
    t.directory.addAdmins(team, ADMIN);
    const { campaign: opened } = await t.services.campaigns.create(team, MARKETER, spring());
    const edited = await t.services.campaigns.update(team, MARKETER, opened.id, spring({ budget: "2,500" }), opened.version);
    expect(edited).toMatchObject({ budgetCents: 250_000, trackingCode: "spring-launch" });
    await expect(t.services.campaigns.update(team, ADMIN, opened.id, spring({ budget: "1" }), opened.version)).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(t.services.campaigns.update(team, REP, opened.id, spring(), edited.version)).rejects.toMatchObject({ code: "forbidden" });
    await t.services.campaigns.update(team, ADMIN, opened.id, spring({ budget: "2,500", product: "Baton Team" }), edited.version);
    expect(await t.db.campaign.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({
      budgetCents: 250_000,
      product: "Baton Team",
    });
  });

  it("ends a running campaign once: a second click changes nothing", async () => {
    const team = "T0FCAMP004";
    await t.workspace(team);
    const { campaign } = await t.services.campaigns.create(team, MARKETER, spring({ startsOn: "2026-11-01" }));
    expect((await t.services.campaigns.end(team, MARKETER, campaign.id)).endedNow).toBe(true);
    expect((await t.services.campaigns.end(team, MARKETER, campaign.id)).endedNow).toBe(false);
  });

  it("counts its leads, MQLs, SQLs and sales' answers into results, with cost per lead and acceptance rate", async () => {
    const team = "T0FCAMP005";
    await t.workspace(team);
    const { campaign } = await t.services.campaigns.create(team, MARKETER, spring());
    const accepted = await t.logLead(team, { email: "yes@acme.com", campaignCode: "spring-launch" });
    const rejected = await t.logLead(team, { email: "no@acme.com", campaignId: campaign.id });
    await t.logLead(team, { email: "later@acme.com", campaignCode: "spring-launch" });
    await t.logLead(team, { email: "other@acme.com" });
    const first = await t.services.handoffs.handOff(team, accepted.id, MARKETER);
    const second = await t.services.handoffs.handOff(team, rejected.id, MARKETER);
    await t.services.handoffs.accept(team, first.card.handoffId, REP);
    await t.services.handoffs.reject(team, second.card.handoffId, REP, { reason: "not_a_fit" });
    const card = await t.services.campaigns.card(team, campaign.id, MARKETER);
    expect(card.canManage).toBe(true);
    expect(card.results).toMatchObject({
      leads: 3,
      mqls: 2,
      sqls: 1,
      accepted: 1,
      rejected: 1,
      acceptanceRate: 0.5,
      costPerLeadCents: 33_333,
      costPerSqlCents: 100_000,
      topRejectionReasons: [{ reason: "not_a_fit", count: 1 }],
    });
  });
});
