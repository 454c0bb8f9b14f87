// The attribution rule on the CSV path: a row that gives a lead its missing source campaign moves the stages the
// lead reached before the import to that campaign too, as an edit in Slack does. Runs on SQLite and PostgreSQL
// (the bulk path has SQL per provider).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLeadInput } from "../../src/domain/leads/lead-input.js";
import { saveLead } from "../../src/domain/leads/save-lead.js";
import { saveLeadsInBulk } from "../../src/domain/leads/save-leads-in-bulk.js";
import { TestClock } from "../helpers/clock.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

const TEAM = "T0ATTRCSV1";
const clock = new TestClock("2026-11-02T10:00:00Z");

function input(raw: Record<string, unknown>) {
  const parsed = parseLeadInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lead;
}

describe("a CSV import that fills a lead's source campaign", () => {
  let database: OpenTestDatabase;
  const deps = () => ({ db: database.prisma, provider: database.provider, clock });
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.prisma.workspace.create({ data: { teamId: TEAM } });
    await database.prisma.campaign.create({
      data: { id: "c_csv_fair", teamId: TEAM, name: "Fair", nameKey: "fair", channel: "events", createdById: "U1" },
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("puts the lead's earlier events under the campaign the import gave it", async () => {
    const { lead } = await saveLead(deps(), { teamId: TEAM, lead: input({ email: "ann@acme.com" }), actorId: "U1", source: "slack" });
    const untouched = await saveLead(deps(), { teamId: TEAM, lead: input({ email: "bob@acme.com" }), actorId: "U1", source: "slack" });
    clock.advanceMinutes(10);
    const counts = await saveLeadsInBulk(deps(), {
      teamId: TEAM,
      actorId: "U1",
      source: "csv",
      leads: [
        { input: input({ email: "ann@acme.com" }), campaignId: "c_csv_fair" },
        { input: input({ email: "bob@acme.com", company: "Acme" }), campaignId: null },
      ],
    });
    expect(counts).toMatchObject({ updated: 2 });
    const events = await database.prisma.leadEvent.findMany({ where: { teamId: TEAM, leadId: lead.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.type, e.campaignId])).toEqual([
      ["created", "c_csv_fair"],
      ["submitted", "c_csv_fair"],
    ]);
    const bob = await database.prisma.leadEvent.findMany({ where: { teamId: TEAM, leadId: untouched.lead.id } });
    expect(bob.every((e) => e.campaignId === null)).toBe(true);
  });
});
