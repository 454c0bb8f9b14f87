// The same number everywhere: one workspace, campaigns in dollars, yen and euros, read from every surface that
// shows a figure (the /funnel reply, a /funnel post in a channel, the App Home, the campaign card, /campaign list
// and the CSV export), first without exchange rates, then with them. Each surface's figures are read back from
// what Slack was asked to show (or the file uploaded) and must equal the same figures, worked out by hand below.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { FunnelData } from "./fixtures.js";

const TEAM = "T0SAMENUM1";
const USER = "U0SAMENUM1";
const CHANNEL = "C0SAMENUM1";
const as = { teamId: TEAM, userId: USER, channelId: CHANNEL };
/** Thursday Nov 26, 2026: "this week" (the /funnel default and the Home's) runs from Monday Nov 23, in UTC. */
const NOW = "2026-11-26T15:00:00Z";
const CONVERTED = "converted at the rates set on Nov 26, 2026";

// The data, all in this week (so the card and list, which count everything so far, see the same leads):
// Boston Breakfast, $2,100 budget: B1 MQL → SQL → won $4,000; B2 MQL → SQL; B3 new.
// Tokyo Fair, ¥1,000,000 budget: T1 MQL → SQL → won ¥3,000,000; T2 MQL.
// Berlin Summit, €1,000 budget: E1 MQL → SQL → won €5,000; E2 MQL → SQL → won $1,080 (a dollar deal).
// N1: no campaign, new.
// Totals: 8 new (B1-3, T1-2, E1-2, N1); 6 MQLs (B1, B2, T1, T2, E1, E2); 5 SQLs (B1, B2, T1, E1, E2); 4 won
// (B1, T1, E1, E2); revenue $4,000 + $1,080 = $5,080, €5,000, ¥3,000,000, all from campaign leads.
// With 1 EUR = 1.08 USD and 1 JPY = 0.0067 USD: €5,000 = $5,400, ¥3,000,000 = $20,100; total $30,580.
// Per campaign, return on spend = revenue / budget:
// - Boston: $4,000 / $2,100 = 1.90 (both ways: it is all in dollars).
// - Tokyo: ¥3,000,000 / ¥1,000,000 = 3 (both ways: all in yen); with rates its revenue reads $20,100.
// - Berlin: without rates none (dollars and euros); with them ($5,400 + $1,080) / (€1,000 = $1,080) = 6.
async function seed(app: TestApp): Promise<void> {
  const data = new FunnelData(app.db, TEAM, "UTC");
  await data.workspace({ currency: "USD" });
  const boston = await data.campaign("Boston Breakfast", 210_000, "USD");
  const tokyo = await data.campaign("Tokyo Fair", 1_000_000, "JPY");
  const berlin = await data.campaign("Berlin Summit", 100_000, "EUR");
  const toWon = [
    ["mql", "2026-11-23T11:00"],
    ["sql", "2026-11-24T11:00"],
    ["won", "2026-11-25T11:00"],
  ] as const;
  const toSql = toWon.slice(0, 2);
  const lead = (campaignId: string | undefined, moves: readonly (readonly [string, string])[], wonCents?: number, currency?: string) =>
    data.lead({
      created: "2026-11-23T10:00",
      ...(campaignId ? { campaignId } : {}),
      moves: moves.map(([stage, at]) => [stage, at]) as never,
      ...(wonCents !== undefined && currency ? { wonCents, currency } : {}),
    });
  await lead(boston, toWon, 400_000, "USD");
  await lead(boston, toSql);
  await lead(boston, []);
  await lead(tokyo, toWon, 3_000_000, "JPY");
  await lead(tokyo, toWon.slice(0, 1));
  await lead(berlin, toWon, 500_000, "EUR");
  await lead(berlin, toWon, 108_000, "USD");
  await lead(undefined, []);
}

// ---- Reading what each surface showed ----

