// One attribution rule on every surface: a lead belongs to its current source campaign and fit grade, also for
// the stages it reached before a correction. Through the real app: a lead logged under one campaign, corrected
// to another in the modal, handed off and accepted; then /funnel, /funnel campaign, the campaign card and the list.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handOff, logLead, submitLead } from "../helpers/leads.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0ATTRIB01";
const MARKETER = "U0ATTMKT01";
const REP = "U0ATTREP01";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };
const rep = { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL };
const blocksOf = (body: { blocks?: unknown[] }) => JSON.stringify(body.blocks ?? []);

describe("a corrected source campaign and fit grade", () => {
  let app: TestApp;
  let leadId = "";

  async function command(name: string, text: string) {
    const id = randomUUID();
    await app.requests.command(name, text, marketer, { response_url: app.slack.responseUrl(id) });
    return (await app.slack.waitForResponse((post) => post.id === id)).body;
  }

  beforeAll(async () => {
    app = await startTestApp(); // Monday 2026-11-23 09:00 UTC
    await app.requests.command("/baton", "help", marketer);
    for (const [id, name] of [
      ["c_expo", "Autumn Expo"],
      ["c_webinar", "Winter Webinar"],
    ] as const) {
      await app.db.campaign.create({
        data: { id, teamId: TEAM, name, nameKey: name.toLowerCase(), channel: "events", budgetCents: 100_000, createdById: MARKETER },
      });
    }
    const lead = await logLead(app, { email: "ada@example.com", name: "Ada", campaignId: "c_expo", fitGrade: "B" }, marketer);
    leadId = lead.id;
    app.clock.advanceMinutes(30);
    const edited = await submitLead(
      app,
      { email: "ada@example.com", name: "Ada", campaignId: "c_webinar", fitGrade: "A" },
      marketer,
      JSON.stringify({ leadId, channelId: MARKETING_CHANNEL }),
    );
    expect(edited.body).toBe("");
    app.clock.advanceMinutes(30);
    const handoff = await handOff(app, leadId, marketer);
    if (!handoff?.messageTs) throw new Error("no card");
    app.clock.advanceMinutes(60);
    app.slack.reset();
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: handoff.messageTs }, rep);
    expect((await app.slack.waitForResponse()).body.text).toContain("You own this lead now");
    app.clock.advanceMinutes(5); // "this week so far" ends now: let the acceptance be in it
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("counts every stage under the campaign the lead has now, in /funnel campaign, also the one reached before the edit", async () => {
    const webinar = await command("/funnel", "campaign Winter Webinar");
    expect(webinar.text).toContain("1 new lead, 1 MQL, 1 SQL, 0 won");
    expect(blocksOf(webinar)).toContain("*New leads*: 1");
    const expo = await command("/funnel", "campaign Autumn Expo");
    expect(expo.text).toContain("Autumn Expo · Week of Nov 23, 2026 (so far): a quiet period, no lead moved");
  });

  it("ranks it under its current campaign in Top campaigns and under its current grade in By fit", async () => {
    const blocks = blocksOf(await command("/funnel", ""));
    expect(blocks).toContain("1. *Winter Webinar*: 1 lead · 1 SQL · 0 won");
    expect(blocks).not.toContain("Autumn Expo");
    expect(blocks).toContain("*By fit*: *A* 1 new → 1 SQL → 0 won");
    expect(blocks).not.toContain("*B* ");
  });

  it("agrees with the campaign card and the list", async () => {
    const card = blocksOf(await command("/campaign", "Winter Webinar"));
    expect(card).toContain("*Leads*\\n1");
    expect(card).toContain("*SQLs*\\n1");
    const expo = blocksOf(await command("/campaign", "Autumn Expo"));
    expect(expo).toContain("*Leads*\\n0");
    const list = blocksOf(await command("/campaign", "list"));
    expect(list).toContain("1 leads · 1 SQLs · 0 won");
    expect(list).toContain("0 leads · 0 SQLs · 0 won");
  });

  it("keeps the correction on the lead's history: who, when, from which campaign and grade to which", async () => {
    const events = await app.db.leadEvent.findMany({ where: { teamId: TEAM, leadId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(events.every((e) => e.campaignId === "c_webinar" && e.fitGrade === "A")).toBe(true);
    const updated = events.find((e) => e.type === "updated");
    expect(updated).toMatchObject({ actorId: MARKETER, reason: "source campaign Autumn Expo → Winter Webinar; fit B → A" });
    expect(updated?.at.toISOString()).toBe("2026-11-23T09:30:00.000Z");
    await app.requests.blockAction({ actionId: "lead_open", value: leadId }, marketer);
    const view = JSON.stringify((await app.slack.waitFor("views.open")).args.view.blocks);
    expect(view).toContain(`<@${MARKETER}> edited it: source campaign Autumn Expo → Winter Webinar; fit B → A`);
  });
});
