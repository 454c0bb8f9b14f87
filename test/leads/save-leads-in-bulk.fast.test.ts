import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLeadInput } from "../../src/domain/leads/lead-input.js";
import { saveLead } from "../../src/domain/leads/save-lead.js";
import { saveLeadsInBulk } from "../../src/domain/leads/save-leads-in-bulk.js";
import { TestClock } from "../helpers/clock.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

const TEAM = "T0BATCH001";
const clock = new TestClock("2026-11-02T10:00:00Z");

function lead(raw: Record<string, unknown>) {
  const parsed = parseLeadInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { input: parsed.lead, campaignId: null };
}

describe("saving leads in bulk (the set-based SQL for each provider)", () => {
  let database: OpenTestDatabase;
  const deps = () => ({ db: database.prisma, provider: database.provider, clock });
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.prisma.workspace.create({ data: { teamId: TEAM } });
    await database.prisma.workspace.create({ data: { teamId: "T0BATCH002" } });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("stores rows that read back exactly like rows Prisma writes: dates, defaults, events", async () => {
    const counts = await saveLeadsInBulk(deps(), {
      teamId: TEAM,
      leads: [lead({ email: "Bulk@Acme.com", name: "Bulk", companySize: "11-50" })],
      actorId: "U1",
      source: "csv",
    });
    expect(counts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    await saveLead(deps(), { teamId: TEAM, lead: lead({ email: "single@acme.com" }).input, actorId: "U1", source: "slack" });
    const at = clock.now();
    const both = await database.prisma.lead.findMany({
      where: { teamId: TEAM, createdAt: { gte: at, lte: at } },
      orderBy: { email: "asc" },
    });
    expect(both.map((l) => [l.email, l.emailKey, l.stage, l.source, l.createdAt.toISOString(), l.updatedAt.toISOString()])).toEqual([
      ["Bulk@Acme.com", "bulk@acme.com", "new", "csv", at.toISOString(), at.toISOString()],
      ["single@acme.com", "single@acme.com", "new", "slack", at.toISOString(), at.toISOString()],
    ]);
    const events = await database.prisma.leadEvent.findMany({
      where: { teamId: TEAM, at: { gte: at, lte: at }, type: "created", toStage: "new" },
    });
    expect(events).toHaveLength(2);
    if (database.provider === "sqlite") {
      const raw = await database.prisma.$queryRawUnsafe<{ createdAt: string }[]>(
        `SELECT CAST("createdAt" AS TEXT) AS "createdAt" FROM "Lead" WHERE "teamId" = ?`,
        TEAM,
      );
      expect(new Set(raw.map((r) => r.createdAt)).size).toBe(1);
    }
  });

  it("updates only what changed, keeps stored values for empty cells, and never touches another workspace", async () => {
    await saveLeadsInBulk(deps(), {
      teamId: "T0BATCH002",
      leads: [lead({ email: "bulk@acme.com", name: "Other team" })],
      actorId: "U2",
      source: "csv",
    });
    clock.advanceMinutes(5);
    const counts = await saveLeadsInBulk(deps(), {
      teamId: TEAM,
      leads: [
        lead({ email: "bulk@acme.com", phone: "+1 415 555 0100" }),
        lead({ email: "single@acme.com" }),
        lead({ email: "new@acme.com", notes: "it's \"quoted\" ' and ; unicode ✓" }),
      ],
      actorId: "U3",
      source: "csv",
    });
    expect(counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    const bulk = await database.prisma.lead.findFirst({ where: { teamId: TEAM, emailKey: "bulk@acme.com" } });
    expect(bulk).toMatchObject({ name: "Bulk", companySize: "11-50", phone: "+1 415 555 0100", updatedAt: clock.now() });
    expect(await database.prisma.lead.findFirst({ where: { teamId: TEAM, emailKey: "new@acme.com" } })).toMatchObject({
      notes: "it's \"quoted\" ' and ; unicode ✓",
    });
    expect(await database.prisma.lead.findFirst({ where: { teamId: "T0BATCH002", emailKey: "bulk@acme.com" } })).toMatchObject({
      name: "Other team",
      phone: null,
    });
    const updates = await database.prisma.leadEvent.findMany({ where: { teamId: TEAM, type: "submitted" } });
    expect(updates.map((e) => [e.leadId, e.actorId, e.reason])).toEqual([[bulk?.id, "U3", "a CSV import"]]);
    const sent = await database.prisma.leadSubmission.findMany({ where: { teamId: TEAM } });
    expect(sent.map((row) => [row.leadId, row.channel, row.fields])).toEqual([
      [bulk?.id, "csv", { sent: { email: "bulk@acme.com", phone: "+1 415 555 0100" }, filled: ["phone"] }],
    ]);
  });
});
