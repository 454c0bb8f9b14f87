import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { addHandoff, addLead } from "./dataset.js";

const TEAM = "T0CCARD001";
const OTHER = "T0CCARD002";
const MARKETER = "U0CARDMKT1";

/** The card's fields as label -> value ("*Leads*\n8" -> Leads: "8"). */
function cardFields(message: Record<string, any>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const block of message.blocks) {
    for (const field of block.fields ?? []) {
      const [label = "", ...value] = String(field.text).split("\n");
      fields[label.replaceAll("*", "")] = value.join("\n");
    }
  }
  return fields;
}

describe("the campaign card and its live results", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    const db = app.db;
    for (const teamId of [TEAM, OTHER]) await db.workspace.create({ data: { teamId } });
    const campaign = (id: string, teamId: string, name: string, extra: Record<string, unknown> = {}) =>
      db.campaign.create({
        data: {
          id,
          teamId,
          name,
          nameKey: name.toLowerCase(),
          channel: "webinar",
          trackingCode: id.replaceAll("_", "-"),
          createdById: MARKETER,
          ownerId: MARKETER,
          startsOn: new Date("2026-11-01T00:00:00Z"),
          endsOn: new Date("2026-12-15T00:00:00Z"),
          ...extra,
        },
      });
    await campaign("camp_webinar", TEAM, "Webinar Q4", { budgetCents: 300_000, currency: "USD", promotion: "Hand off leads in seconds" });
    await campaign("camp_search", TEAM, "Paid search", { channel: "paid_search" });
    await campaign("camp_theirs", OTHER, "Webinar Q4", { budgetCents: 100, currency: "USD" });

    const lead = (
      email: string,
      campaignId: string | null,
      createdAt: string,
      steps: Parameters<typeof addLead>[1]["steps"] = [],
      teamId = TEAM,
    ) => addLead(db, { teamId, email, campaignId, createdAt, steps });
    const W = "camp_webinar";
    const l1 = await lead("l1@a.com", W, "2026-11-02T10:00:00Z", [
      { to: "mql", at: "2026-11-03T10:00:00Z" },
      { to: "sql", at: "2026-11-05T10:00:00Z" },
      { to: "won", at: "2026-11-20T10:00:00Z", valueCents: 1_200_000, currency: "USD" },
    ]);
    const l2 = await lead("l2@a.com", W, "2026-11-02T11:00:00Z", [
      { to: "mql", at: "2026-11-03T11:00:00Z" },
      { to: "sql", at: "2026-11-06T11:00:00Z" },
      { to: "opportunity", at: "2026-11-07T11:00:00Z" },
      { to: "won", at: "2026-11-08T11:00:00Z", valueCents: 500_000, currency: "EUR" },
    ]);
    const l3 = await lead("l3@a.com", W, "2026-11-03T10:00:00Z", [
      { to: "mql", at: "2026-11-04T10:00:00Z" },
      { to: "sql", at: "2026-11-11T10:00:00Z" },
      { to: "lost", at: "2026-11-12T10:00:00Z", reason: "chose a competitor" },
    ]);
    const l4 = await lead("l4@a.com", W, "2026-11-03T11:00:00Z", [
      { to: "mql", at: "2026-11-04T11:00:00Z" },
      { to: "nurture", at: "2026-11-05T11:00:00Z", reason: "no_budget" },
    ]);
    const l5 = await lead("l5@a.com", W, "2026-11-04T10:00:00Z", [
      { to: "mql", at: "2026-11-04T12:00:00Z" },
      { to: "nurture", at: "2026-11-06T10:00:00Z", reason: "not_a_fit" },
      { to: "mql", at: "2026-11-15T10:00:00Z" },
      { to: "nurture", at: "2026-11-16T10:00:00Z", reason: "not_a_fit" },
    ]);
    const l6 = await lead("l6@a.com", W, "2026-11-04T11:00:00Z", [{ to: "mql", at: "2026-11-14T10:00:00Z" }]);
    const l7 = await lead("l7@a.com", W, "2026-11-12T10:00:00Z");
    await lead("l8@a.com", W, "2026-11-12T11:00:00Z");
    const s1 = await lead("s1@a.com", "camp_search", "2026-11-05T10:00:00Z", [
      { to: "mql", at: "2026-11-06T10:00:00Z" },
      { to: "sql", at: "2026-11-07T10:00:00Z" },
    ]);
    await lead("none@a.com", null, "2026-11-05T10:00:00Z", [
      { to: "mql", at: "2026-11-06T10:00:00Z" },
      { to: "sql", at: "2026-11-07T10:00:00Z" },
      { to: "won", at: "2026-11-08T10:00:00Z", valueCents: 999_900, currency: "USD" },
    ]);
    const theirs = await lead(
      "t1@b.com",
      "camp_theirs",
      "2026-11-05T10:00:00Z",
      [
        { to: "mql", at: "2026-11-06T10:00:00Z" },
        { to: "sql", at: "2026-11-07T10:00:00Z" },
        { to: "won", at: "2026-11-08T10:00:00Z", valueCents: 5_000_000, currency: "USD" },
      ],
      OTHER,
    );

    const decided = (leadId: string, status: "accepted" | "rejected" | "cancelled", at: string, rejectReason?: string, teamId = TEAM) =>
      addHandoff(db, {
        teamId,
        leadId,
        status,
        handedOffAt: "2026-11-03T09:00:00Z",
        decidedAt: at,
        ...(rejectReason ? { rejectReason } : {}),
      });
    await decided(l1, "accepted", "2026-11-04T10:00:00Z");
    await decided(l2, "accepted", "2026-11-06T10:00:00Z");
    await decided(l3, "accepted", "2026-11-11T10:00:00Z");
    await decided(l4, "rejected", "2026-11-05T11:00:00Z", "no_budget");
    await decided(l5, "rejected", "2026-11-06T10:00:00Z", "not_a_fit");
    await decided(l5, "rejected", "2026-11-16T10:00:00Z", "not_a_fit");
    await decided(l7, "cancelled", "2026-11-13T10:00:00Z");
    await addHandoff(db, { teamId: TEAM, leadId: l6, status: "pending", handedOffAt: "2026-11-14T10:00:00Z" });
    await decided(s1, "accepted", "2026-11-07T10:00:00Z");
    await decided(theirs, "rejected", "2026-11-07T10:00:00Z", "duplicate", OTHER);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  async function cardOf(text: string, teamId = TEAM, userId = MARKETER) {
    await app.requests.command("/campaign", text, { teamId, userId });
    return (await app.slack.waitForResponse()).body;
  }

  it("shows every figure of a campaign computed from its leads and handoffs (hand-checked)", async () => {
    const card = await cardOf("webinar q4");
    expect(card.response_type).toBe("ephemeral");
    expect(card.blocks[0].text.text).toBe("Webinar Q4");
    const fields = cardFields(card);
    expect(fields).toMatchObject({
      // l1..l8
      Leads: "8",
      // l1..l6 reached MQL; l5 twice, counted once
      MQLs: "6",
      // l1, l2, l3
      SQLs: "3",
      // l1 ($12,000) and l2 (€5,000, shown apart, never converted)
      "Won deals": "2",
      Revenue: "$12,000.00 + €5,000.00",
      // $12,000 + €5,000 against $3,000: dividing the dollars alone would leave the euros out
      "Return on spend": "— (revenue in other currencies, no exchange rate set)",
      // $3,000 / 8 leads, $3,000 / 3 SQLs
      "Cost per lead": "$375.00",
      "Cost per SQL": "$1,000.00",
      // accepted l1 l2 l3; rejected l4, l5 twice; cancelled and pending handoffs don't count
      "Sales acceptance rate": "50% (3 of 6 decided)",
      Budget: "$3,000.00",
      Promotion: "Hand off leads in seconds",
      Owner: `<@${MARKETER}>`,
    });
    expect(JSON.stringify(card.blocks)).toContain("*Top rejection reasons*\\nNot a fit (2) · No budget (1)");
    expect(card.text).toContain("8 leads, 6 MQLs, 3 SQLs, 2 won");
  });

  it("shows dashes, not made-up numbers, for a campaign without budget", async () => {
    const fields = cardFields(await cardOf("Paid search"));
    expect(fields).toMatchObject({
      Leads: "1",
      MQLs: "1",
      SQLs: "1",
      "Won deals": "0",
      Revenue: "$0.00",
      Budget: "—",
      "Return on spend": "—",
      "Cost per lead": "—",
      "Cost per SQL": "—",
      "Sales acceptance rate": "100% (1 of 1 decided)",
    });
  });

  it("computes the figures for a period by the funnel's cohort rule, for the digests", async () => {
    const [results] = await app.baton.services.campaigns.results(TEAM, {
      campaignIds: ["camp_webinar"],
      from: new Date("2026-11-10T00:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
    });
    expect(results).toEqual({
      campaignId: "camp_webinar",
      name: "Webinar Q4",
      currency: "USD",
      budgetCents: 300_000,
      leads: 2, // l7, l8 created in the period
      mqls: 2, // l6 (Nov 14) and l5 again (Nov 15)
      sqls: 1, // l3 (Nov 11)
      wonDeals: 1, // l1 (Nov 20); l2 was won on Nov 8
      revenueCents: 1_200_000,
      otherRevenue: [],
      convertedRevenue: null,
      convertedAt: null,
      costPerLeadCents: 150_000,
      costPerSqlCents: 300_000,
      returnOnSpend: 4,
      returnOnSpendGap: null,
      accepted: 1, // l3 on Nov 11
      rejected: 1, // l5 on Nov 16
      acceptanceRate: 0.5,
      topRejectionReasons: [{ reason: "not_a_fit", count: 1 }],
    });
  });

  it("includes the start of a period and excludes its end, to the millisecond", async () => {
    const wonAt = new Date("2026-11-20T10:00:00Z");
    const at = async (from: Date, to: Date) =>
      (await app.baton.services.campaigns.results(TEAM, { campaignIds: ["camp_webinar"], from, to }))[0]?.wonDeals;
    expect(await at(wonAt, new Date(wonAt.getTime() + 1))).toBe(1);
    expect(await at(new Date(wonAt.getTime() - 1), wonAt)).toBe(0);
  });

  it("returns one row per campaign of the workspace, including those without leads, and none of another's", async () => {
    const all = await app.baton.services.campaigns.results(TEAM);
    expect(all.map((r) => r.campaignId).sort()).toEqual(["camp_search", "camp_webinar"]);
    expect(await app.baton.services.campaigns.results(TEAM, { campaignIds: ["camp_theirs"] })).toEqual([]);
    const [theirs] = await app.baton.services.campaigns.results(OTHER);
    expect(theirs).toMatchObject({ leads: 1, wonDeals: 1, revenueCents: 5_000_000, rejected: 1 });
  });

  it("finds a campaign by its tracking code, and suggests campaigns whose name contains the text", async () => {
    expect((await cardOf("camp-search")).blocks[0].text.text).toBe("Paid search");
    app.slack.reset();
    const matches = await cardOf("q4");
    expect(matches.blocks[0].text.text).toContain("No campaign is called “q4”");
    expect(matches.blocks[1].accessory).toMatchObject({ action_id: "campaign_open", value: "camp_webinar" });
    app.slack.reset();
    expect((await cardOf("nothing like it")).text).toContain("No campaign is called “nothing like it”");
  });

  it("offers Edit and End only to the campaign's owner or an admin", async () => {
    const actionsOf = (card: any) => card.blocks.find((b: any) => b.type === "actions")?.elements.map((e: any) => e.action_id);
    expect(actionsOf(await cardOf("Webinar Q4"))).toEqual(["campaign_edit", "campaign_end"]);
    app.slack.reset();
    expect(actionsOf(await cardOf("Webinar Q4", TEAM, "U0SOMEONE1"))).toBeUndefined();
    app.slack.reset();
    app.slack.setUser({ id: "U0CARDADM1", is_admin: true });
    expect(actionsOf(await cardOf("Webinar Q4", TEAM, "U0CARDADM1"))).toEqual(["campaign_edit", "campaign_end"]);
  });
});
