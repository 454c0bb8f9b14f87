// Money in three currencies (USD, EUR, JPY), without and with exchange rates. Without: every total shows each
// currency apart, Top campaigns ranks within the workspace's currency and lists campaigns whose money is in other
// currencies after it, and a return on spend built from part of the money says why it has no figure. With rates
// (set through /baton settings): totals, rankings, return on spend and the scorecard are converted and say so.
// Through the real app, what Slack was asked to show; every amount worked out by hand in the comments.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { FunnelData } from "./fixtures.js";

const TEAM = "T0MONEY001";
const USER = "U0MONEY001";
const as = { teamId: TEAM, userId: USER, channelId: "C0MONEY001" };
const blocksOf = (body: { blocks?: unknown[] }) => JSON.stringify(body.blocks ?? []);

/** Boston Breakfast, Tokyo Fair, Berlin Summit and Quiet Webinar: one lead each, in the week of Nov 16. */
async function seed(app: TestApp): Promise<void> {
  const data = new FunnelData(app.db, TEAM, "UTC");
  await data.workspace({ currency: "USD" });
  // Boston Breakfast: $2,000 spent, $4,000 won. Tokyo Fair: ¥1,000,000 spent, ¥3,000,000 won.
  // Berlin Summit: $1,000 spent, only €5,000 won. Quiet Webinar: $500 spent, nothing won.
  const boston = await data.campaign("Boston Breakfast", 200_000, "USD");
  const tokyo = await data.campaign("Tokyo Fair", 1_000_000, "JPY");
  const berlin = await data.campaign("Berlin Summit", 100_000, "USD");
  const quiet = await data.campaign("Quiet Webinar", 50_000, "USD");
  const won = (campaignId: string, wonCents: number, currency: string, sql: boolean) =>
    data.lead({
      created: "2026-11-16T10:00",
      campaignId,
      moves: sql
        ? [
            ["mql", "2026-11-16T11:00"],
            ["sql", "2026-11-17T11:00"],
            ["won", "2026-11-19T11:00"],
          ]
        : [
            ["mql", "2026-11-16T11:00"],
            ["won", "2026-11-19T11:00"],
          ],
      wonCents,
      currency,
    });
  await won(boston, 400_000, "USD", true);
  await won(tokyo, 3_000_000, "JPY", true);
  await won(berlin, 500_000, "EUR", false);
  await data.lead({
    created: "2026-11-16T10:00",
    campaignId: quiet,
    moves: [
      ["mql", "2026-11-16T11:00"],
      ["sql", "2026-11-17T11:00"],
    ],
  });
}

describe("money in several currencies, a USD workspace", () => {
  let app: TestApp;

  async function command(name: string, text: string) {
    const id = randomUUID();
    await app.requests.command(name, text, as, { response_url: app.slack.responseUrl(id) });
    return (await app.slack.waitForResponse((post) => post.id === id)).body;
  }

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock("2026-11-23T15:00:00Z") }); // "last week": Nov 16-22, UTC
    await seed(app);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("shows the revenue won in each currency apart, each with its own arrow", async () => {
    const body = await command("/funnel", "last week");
    expect(blocksOf(body)).toContain("*Won (3)*: $4,000 + €5,000 + ¥3,000,000\\n+$4,000 · +€5,000 · +¥3,000,000 vs last week");
    expect(body.text).toContain("3 won ($4,000 + €5,000 + ¥3,000,000)");
  });

  it("ranks Top campaigns by dollars, then lists those that won other currencies, then the rest", async () => {
    const blocks = blocksOf(await command("/funnel", "last week"));
    // Adding ¥ to $ would have put Tokyo (3,000,000) and Berlin (500,000) above Boston (400,000 cents).
    expect(blocks).toContain(
      [
        "*Top campaigns*",
        "1. *Boston Breakfast*: 1 lead · 1 SQL · 1 won · $4,000 · $2,000/lead · 2× spend",
        // Tokyo before Berlin: no amounts to compare across currencies, so by SQLs (1 against 0).
        "2. *Tokyo Fair*: 1 lead · 1 SQL · 1 won · ¥3,000,000 · ¥1,000,000/lead · 3× spend",
        "3. *Berlin Summit*: 1 lead · 0 SQLs · 1 won · €5,000 · $1,000/lead · return on spend — (revenue in other currencies, no exchange rate set)",
        // Three at most in a digest; the rest are counted.
        "_…and 1 more campaign with activity_",
      ].join("\\n"),
    );
  });

  it("shows the scorecard's marketing revenue in every currency, with each currency's trend", async () => {
    const blocks = blocksOf(await command("/funnel", "scorecard last week"));
    expect(blocks).toContain(
      "*Marketing-sourced revenue*: $4,000 + €5,000 + ¥3,000,000 · _last 4: $0, $0, $0, $4,000; €0, €0, €0, €5,000; ¥0, ¥0, ¥0, ¥3,000,000_",
    );
  });

  it("gives the card a return on spend only when revenue and budget share a currency", async () => {
    const berlin = blocksOf(await command("/campaign", "Berlin Summit"));
    expect(berlin).toContain("*Revenue*\\n$0.00 + €5,000.00");
    expect(berlin).toContain("*Return on spend*\\n— (revenue in other currencies, no exchange rate set)");
    const tokyo = blocksOf(await command("/campaign", "Tokyo Fair"));
    expect(tokyo).toContain("*Revenue*\\n¥3,000,000");
    expect(tokyo).toContain("*Return on spend*\\n3×");
    const quiet = blocksOf(await command("/campaign", "Quiet Webinar"));
    expect(quiet).toContain("*Return on spend*\\n0×");
  });

  it("lists the other currencies in /campaign list as the card does", async () => {
    const list = blocksOf(await command("/campaign", "list"));
    expect(list).toContain("1 leads · 0 SQLs · 1 won · $0.00 + €5,000.00");
    expect(list).toContain("1 leads · 1 SQLs · 1 won · ¥3,000,000");
    expect(list).toContain("1 leads · 1 SQLs · 1 won · $4,000.00");
  });
});

