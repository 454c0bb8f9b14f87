import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLeadInput } from "../../src/domain/leads/lead-input.js";
import { saveLead } from "../../src/domain/leads/save-lead.js";
import { TestClock } from "../helpers/clock.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

const clock = new TestClock("2026-11-02T10:00:00Z");

function input(raw: Record<string, unknown>) {
  const parsed = parseLeadInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lead;
}

describe("saving a lead", () => {
  let database: OpenTestDatabase;
  const deps = () => ({ db: database.prisma, clock });
  beforeAll(async () => {
    database = await openTestDatabase();
    for (const teamId of ["T0SAVE0001", "T0SAVE0002"]) await database.prisma.workspace.create({ data: { teamId } });
    await database.prisma.campaign.create({
      data: {
        id: "camp_other",
        teamId: "T0SAVE0002",
        name: "Other",
        nameKey: "other",
        channel: "email",
        createdById: "U1",
        trackingCode: "spring",
      },
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("creates a new lead with a 'created' event, then updates it for the same email in any case", async () => {
    const first = await saveLead(deps(), {
      teamId: "T0SAVE0001",
      lead: input({ email: "Jane@Acme.com ", name: "Jane", phone: "+1 415 555 0100" }),
      actorId: "U0MKT",
      source: "slack",
    });
    expect(first.created).toBe(true);
    const second = await saveLead(deps(), {
      teamId: "T0SAVE0001",
      lead: input({ email: "jane@acme.COM", company: "Acme" }),
      actorId: "U0MKT2",
      source: "webhook",
    });
    expect(second.created).toBe(false);
    expect(second.lead.id).toBe(first.lead.id);
    expect(second.lead).toMatchObject({ name: "Jane", company: "Acme", phone: "+1 415 555 0100", emailKey: "jane@acme.com" });
    const events = await database.prisma.leadEvent.findMany({ where: { leadId: first.lead.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["created", "U0MKT"],
      ["updated", "U0MKT2"],
    ]);
  });

  it("replaces emptied fields when the edit says so", async () => {
    const { lead } = await saveLead(deps(), {
      teamId: "T0SAVE0001",
      lead: input({ email: "jane@acme.com" }),
      actorId: "U0MKT",
      source: "slack",
      replace: true,
    });
    expect(lead).toMatchObject({ name: null, company: null, phone: null });
  });

  it("makes exactly one row when the same email is submitted many times at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        saveLead(deps(), {
          teamId: "T0SAVE0001",
          lead: input({ email: "race@acme.com", notes: `n${i}` }),
          actorId: `U${i}`,
          source: "slack",
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await database.prisma.lead.count({ where: { teamId: "T0SAVE0001", emailKey: "race@acme.com" } })).toBe(1);
  });

  it("refuses a campaign (by id or tracking code) of another workspace and stores nothing", async () => {
    for (const ref of [{ campaignId: "camp_other" }, { campaignCode: "spring" }]) {
      const saving = saveLead(deps(), {
        teamId: "T0SAVE0001",
        lead: input({ email: "x@acme.com", ...ref }),
        actorId: "U1",
        source: "slack",
      });
      await expect(saving).rejects.toThrow("That campaign doesn't exist in this workspace.");
    }
    expect(await database.prisma.lead.count({ where: { emailKey: "x@acme.com" } })).toBe(0);
  });

  it("explains each invalid field in words a person understands", () => {
    const parsed = parseLeadInput({ email: "jane at acme", phone: "call me", name: "x".repeat(101), companySize: "huge" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      email: "That doesn't look like an email address (for example jane@acme.com).",
      phone: "A phone number can only have digits, spaces, + ( ) - . / and an extension (for example +1 415 555 0100).",
      name: "A name can be at most 100 characters.",
      companySize: "Company size must be one of 1-10, 11-50, 51-200, 201-1000, 1001-5000, 5001+.",
    });
  });
});
