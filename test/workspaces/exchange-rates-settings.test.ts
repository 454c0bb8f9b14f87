// /baton settings → Exchange rates: a rate per currency the workspace's campaigns and deals use, into its own
// currency, saved with the day and the admin; what a person typed wrong is said under the rate, and nothing saved.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FunnelData } from "../funnel/fixtures.js";
import { TestClock } from "../helpers/clock.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0RATES001";
const ADMIN = "U0RATEADM1";
const MEMBER = "U0RATEMEM1";
const admin = { teamId: TEAM, userId: ADMIN };

const submit = (values: Record<string, string>, actor = admin) =>
  app.requests.viewSubmission(
    {
      callbackId: "settings_exchange_rates",
      values: Object.fromEntries(Object.entries(values).map(([code, text]) => [`rate_${code}`, { value: input.text(text) }])),
    },
    actor,
  );

let app: TestApp;

describe("settings: Exchange rates", () => {
  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock("2026-12-01T10:00:00Z") });
    app.slack.setUser({ id: ADMIN, is_admin: true });
    const data = new FunnelData(app.db, TEAM, "UTC");
    await data.workspace({ currency: "USD" });
    await data.campaign("Berlin Summit", 100_000, "EUR");
    const tokyo = await data.campaign("Tokyo Fair", 1_000_000, "JPY");
    // A GBP deal on a JPY campaign: GBP is in use too, though no campaign budgets in it.
    await data.lead({
      created: "2026-11-16T10:00",
      campaignId: tokyo,
      moves: [["won", "2026-11-19T11:00"]],
      wonCents: 50_000,
      currency: "GBP",
    });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("asks a rate for every currency in use, none set yet", async () => {
    await app.requests.blockAction(
      { actionId: "settings_section", value: "exchange_rates", view: { id: "VRATEHOME1", type: "modal" } },
      admin,
    );
    const { view } = (await app.slack.waitFor("views.push")).args;
    expect(view.callback_id).toBe("settings_exchange_rates");
    const labels = view.blocks.filter((b: { type: string }) => b.type === "input").map((b: { label: { text: string } }) => b.label.text);
    expect(labels).toEqual(["1 EUR = ? USD", "1 GBP = ? USD", "1 JPY = ? USD"]);
    expect(JSON.stringify(view.blocks)).toContain("No rates set yet: each currency is shown apart.");
  });

  it("says under each rate what is wrong with it, and saves none", async () => {
    const reply = await submit({ EUR: "1,08,0", GBP: "-1.27", JPY: "0" });
    const need = (code: string) => `Enter what 1 ${code} is worth in USD as a positive number, e.g. 1.08 (up to 10 decimals).`;
    expect(reply.body).toEqual({
      response_action: "errors",
      errors: { rate_EUR: need("EUR"), rate_GBP: need("GBP"), rate_JPY: need("JPY") },
    });
    expect(await app.db.exchangeRate.count({ where: { teamId: TEAM } })).toBe(0);
  });

  it("lets only admins set rates", async () => {
    app.slack.setUser({ id: MEMBER, is_admin: false });
    const reply = await submit({ EUR: "1.08" }, { teamId: TEAM, userId: MEMBER });
    expect(reply.body.response_action).toBe("errors");
    expect(await app.db.exchangeRate.count({ where: { teamId: TEAM } })).toBe(0);
  });

  it("stores each rate as typed (normalised), with the day and who set it; blank keeps a currency apart", async () => {
    const reply = await submit({ EUR: " 1.0800 ", GBP: "", JPY: "0,0067" });
    expect(reply.body).toBeFalsy();
    const rows = await app.db.exchangeRate.findMany({ where: { teamId: TEAM }, orderBy: { currency: "asc" } });
    expect(rows.map((r) => [r.currency, r.rate, r.setAt.toISOString(), r.setById])).toEqual([
      ["EUR", "1.08", "2026-12-01T10:00:00.000Z", ADMIN],
      ["JPY", "0.0067", "2026-12-01T10:00:00.000Z", ADMIN],
    ]);
  });

  it("shows the rates in the settings home, and the one still missing", async () => {
    await app.requests.command("/baton", "settings", admin);
    const home = await app.slack.waitFor("views.update");
    expect(JSON.stringify(home.args.view.blocks)).toContain("*Exchange rates*\\n1 EUR = 1.08 USD · 1 JPY = 0.0067 USD · no rate: GBP");
  });

  it("opens with the rates set and when, by whom", async () => {
    await app.requests.blockAction(
      { actionId: "settings_section", value: "exchange_rates", view: { id: "VRATEHOME1", type: "modal" } },
      admin,
    );
    const { view } = (await app.slack.waitFor("views.push")).args;
    const block = (id: string) => view.blocks.find((b: { block_id: string }) => b.block_id === id);
    expect(block("rate_EUR").element.initial_value).toBe("1.08");
    expect(block("rate_GBP").element.initial_value).toBeUndefined();
    expect(block("rate_JPY").element.initial_value).toBe("0.0067");
    expect(JSON.stringify(view.blocks)).toContain(
      `Rates set <!date^${Date.parse("2026-12-01T10:00:00Z") / 1000}^{date_short}|2026-12-01 10:00 UTC> by <@${ADMIN}>.`,
    );
  });

  it("clears the rates when the workspace's currency changes: they were into the old one", async () => {
    const channels = (currency: string) => ({
      salesChannelId: { value: input.channel("C0RATESALE") },
      marketingChannelId: { value: input.channel("C0RATEMKTG") },
      salesUserIds: { value: input.users([]) },
      adminUserIds: { value: input.users([]) },
      timezone: { value: input.text("UTC") },
      currency: { value: input.text(currency) },
      workStart: { value: input.time("09:00") },
      workEnd: { value: input.time("17:00") },
      workDays: { value: input.checkboxes(["1", "2", "3", "4", "5"]) },
    });
    const save = (currency: string) =>
      app.requests.viewSubmission({ callbackId: "settings_channels_people", values: channels(currency) }, admin);
    expect((await save("USD")).body).toBeFalsy();
    expect(await app.db.exchangeRate.count({ where: { teamId: TEAM } })).toBe(2);
    expect((await save("EUR")).body).toBeFalsy();
    expect(await app.db.exchangeRate.count({ where: { teamId: TEAM } })).toBe(0);
  });
});
