// Time zones and currencies are picked, not typed: the settings modal's time zone searches IANA zones as the admin
// types (an options listener), its currency is a list with the common ones first.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0PICKER01";
const ADMIN = "U0PICKADM1";
const admin = { teamId: TEAM, userId: ADMIN };

describe("time zone and currency pickers", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-07-01T09:00:00Z");
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", admin);
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { timezone: "America/New_York", currency: "CHF" } });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /** What Slack sends as the admin types in the time zone select. */
  const search = (value: string) =>
    app.requests.interaction({
      type: "block_suggestion",
      action_id: "timezone_pick",
      block_id: "timezone",
      value,
      team: { id: TEAM, domain: "acme" },
      user: { id: ADMIN, team_id: TEAM },
      api_app_id: "A0BATON001",
      token: "deprecated-verification-token",
      view: { id: "V1", type: "modal", callback_id: "settings_channels_people" },
    });
  const optionsOf = (reply: { body: any }) =>
    reply.body.options.map((o: { value: string; text: { text: string } }) => [o.value, o.text.text]);

  it("shows the workspace's zone and currency as picked values in Channels and people", async () => {
    await app.requests.blockAction(
      { actionId: "settings_section", value: "channels_people", view: { id: "VPICKHOME1", type: "modal" } },
      admin,
    );
    const { view } = (await app.slack.waitFor("views.push")).args;
    const block = (id: string) => view.blocks.find((b: { block_id: string }) => b.block_id === id);
    expect(block("timezone").element).toMatchObject({
      type: "external_select",
      action_id: "timezone_pick",
      initial_option: { value: "America/New_York" },
    });
    const currency = block("currency").element;
    expect(currency.type).toBe("static_select");
    expect(currency.initial_option).toMatchObject({ value: "CHF", text: { text: "CHF · Swiss Franc" } });
    expect(currency.option_groups[0].label.text).toBe("Common");
    expect(currency.option_groups[0].options.slice(0, 3).map((o: { value: string }) => o.value)).toEqual(["CHF", "USD", "EUR"]);
    const all = currency.option_groups.flatMap((g: { options: unknown[] }) => g.options);
    expect(all.length).toBeGreaterThan(150);
    expect(currency.option_groups.every((g: { options: unknown[] }) => g.options.length <= 100)).toBe(true);
  });

  it("finds zones by any word typed, whatever the case, with their offset", async () => {
    expect(optionsOf(await search("new york"))).toEqual([["America/New_York", "America/New York (UTC-04:00)"]]);
    const berlin = optionsOf(await search("BERL"));
    expect(berlin[0]).toEqual(["Europe/Berlin", "Europe/Berlin (UTC+02:00)"]);
    expect(optionsOf(await search("Mars/Olympus"))).toEqual([]);
  });

  it("offers the common zones first when nothing is typed, never more than Slack's 100", async () => {
    const options = optionsOf(await search(""));
    expect(options).toHaveLength(100);
    expect(options.slice(0, 3).map(([zone]: [string]) => zone)).toEqual(["UTC", "America/New_York", "America/Chicago"]);
    expect(optionsOf(await search("a"))).toHaveLength(100);
  });
});