describe("money in several currencies, a USD workspace with exchange rates", () => {
  let app: TestApp;

  async function command(name: string, text: string) {
    const id = randomUUID();
    await app.requests.command(name, text, as, { response_url: app.slack.responseUrl(id) });
    return (await app.slack.waitForResponse((post) => post.id === id)).body;
  }

  async function setRates(rates: Record<string, string>) {
    const values = Object.fromEntries(Object.entries(rates).map(([code, rate]) => [`rate_${code}`, { value: input.text(rate) }]));
    const reply = await app.requests.viewSubmission({ callbackId: "settings_exchange_rates", values }, as);
    expect(reply.body).toBeFalsy();
  }

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock("2026-11-23T15:00:00Z") });
    app.slack.setUser({ id: USER, is_admin: true });
    await seed(app);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("with a rate for euros only: yen stay apart, so totals stay apart; Berlin's euros rank as dollars", async () => {
    await setRates({ EUR: "1.08", JPY: "" });
    const body = await command("/funnel", "last week");
    const blocks = blocksOf(body);
    // The total holds yen without a rate: nothing is added up, nothing left out.
    expect(blocks).toContain("*Won (3)*: $4,000 + €5,000 + ¥3,000,000\\n+$4,000 · +€5,000 · +¥3,000,000 vs last week");
    // Berlin: €5,000 × 1.08 = $5,400, more than Boston's $4,000; Tokyo won only yen: after those in dollars.
    // Berlin's return on spend: $5,400 / $1,000 = 5.4.
    expect(blocks).toContain(
      [
        "*Top campaigns*",
        "1. *Berlin Summit*: 1 lead · 0 SQLs · 1 won · $5,400 · $1,000/lead · 5.4× spend",
        "2. *Boston Breakfast*: 1 lead · 1 SQL · 1 won · $4,000 · $2,000/lead · 2× spend",
        "3. *Tokyo Fair*: 1 lead · 1 SQL · 1 won · ¥3,000,000 · ¥1,000,000/lead · 3× spend",
        "_…and 1 more campaign with activity_",
        "_Revenue converted at the rates set on Nov 23, 2026_",
      ].join("\\n"),
    );
  });

  it("with a rate for every currency: the total, ranking and return on spend are in dollars, and say so", async () => {
    await setRates({ EUR: "1.08", JPY: "0.0067" });
    const body = await command("/funnel", "last week");
    const blocks = blocksOf(body);
    // $4,000 + €5,000 × 1.08 ($5,400) + ¥3,000,000 × 0.0067 ($20,100) = $29,500.
    expect(blocks).toContain("*Won (3)*: $29,500\\n_converted at the rates set on Nov 23, 2026_\\n+$29,500 vs last week");
    expect(body.text).toContain("3 won ($29,500)");
    // Tokyo $20,100 > Berlin $5,400 > Boston $4,000 > Quiet $0. Tokyo's return on spend is yen over yen: 3.
    expect(blocks).toContain(
      [
        "*Top campaigns*",
        "1. *Tokyo Fair*: 1 lead · 1 SQL · 1 won · $20,100 · ¥1,000,000/lead · 3× spend",
        "2. *Berlin Summit*: 1 lead · 0 SQLs · 1 won · $5,400 · $1,000/lead · 5.4× spend",
        "3. *Boston Breakfast*: 1 lead · 1 SQL · 1 won · $4,000 · $2,000/lead · 2× spend",
        "_…and 1 more campaign with activity_",
        "_Revenue converted at the rates set on Nov 23, 2026_",
      ].join("\\n"),
    );
  });

  it("converts the scorecard's marketing revenue into one trend in dollars", async () => {
    const blocks = blocksOf(await command("/funnel", "scorecard last week"));
    expect(blocks).toContain("*Marketing-sourced revenue*: $29,500, converted at the rates set on Nov 23, 2026");
    expect(blocks).toContain("_last 4: $0, $0, $0, $29,500_");
  });

  it("gives the card its revenue in dollars beside the amounts as won, and a return on spend", async () => {
    const berlin = blocksOf(await command("/campaign", "Berlin Summit"));
    expect(berlin).toContain("*Revenue*\\n$5,400.00 (€5,000.00)");
    expect(berlin).toContain("*Return on spend*\\n5.4×");
    expect(berlin).toContain("Revenue converted at the rates set on Nov 23, 2026.");
    const tokyo = blocksOf(await command("/campaign", "Tokyo Fair"));
    expect(tokyo).toContain("*Revenue*\\n$20,100.00 (¥3,000,000)");
    expect(tokyo).toContain("*Return on spend*\\n3×");
    // All in dollars: nothing converted, nothing said.
    const boston = blocksOf(await command("/campaign", "Boston Breakfast"));
    expect(boston).toContain("*Revenue*\\n$4,000.00");
    expect(boston).not.toContain("converted at");
  });

  it("shows /campaign list's revenue as the card does, saying once that it was converted", async () => {
    const list = blocksOf(await command("/campaign", "list"));
    expect(list).toContain("1 leads · 0 SQLs · 1 won · $5,400.00 (€5,000.00)");
    expect(list).toContain("1 leads · 1 SQLs · 1 won · $20,100.00 (¥3,000,000)");
    expect(list).toContain("1 leads · 1 SQLs · 1 won · $4,000.00");
    expect(list).toContain("Revenue converted at the rates set on Nov 23, 2026.");
  });
});
