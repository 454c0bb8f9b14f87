import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestImport } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0CSV00001";
const USER = "U0CSVIMP01";
const actor = { teamId: TEAM, userId: USER, channelId: `D${USER}` };

const GOOD_AND_BAD = [
  "Email,First Name,Last Name,Company,Phone,Job Title,Campaign,Company Size,Favourite Colour",
  "ada@engines.io,Ada,Lovelace,Analytical Engines,+44 20 7946 0001,CTO,Spring Webinar,11-50,green",
  "grace@navy.mil,Grace,Hopper,US Navy,,Rear Admiral,spring-26,,blue",
  "not-an-email,Bad,Row,Nowhere,,,,,red",
  "linus@kernel.org,Linus,Torvalds,Kernel,call me,,,,",
  "ken@bell-labs.com,Ken,Thompson,Bell Labs,,,Autumn Gala,,",
  "EXISTING@acme.com,,,,+1 415 555 0100,,,,",
  "=cmd|' /C calc'!A0,Evil,Formula,,,,,,",
].join("\n");

async function shareFile(app: TestApp, fileId: string, name: string, content: string, eventId?: string) {
  app.slack.addFile(fileId, name, content);
  return app.requests.event(
    { type: "file_shared", file_id: fileId, user_id: USER, channel_id: `D${USER}`, file: { id: fileId } },
    { teamId: TEAM, ...(eventId ? { eventId } : {}) },
  );
}