/** Every text in a message or view, one per line, as a person reads them. */
function textOf(value: unknown): string {
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [key, inner] of Object.entries(v)) {
        if (key === "text" && typeof inner === "string") texts.push(inner);
        else walk(inner);
      }
    }
  };
  walk(value);
  return texts.join("\n");
}

/** "$4,000.00", "€5,000", "¥3,000,000" -> "$4000", "€5000", "¥3000000": the same amount however it is written. */
const amount = (text: string) => text.trim().replace(/,/g, "").replace(/\.00$/, "");
/** "$1,080 + €5,000" -> ["$1080", "€5000"], sorted by code point ($, ¥, €), so the order a surface lists them in does not matter. */
const amounts = (text: string) => text.split(" + ").map(amount).sort();
const ratioOf = (text: string) => (text.startsWith("—") ? "—" : String(Number(text.replace(/×.*$/, ""))));

interface CampaignFigures {
  leads: number;
  sqls: number;
  won: number;
  revenue: string[];
  returnOnSpend?: string;
}

const match = (text: string, pattern: RegExp): string[] => {
  const found = pattern.exec(text);
  if (!found) throw new Error(`${pattern} not found in:\n${text}`);
  return found.slice(1).map((g) => g ?? "");
};
const literal = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A Top campaigns line: "1. *Berlin Summit*: 2 leads · 2 SQLs · 2 won · $6,480 · €500/lead · 6.0× spend". */
function topCampaign(text: string, name: string): CampaignFigures {
  const [leads, sqls, won, revenue, , ros] = match(
    text,
    new RegExp(
      `\\d+\\. \\*${literal(name)}\\*: (\\d+) leads? · (\\d+) SQLs? · (\\d+) won · (.+?) · (.+?)/lead · (?:return on spend )?(.+)`,
    ),
  );
  return { leads: Number(leads), sqls: Number(sqls), won: Number(won), revenue: amounts(revenue ?? ""), returnOnSpend: ratioOf(ros ?? "") };
}

/** The card's fields; its revenue is the converted total when there is one (the amounts as won are in brackets). */
function card(text: string): CampaignFigures & { asWon: string[] } {
  const field = (label: string) => match(text, new RegExp(`\\*${label}\\*\\n(.+)`))[0] ?? "";
  const revenue = field("Revenue");
  const [total, asWon] = revenue.includes(" (") ? match(revenue, /^(.+?) \((.+)\)$/) : [revenue, revenue];
  return {
    leads: Number(field("Leads")),
    sqls: Number(field("SQLs")),
    won: Number(field("Won deals")),
    revenue: amounts(total ?? ""),
    returnOnSpend: ratioOf(field("Return on spend")),
    asWon: amounts(asWon ?? "").filter((a) => !/^\D0$/.test(a)),
  };
}

/** A /campaign list row: "2 leads · 2 SQLs · 2 won · $6,480.00 (€5,000.00 + $1,080.00)" under the name. */
function listRow(text: string, name: string): CampaignFigures {
  const [leads, sqls, won, revenue] = match(
    text,
    new RegExp(`\\*${literal(name)}\\*[^\\n]*\\n[^\\n]*\\n(\\d+) leads · (\\d+) SQLs · (\\d+) won · (.+)`),
  );
  const total = (revenue ?? "").replace(/ \(.+\)$/, "");
  return { leads: Number(leads), sqls: Number(sqls), won: Number(won), revenue: amounts(total) };
}

interface Totals {
  created: number;
  mql: number;
  sql: number;
  won: number;
  revenue: string[];
}

/** The funnel's fields in a digest: "*New leads*: 8\n+8 vs last week", ..., "*Won (4)*: $5,080 + €5,000 + ¥3,000,000\n...". */
function digestTotals(text: string): Totals {
  const count = (label: string) => Number((match(text, new RegExp(`\\*${label}\\*: ([\\d,]+)`))[0] ?? "").replace(/,/g, ""));
  const [won, revenue] = match(text, /\*Won \(([\d,]+)\)\*: ([^\n]+)/);
  return {
    created: count("New leads"),
    mql: count("MQLs"),
    sql: count("SQLs"),
    won: Number((won ?? "").replace(/,/g, "")),
    revenue: amounts(revenue ?? ""),
  };
}

