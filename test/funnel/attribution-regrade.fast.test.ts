// The attribution rule after an ICP change: "By fit" counts every lead under the grade the regrade gave it, also
// for the stages it reached before, the figures shown before the change are not reused, and the lead's history
// says Baton changed the grade, from which to which.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const TEAM = "T0ATTRGR01";
const ADMIN = "U0ATTRADM1";
const saas = { name: "Mid-market SaaS", industries: "Software, SaaS", companySizes: ["51-200", "201-1000"], regions: "Europe", titles: "" };

describe("fit grades after an ICP change", () => {
  let t: TestServices;
  let fitsId = "";
  beforeAll(async () => {
    t = await servicesOnFreshDatabase(); // Monday 2026-11-23 09:00 UTC
    await t.workspace(TEAM);
    t.directory.addAdmins(TEAM, ADMIN);
    fitsId = (await t.logLead(TEAM, { email: "a@fits.io", industry: "B2B SaaS", companySize: "51-200", region: "Western Europe" })).id;
    await t.logLead(TEAM, { email: "b@picked.io", fitGrade: "B" });
    t.clock.advanceMinutes(1);
  });
  afterAll(() => t.dispose());

  const byFit = async () => (await t.services.digests.onDemand(TEAM, "this week")).report.fitGrades;

  it("moves the leads' earlier stages to their new grade, and the funnel counts afresh", async () => {
    expect(await byFit()).toEqual([
      { grade: "B", leads: 1, sqls: 0, won: 0 },
      { grade: null, leads: 1, sqls: 0, won: 0 },
    ]);
    t.clock.set(new Date(t.clock.now().getTime() + 10_000)); // within the figure cache's minute
    const { change } = await t.services.playbook.saveSegment(TEAM, ADMIN, saas);
    if (!change) throw new Error("no change recorded");
    expect(await t.services.playbook.applyIcpChange(TEAM, change.id)).toEqual({ leads: 2, changed: 2 });
    t.clock.set(new Date(t.clock.now().getTime() + 10_000));
    // a@fits.io meets all three criteria (A); b@picked.io none of them (D): both counted where they are now.
    expect(await byFit()).toEqual([
      { grade: "A", leads: 1, sqls: 0, won: 0 },
      { grade: "D", leads: 1, sqls: 0, won: 0 },
    ]);
  });

  it("writes the change on each lead's history as Baton's", async () => {
    const events = await t.db.leadEvent.findMany({ where: { teamId: TEAM, leadId: fitsId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.type, e.actorId, e.reason, e.fitGrade])).toEqual([
      ["created", "U0MARKETER", null, "A"],
      ["updated", "system", "fit not graded → A (the ICP changed)", "A"],
    ]);
  });
});
