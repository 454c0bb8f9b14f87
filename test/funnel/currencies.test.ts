// Money stays in its currency (no exchange rates): every total shows each currency apart, Top campaigns ranks
// within the workspace's currency and lists campaigns whose money is in other currencies after it, and a return
// on spend built from part of the money says why it has no figure. Through the real app, what Slack was asked to
// show; every amount worked out by hand in the comments.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { FunnelData } from "./fixtures.js";

const TEAM = "T0MONEY001";
const USER = "U0MONEY001";
const as = { teamId: TEAM, userId: USER, channelId: "C0MONEY001" };
const blocksOf = (body: { blocks?: unknown[] }) => JSON.stringify(body.blocks ?? []);

describe("money in several currencies, a USD workspace", () => {
  let app: TestApp;

  async function command(name: string, text: string) {
    const id = randomUUID();
    await app.requests.command(name, text, as, { response_url: app.slack.responseUrl(id) });
    return (await app.slack.waitForResponse((post) => post.id === id)).body;
  }

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock("2026-11-23T15:00:00Z") }); // "last week": Nov 16-22, UTC
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
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("shows the revenue won in each currency apart, each with its own arrow", async () => {
    const body = await command("/funnel", "last week");
    expect(blocksOf(body)).toContain(
      "*Won (3)*: $4,000 + €5,000 + ¥3,000,000\\n+$4,000 vs last week · +€5,000 vs last week · +¥3,000,000 vs last week",
    );
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
        "3. *Berlin Summit*: 1 lead · 0 SQLs · 1 won · €5,000 · $1,000/lead · return on spend — (revenue in other currencies)",
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
    expect(berlin).toContain("*Return on spend*\\n— (revenue in other currencies)");
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