/** The Home's team funnel: "8 new ↑ from 0 → 6 MQL → 5 SQL → 4 won ($5,080 + €5,000 + ¥3,000,000)". */
function homeTotals(text: string): Totals {
  const [created, mql, sql, won, revenue] = match(text, /(\d+) new [^→]*→ (\d+) MQL → (\d+) SQL → (\d+) won \((.+)\)/);
  return { created: Number(created), mql: Number(mql), sql: Number(sql), won: Number(won), revenue: amounts(revenue ?? "") };
}

/** "*Marketing-sourced revenue*: $5,080 + €5,000 + ¥3,000,000 · _last 4: …_" (", converted at …" with rates). */
const scorecardRevenue = (text: string) =>
  amounts(match(text, /\*Marketing-sourced revenue\*: (.+?)(?:, converted| \(pace| · _last)/)[0] ?? "");

const SYMBOL: Record<string, string> = { USD: "$", EUR: "€", JPY: "¥" };

describe("the same figures on every surface", () => {
  let app: TestApp;

  async function reply(name: string, text: string): Promise<string> {
    const id = randomUUID();
    await app.requests.command(name, text, as, { response_url: app.slack.responseUrl(id) });
    return textOf((await app.slack.waitForResponse((post) => post.id === id)).body.blocks);
  }

  async function surfaces() {
    app.slack.reset();
    const funnel = await reply("/funnel", "");
    await app.requests.command("/funnel", "post", as);
    const posted = textOf((await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === CHANNEL)).args.blocks);
    await app.idle();
    app.slack.reset();
    await app.requests.event({ type: "app_home_opened", user: USER, channel: "D0SAMENUM1", tab: "home" }, { teamId: TEAM });
    const home = textOf((await app.slack.waitFor("views.publish", (c) => c.args.user_id === USER)).args.view.blocks);
    const cards = {
      boston: await reply("/campaign", "Boston Breakfast"),
      tokyo: await reply("/campaign", "Tokyo Fair"),
      berlin: await reply("/campaign", "Berlin Summit"),
    };
    const list = await reply("/campaign", "list");
    app.slack.reset();
    await app.requests.command("/lead", "export", as);
    await app.slack.waitForResponse((post) => /Sent you/.test(post.body.text));
    const file = app.slack.uploadedFile();
    const rows = parse(file?.content ?? "", { columns: true }) as Record<string, string>[];
    return { funnel, posted, home, cards, list, rows };
  }

  /** The export's leads of a campaign, and its won deals as won (never converted). */
  function exported(rows: Record<string, string>[], name: string) {
    const mine = rows.filter((r) => r.campaign === name);
    const won = mine.filter((r) => r.stage === "won");
    const asWon = won.map((r) => amount(`${SYMBOL[r["deal currency"] ?? ""] ?? "?"}${r["deal value"]}`)).sort();
    return { leads: mine.length, won: won.length, asWon };
  }

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock(NOW) });
    app.slack.setUser({ id: USER, is_admin: true });
    await seed(app);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("without exchange rates: every surface shows the same counts, and each currency apart", async () => {
    const s = await surfaces();
    const totals = { created: 8, mql: 6, sql: 5, won: 4, revenue: ["$5080", "¥3000000", "€5000"] };
    expect(digestTotals(s.funnel)).toEqual(totals);
    expect(digestTotals(s.posted)).toEqual(totals);
    expect(homeTotals(s.home)).toEqual(totals);
    expect(scorecardRevenue(s.funnel)).toEqual(totals.revenue);
    expect(scorecardRevenue(s.posted)).toEqual(totals.revenue);
    expect(s.rows).toHaveLength(8);
    expect(s.rows.filter((r) => r.stage === "won")).toHaveLength(4);

    const boston = { leads: 3, sqls: 2, won: 1, revenue: ["$4000"], returnOnSpend: "1.9" };
    const tokyo = { leads: 2, sqls: 1, won: 1, revenue: ["¥3000000"], returnOnSpend: "3" };
    // Berlin: dollars and euros; no rate to divide them by a euro budget.
    const berlin = { leads: 2, sqls: 2, won: 2, revenue: ["$1080", "€5000"], returnOnSpend: "—" };
    for (const [name, figures, cardText] of [
      ["Boston Breakfast", boston, s.cards.boston],
      ["Tokyo Fair", tokyo, s.cards.tokyo],
      ["Berlin Summit", berlin, s.cards.berlin],
    ] as const) {
      expect(topCampaign(s.funnel, name)).toEqual(figures);
      expect(topCampaign(s.posted, name)).toEqual(figures);
      expect(card(cardText)).toEqual({ ...figures, asWon: figures.revenue });
      const { returnOnSpend: _, ...listed } = figures;
      expect(listRow(s.list, name)).toEqual(listed);
      expect(exported(s.rows, name)).toEqual({ leads: figures.leads, won: figures.won, asWon: figures.revenue });
    }
    for (const text of [s.funnel, s.posted, s.home, s.list, ...Object.values(s.cards)]) expect(text).not.toContain("converted at");
  });

  it("with exchange rates: the same counts, money in dollars everywhere it is added up, the amounts as won kept", async () => {
    const values = { rate_EUR: { value: input.text("1.08") }, rate_JPY: { value: input.text("0.0067") } };
    expect((await app.requests.viewSubmission({ callbackId: "settings_exchange_rates", values }, as)).body).toBeFalsy();
    const s = await surfaces();
    const totals = { created: 8, mql: 6, sql: 5, won: 4, revenue: ["$30580"] };
    expect(digestTotals(s.funnel)).toEqual(totals);
    expect(digestTotals(s.posted)).toEqual(totals);
    expect(homeTotals(s.home)).toEqual(totals);
    expect(scorecardRevenue(s.funnel)).toEqual(totals.revenue);
    expect(scorecardRevenue(s.posted)).toEqual(totals.revenue);

    const boston = { leads: 3, sqls: 2, won: 1, revenue: ["$4000"], returnOnSpend: "1.9" };
    const tokyo = { leads: 2, sqls: 1, won: 1, revenue: ["$20100"], returnOnSpend: "3" };
    const berlin = { leads: 2, sqls: 2, won: 2, revenue: ["$6480"], returnOnSpend: "6" };
    const asWon = { boston: ["$4000"], tokyo: ["¥3000000"], berlin: ["$1080", "€5000"] };
    for (const [name, figures, cardText, won] of [
      ["Boston Breakfast", boston, s.cards.boston, asWon.boston],
      ["Tokyo Fair", tokyo, s.cards.tokyo, asWon.tokyo],
      ["Berlin Summit", berlin, s.cards.berlin, asWon.berlin],
    ] as const) {
      expect(topCampaign(s.funnel, name)).toEqual(figures);
      expect(topCampaign(s.posted, name)).toEqual(figures);
      expect(card(cardText)).toEqual({ ...figures, asWon: won });
      const { returnOnSpend: _, ...listed } = figures;
      expect(listRow(s.list, name)).toEqual(listed);
      // The export keeps every deal in the currency it was won in: the card's amounts in brackets.
      expect(exported(s.rows, name)).toEqual({ leads: figures.leads, won: figures.won, asWon: won });
    }
    // Every surface that shows a converted figure says so; Boston's card converts nothing and says nothing.
    for (const text of [s.funnel, s.posted, s.home, s.list, s.cards.tokyo, s.cards.berlin]) expect(text).toContain(CONVERTED);
    expect(s.cards.boston).not.toContain("converted at");
  });
});
