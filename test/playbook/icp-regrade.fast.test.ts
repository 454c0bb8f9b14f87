// The ICP and fit grades through the domain's use cases on a real database: a change regrades every lead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARKETING_CHANNEL, SALES_CHANNEL } from "../helpers/channels.js";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const ADMIN = "U0ICPADMN1";
const MARKETER = "U0ICPMKT01";

const saas = { name: "Mid-market SaaS", industries: "Software, SaaS", companySizes: ["51-200", "201-1000"], regions: "Europe", titles: "" };

describe("the ICP regrades leads", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
  });
  afterAll(() => t.dispose());

  const gradeOf = async (id: string) => (await t.db.lead.findUniqueOrThrow({ where: { id } })).fitGrade;

  it("regrades every lead after a segment is added or changed, and grades new leads as they are saved", async () => {
    const team = "T0FICPR001";
    await t.workspace(team);
    t.directory.addAdmins(team, ADMIN);
    const fits = await t.logLead(team, { email: "a@fits.io", industry: "B2B SaaS", companySize: "51-200", region: "Western Europe" });
    const half = await t.logLead(team, { email: "c@half.io", industry: "Software", companySize: "5001+", region: "Asia" });
    const picked = await t.logLead(team, { email: "b@picked.io", fitGrade: "B" });
    expect([await gradeOf(fits.id), await gradeOf(half.id), await gradeOf(picked.id)]).toEqual([null, null, "B"]);

    const { change, segmentId } = await t.services.playbook.saveSegment(team, ADMIN, saas);
    if (!change) throw new Error("no change recorded");
    expect(await t.services.playbook.applyIcpChange(team, change.id)).toEqual({ leads: 3, changed: 3 });
    expect([await gradeOf(fits.id), await gradeOf(half.id), await gradeOf(picked.id)]).toEqual(["A", "D", "D"]);
    expect(await t.services.playbook.gradeCounts(team)).toEqual({ A: 1, D: 2 });
    // 1 of 3 criteria is D; widening the regions makes it 2 of 3: C.
    const segment = await t.services.playbook.segment(team, segmentId);
    const widened = await t.services.playbook.saveSegment(
      team,
      ADMIN,
      { ...saas, regions: "Europe, Asia" },
      {
        segmentId,
        version: segment.version,
      },
    );
    if (!widened.change) throw new Error("no change recorded");
    expect(await t.services.playbook.applyIcpChange(team, widened.change.id)).toEqual({ leads: 3, changed: 1 });
    expect(await gradeOf(half.id)).toBe("C");
    const later = await t.logLead(team, { email: "new@fits.io", industry: "SaaS", companySize: "201-1000", region: "Europe" });
    expect(await gradeOf(later.id)).toBe("A");
  });

  it("finishes a regrade a restart cut short, once", async () => {
    const team = "T0FICPR002";
    await t.workspace(team);
    t.directory.addAdmins(team, ADMIN);
    const lead = await t.logLead(team, { email: "x@fits.io", industry: "Software", companySize: "51-200", region: "Europe" });
    await t.services.playbook.saveSegment(team, ADMIN, saas); // the process stops before applyIcpChange
    expect(await gradeOf(lead.id)).toBeNull();
    expect(await t.services.playbook.catchUpRegrades()).toEqual({ teams: 1 });
    expect(await gradeOf(lead.id)).toBe("A");
    expect(await t.services.playbook.catchUpRegrades()).toEqual({ teams: 0 });
  });

  it("lets only admins change the ICP, and announces a change in both team channels", async () => {
    const team = "T0FICPR003";
    await t.workspace(team);
    t.directory.addAdmins(team, ADMIN);
    await expect(t.services.playbook.saveSegment(team, MARKETER, saas)).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.services.playbook.segments(team)).toEqual([]);
    const saved = await t.services.playbook.saveSegment(team, ADMIN, saas);
    if (!saved.change) throw new Error("no change recorded");
    await t.services.playbook.announceChange(saved.announcement);
    const announced = t.announcer.argsOf("playbookChanged").filter(([teamId]) => teamId === team);
    expect(announced.map(([, channel, what]) => [channel, what.kind, what.actorId])).toEqual(
      expect.arrayContaining([
        [SALES_CHANNEL, "icp", ADMIN],
        [MARKETING_CHANNEL, "icp", ADMIN],
      ]),
    );
    expect(announced).toHaveLength(2);
  });
});
