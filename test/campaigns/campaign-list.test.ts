import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { addLead } from "./dataset.js";

const TEAM = "T0CLIST001";
const EMPTY_TEAM = "T0CLIST002";
const actor = { teamId: TEAM, userId: "U0LISTMKT1" };
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe("/campaign list", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    for (const teamId of [TEAM, EMPTY_TEAM]) await app.db.workspace.create({ data: { teamId } });
    let n = 0;
    const campaign = (name: string, data: Record<string, unknown>) =>
      app.db.campaign.create({
        data: {
          id: `camp_list_${++n}`,
          teamId: TEAM,
          name,
          nameKey: name.toLowerCase(),
          channel: "email",
          createdById: "U0LISTMKT1",
          ...data,
        },
      });
    for (let i = 1; i <= 25; i++)
      await campaign(`Running ${String(i).padStart(2, "0")}`, { startsOn: day(`2026-10-${String(i).padStart(2, "0")}`) });
    await campaign(`*Bold* <!channel> & ${"x".repeat(60)}`, { startsOn: day("2026-11-20"), endsOn: day("2026-11-30") });
    await campaign("Next year", { startsOn: day("2027-01-10") });
    for (let i = 1; i <= 22; i++) {
      await campaign(`Ended ${String(i).padStart(2, "0")}`, {
        startsOn: day("2026-09-01"),
        endedAt: new Date(`2026-10-${String(i + 1).padStart(2, "0")}T12:00:00Z`),
      });
    }
    await campaign("Ran out", { startsOn: day("2026-09-01"), endsOn: day("2026-11-22") });
    await campaign("Long gone", { startsOn: day("2026-01-01"), endedAt: new Date("2026-06-01T00:00:00Z") });
    await campaign("Expired long ago", { startsOn: day("2026-01-01"), endsOn: day("2026-07-01") });
    await addLead(app.db, { teamId: TEAM, email: "a@b.com", campaignId: "camp_list_25", createdAt: "2026-11-02T00:00:00Z" });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  it("lists active and upcoming, then recently ended campaigns, within Slack's limits however many there are", async () => {
    await app.requests.command("/campaign", "list", actor);
    const { body } = await app.slack.waitForResponse();
    expect(body.response_type).toBe("ephemeral");
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    const text = JSON.stringify(body.blocks);
    const rows = body.blocks.filter((b: any) => b.accessory?.action_id === "campaign_open");
    expect(rows).toHaveLength(40);
    // Newest start first: the upcoming one, then those running.
    expect(rows[0].text.text).toContain("Next year");
    expect(rows[0].text.text).toContain("Upcoming");
    expect(text).toContain("Active and upcoming");
    expect(text).toContain("Ended in the last 90 days");
    expect(text.match(/Only the latest 20 are shown/g)).toHaveLength(2);
    expect(text).not.toContain("Long gone");
    expect(text).not.toContain("Expired long ago");
    // Names are shown as written, never as mentions or formatting.
    expect(text).toContain("&lt;!channel&gt; &amp;");
    // Recently ended: the latest first.
    const recent = rows.slice(20).map((r: any) => r.text.text.split("*")[1]);
    expect(recent.slice(0, 3)).toEqual(["Ran out", "Ended 22", "Ended 21"]);
    expect(body.text).toContain("Campaigns:");
  });

  it("shows each campaign's lead count and opens its card from the list", async () => {
    await app.requests.command("/campaign", "list", actor);
    const { body } = await app.slack.waitForResponse();
    const row = body.blocks.find((b: any) => b.accessory?.value === "camp_list_25");
    expect(row.text.text).toContain("Running 25");
    expect(row.text.text).toContain("1 leads · 0 SQLs · 0 won");
    app.slack.reset();
    await app.requests.blockAction({ actionId: "campaign_open", value: "camp_list_25" }, actor);
    const card = await app.slack.waitForResponse();
    expect(card.body.blocks[0].text.text).toBe("Running 25");
    expect(card.body.replace_original).toBe(false);
  });

  it("says so when the workspace has no campaigns", async () => {
    await app.requests.command("/campaign", "list", { teamId: EMPTY_TEAM, userId: "U0LISTMKT2" });
    const { body } = await app.slack.waitForResponse();
    expect(JSON.stringify(body.blocks)).toContain("None running. `/campaign` logs a new one.");
    expect(body.blocks.filter((b: any) => b.accessory)).toHaveLength(0);
  });

  it("treats `/campaign list <words>` as a campaign's name", async () => {
    await app.db.campaign.create({
      data: { teamId: TEAM, name: "List building", nameKey: "list building", channel: "email", createdById: "U0LISTMKT1" },
    });
    await app.requests.command("/campaign", "List Building", actor);
    expect((await app.slack.waitForResponse()).body.blocks[0].text.text).toBe("List building");
    app.slack.reset();
    await app.requests.command("/campaign", "list building", actor);
    expect((await app.slack.waitForResponse()).body.blocks[0].text.text).toBe("List building");
  });

  it("is described in /baton help, with the playbook commands", async () => {
    const reply = await app.requests.command("/baton", "help", actor);
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain("`/campaign` logs a campaign, `/campaign list` shows them");
    expect(text).toContain("`/baton icp` · `/baton brand` · `/baton sla`");
  });
});
