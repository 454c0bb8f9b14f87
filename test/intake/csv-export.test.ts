import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0EXPORT01";
const USER = "U0EXPORT01";
const actor = { teamId: TEAM, userId: USER };

describe("/lead export [stage] [campaign]", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    // Exporting every lead is for Baton admins (and the export role): a Slack workspace admin is one.
    app.slack.setUser({ id: USER, is_admin: true });
    await app.requests.command("/baton", "help", actor);
    await app.db.campaign.createMany({
      data: [
        {
          id: "camp_exp_spring",
          teamId: TEAM,
          name: "Spring Webinar",
          nameKey: "spring webinar",
          channel: "webinar",
          trackingCode: "spring-26",
          createdById: "U1",
        },
        { id: "camp_exp_fall", teamId: TEAM, name: "Fall Fair", nameKey: "fall fair", channel: "events", createdById: "U1" },
      ],
    });
    // 2,100 leads: more than two pages. Every seventh is an MQL of the spring campaign; one is erased.
    await app.db.lead.createMany({
      data: Array.from({ length: 2100 }, (_, i) => ({
        teamId: TEAM,
        email: `p${i}@export.io`,
        emailKey: `p${i}@export.io`,
        name: i === 0 ? '=HYPERLINK("http://evil")' : `Person ${i}`,
        company: "Export Co",
        phone: "+1 415 555 0100",
        stage: i % 7 === 0 ? "mql" : "new",
        campaignId: i % 7 === 0 ? "camp_exp_spring" : i % 2 === 0 ? "camp_exp_fall" : null,
        createdById: "U1",
      })),
    });
    await app.db.lead.create({
      data: { teamId: TEAM, stage: "mql", campaignId: "camp_exp_spring", createdById: "U1", erasedAt: new Date() },
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  const exported = async (text: string) => {
    app.slack.reset();
    const reply = await app.requests.command("/lead", `export ${text}`.trim(), actor);
    expect(reply.status).toBe(200);
    const done = await app.slack.waitForResponse((post) => /Sent you|No leads match|couldn't find/.test(post.body.text));
    return { done: done.body.text as string, file: app.slack.uploadedFile() };
  };

  it("sends every lead of the workspace as a CSV in a DM, read page by page", async () => {
    const { done, file } = await exported("");
    expect(done).toContain("Sent you 2,100 leads (all stages, all campaigns) in a direct message");
    expect(file?.channelId).toBe(`D${USER}`);
    const rows = parse(file?.content ?? "", { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2100);
    expect(new Set(rows.map((r) => r.email)).size).toBe(2100);
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(["email", "name", "company", "phone", "campaign", "stage", "company size"]),
    );
    expect(rows.find((r) => r.email === "p7@export.io")).toMatchObject({
      campaign: "Spring Webinar",
      stage: "mql",
      phone: "+1 415 555 0100",
    });
    expect(rows.find((r) => r.email === "p0@export.io")?.name).toBe('\'=HYPERLINK("http://evil")');
  });

  it("filters by stage and by campaign name or tracking code", async () => {
    const mql = await exported("mql");
    expect(mql.done).toContain("Sent you 300 leads (stage MQL, all campaigns)");
    const byCode = await exported("mql spring-26");
    expect(byCode.done).toContain("Sent you 300 leads (stage MQL, campaign Spring Webinar)");
    const fall = await exported("Fall Fair");
    const rows = parse(fall.file?.content ?? "", { columns: true }) as Record<string, string>[];
    expect(fall.done).toContain(`Sent you ${rows.length} leads (all stages, campaign Fall Fair)`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.campaign === "Fall Fair")).toBe(true);
  });

  it("says so when nothing matches or the campaign is unknown, and sends no file", async () => {
    const none = await exported("won");
    expect(none.done).toContain("No leads match (stage Won, all campaigns)");
    expect(none.file).toBeUndefined();
    const unknown = await exported("Winter Gala");
    expect(unknown.done).toContain('couldn\'t find a campaign called "Winter Gala"');
    expect(unknown.file).toBeUndefined();
  });
});