describe("/lead import", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", actor); // first contact creates the workspace
    await app.db.campaign.create({
      data: {
        id: "camp_csv_spring",
        teamId: TEAM,
        name: "Spring Webinar",
        nameKey: "spring webinar",
        channel: "webinar",
        trackingCode: "spring-26",
        createdById: "U1",
      },
    });
    await app.db.lead.create({
      data: {
        teamId: TEAM,
        email: "existing@acme.com",
        emailKey: "existing@acme.com",
        name: "Existing Person",
        company: "Acme",
        createdById: "U1",
      },
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("tells the person how to share the CSV and which columns it may have", async () => {
    const reply = await requestImport(app, actor);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(reply.body.text).toContain("Share a CSV file");
    expect(JSON.stringify(reply.body.blocks)).toContain("company size");
  });

  it("imports the valid rows, upserts by email, replies with counts and uploads the rejected rows with reasons", async () => {
    app.slack.reset();
    await requestImport(app, actor);
    await shareFile(app, "FCSVGOOD01", "leads.csv", GOOD_AND_BAD);
    const summary = await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of leads.csv"));
    expect(summary.args.channel).toBe(`D${USER}`);
    expect(summary.args.text).toBe("Import of leads.csv: 3 new, 1 updated, 0 unchanged, 3 rejected.");
    expect(JSON.stringify(summary.args.blocks)).toContain("Favourite Colour");
    expect(app.slack.downloads).toContainEqual({ fileId: "FCSVGOOD01", token: "xoxb-test-token" });

    const ada = await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "ada@engines.io" } });
    expect(ada).toMatchObject({
      name: "Ada Lovelace",
      company: "Analytical Engines",
      title: "CTO",
      companySize: "11-50",
      campaignId: "camp_csv_spring",
      source: "csv",
      createdById: USER,
    });
    const grace = await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "grace@navy.mil" } });
    expect(grace?.campaignId).toBe("camp_csv_spring");
    const existing = await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "existing@acme.com" } });
    expect(existing).toMatchObject({ name: "Existing Person", company: "Acme", phone: "+1 415 555 0100" });
    const events = await app.db.leadEvent.findMany({ where: { teamId: TEAM, actorId: USER } });
    expect(events.filter((e) => e.type === "created")).toHaveLength(3);
    expect(events.filter((e) => e.type === "submitted").map((e) => e.leadId)).toEqual([existing?.id]);
    expect(await app.db.lead.count({ where: { teamId: TEAM, emailKey: "linus@kernel.org" } })).toBe(0);
    // A campaign the workspace doesn't know is kept on the lead for an admin to map, not refused.
    const ken = await app.db.lead.findFirst({ where: { teamId: TEAM, emailKey: "ken@bell-labs.com" } });
    expect(ken).toMatchObject({ name: "Ken Thompson", campaignId: null, unmatchedCampaignCode: "autumn gala" });

    await app.slack.waitFor("files.completeUploadExternal");
    const rejected = app.slack.uploadedFile((f) => f.title === "rejected-leads.csv");
    expect(rejected?.channelId).toBe(`D${USER}`);
    const rows = parse(rejected?.content ?? "", { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.line, r.Email, r.reason])).toEqual([
      ["4", "not-an-email", "That doesn't look like an email address (for example jane@acme.com)."],
      ["5", "linus@kernel.org", expect.stringContaining("A phone number can only have digits")],
      ["8", "'=cmd|' /C calc'!A0", expect.stringContaining("email address")],
    ]);
  });

  it("imports again unchanged without writing anything, and needs a new /lead import each time", async () => {
    app.slack.reset();
    const eventsBefore = await app.db.leadEvent.count({ where: { teamId: TEAM } });
    await shareFile(app, "FCSVNOREQ1", "again.csv", GOOD_AND_BAD);
    await app.idle();
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0); // no open request: the file is not read
    await requestImport(app, actor);
    await shareFile(app, "FCSVAGAIN1", "again.csv", GOOD_AND_BAD);
    const summary = await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of again.csv"));
    expect(summary.args.text).toBe("Import of again.csv: 0 new, 0 updated, 4 unchanged, 3 rejected.");
    expect(await app.db.leadEvent.count({ where: { teamId: TEAM } })).toBe(eventsBefore);
  });

  it("explains a file that is not a CSV and keeps the request open for the right one", async () => {
    app.slack.reset();
    await requestImport(app, actor);
    await shareFile(app, "FPDF000001", "deck.pdf", "%PDF-1.4");
    const warning = await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).includes("isn't a CSV file"));
    expect(warning.args.channel).toBe(`D${USER}`);
    await shareFile(app, "FCSVLATE01", "late.csv", "email,name\nlate@acme.io,Late Comer\n");
    await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of late.csv: 1 new"));
  });

  it("refuses a file without an email column, importing nothing", async () => {
    app.slack.reset();
    await requestImport(app, actor);
    await shareFile(app, "FCSVNOMAIL", "names.csv", "name,company\nNo Mail,Acme\n");
    const summary = await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of names.csv"));
    expect(JSON.stringify(summary.args.blocks)).toContain('one of them must be \\"email\\"');
    expect(await app.db.lead.count({ where: { teamId: TEAM, name: "No Mail" } })).toBe(0);
  });

  it("imports a large file in batches: 12,000 rows, every one stored once with its event", async () => {
    app.slack.reset();
    const lines = ["email,name,company"];
    for (let i = 0; i < 12_000; i++) lines.push(`bulk${i}@example.com,Person ${i},Company ${i % 50}`);
    lines.push("bulk7@example.com,Person Seven Again,Company 7"); // a later row for the same email adds, never overwrites
    await requestImport(app, actor);
    await shareFile(app, "FCSVBULK01", "bulk.csv", lines.join("\n"));
    const summary = await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of bulk.csv"), 60_000);
    expect(summary.args.text).toBe("Import of bulk.csv: 12000 new, 0 updated, 1 unchanged, 0 rejected.");
    expect(await app.db.lead.count({ where: { teamId: TEAM, source: "csv", emailKey: { startsWith: "bulk" } } })).toBe(12_000);
    const bulk7 = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "bulk7@example.com" } });
    expect(bulk7).toMatchObject({ name: "Person 7", searchKey: "person 7\nbulk7@example.com\ncompany 7" });
    const sent = await app.db.leadSubmission.findMany({ where: { teamId: TEAM, leadId: bulk7.id } });
    expect(sent.map((row) => row.fields)).toEqual([{ sent: expect.objectContaining({ name: "Person Seven Again" }), filled: [] }]);
    expect(await app.db.leadEvent.count({ where: { teamId: TEAM, type: "created", actorId: USER } })).toBe(3 + 1 + 12_000);
    expect(app.slack.uploadedFile((f) => f.title === "rejected-bulk.csv")).toBeUndefined();
  });
});
