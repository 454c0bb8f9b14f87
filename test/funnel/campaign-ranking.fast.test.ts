// The top campaigns of a period: ranked by revenue, then SQLs, then new leads, then id, and every campaign that
// moved counted in the total. Only campaigns that can reach the top are counted in full, so these cases pin the
// ties at the edge of the top five, and a period where over a hundred campaigns tie with no revenue at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OnDemandDigests } from "../../src/domain/digests/on-demand-digests.js";
import { FunnelService } from "../../src/domain/funnel/funnel-service.js";
import type { Stage } from "../../src/domain/leads/stages.js";
import { TestClock } from "../helpers/clock.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { FunnelData } from "./fixtures.js";

const ZONE = "UTC";
/** Monday: "last week" is Nov 16-22. */
const NOW = "2026-11-23T12:00:00Z";
const BEFORE: [Stage, string][] = [
  ["mql", "2026-11-03T10:00"],
  ["sql", "2026-11-04T10:00"],
];

describe("the top campaigns of a week", () => {
  let database: OpenTestDatabase;
  let funnel: FunnelService;
  let digests: OnDemandDigests;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    funnel = new FunnelService({ db: database.prisma, provider: database.provider, clock: new TestClock(NOW) });
    digests = new OnDemandDigests({ db: database.prisma, provider: database.provider, clock: new TestClock(NOW), funnel });
    const data = new FunnelData(database.prisma, "T0RANK0001", ZONE);
    await data.workspace();
    for (const name of ["A", "B", "C", "D", "E", "F", "G", "H"]) ids[name] = await data.campaign(`Campaign ${name}`, 100_000);
    const c = (name: string) => ids[name] ?? "";
    // Won in the week (created and qualified before it), for the revenue.
    const won = async (name: string, cents: number) =>
      data.lead({ created: "2026-11-02T09:00", campaignId: c(name), moves: [...BEFORE, ["won", "2026-11-17T10:00"]], wonCents: cents });
    const created = async (name: string, count: number) => {
      for (let i = 0; i < count; i++) await data.lead({ created: "2026-11-18T09:00", campaignId: c(name) });
    };
    const accepted = async (name: string) =>
      data.lead({
        created: "2026-11-02T09:00",
        campaignId: c(name),
        moves: [
          ["mql", "2026-11-16T09:00"],
          ["sql", "2026-11-16T10:00"],
        ],
      });
    await won("A", 30_000);
    await created("A", 1);
    await won("B", 20_000);
    await created("B", 1);
    // C, D, E and F tie on revenue at the edge of the top five: SQLs, then new leads decide.
    await won("C", 10_000);
    await accepted("C");
    await accepted("C");
    await won("D", 10_000);
    await accepted("D");
    await created("D", 3);
    await won("E", 10_000);
    await accepted("E");
    await created("E", 1);
    await won("F", 10_000);
    await created("F", 5);
    // More leads than anyone, but no revenue.
    await created("G", 10);
    // Only moved to nurture: listed in the total, nowhere near the top.
    await data.lead({
      created: "2026-11-02T09:00",
      campaignId: c("H"),
      moves: [
        ["mql", "2026-11-03T10:00"],
        ["nurture", "2026-11-19T10:00"],
      ],
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("ranks by revenue, breaks ties by SQLs and then by new leads, and counts every campaign that moved", async () => {
    const { report } = await digests.onDemand("T0RANK0001", "last week");
    expect(report.campaigns.total).toBe(8);
    expect(report.campaigns.rows.map((row) => [row.name, row.revenue[0]?.cents ?? 0, row.sqls, row.leads, row.mqls, row.won])).toEqual([
      ["Campaign A", 30_000, 0, 1, 0, 1],
      ["Campaign B", 20_000, 0, 1, 0, 1],
      ["Campaign C", 10_000, 2, 0, 2, 1],
      ["Campaign D", 10_000, 1, 3, 1, 1],
      ["Campaign E", 10_000, 1, 1, 1, 1],
    ]);
  });

  it("ranks a hundred and more campaigns without revenue by SQLs, new leads and then id", async () => {
    const data = new FunnelData(database.prisma, "T0RANK0002", ZONE);
    await data.workspace();
    const campaigns: string[] = [];
    for (let i = 0; i < 105; i++) {
      const id = await data.campaign(`Tied ${String(i).padStart(3, "0")}`, null);
      campaigns.push(id);
      await data.lead({ created: "2026-11-18T09:00", campaignId: id });
    }
    const withSql = campaigns[50] ?? "";
    const withMoreLeads = campaigns[77] ?? "";
    await data.lead({
      created: "2026-11-19T09:00",
      campaignId: withSql,
      moves: [
        ["mql", "2026-11-19T10:00"],
        ["sql", "2026-11-19T11:00"],
      ],
    });
    await data.lead({ created: "2026-11-20T09:00", campaignId: withMoreLeads });
    await data.lead({ created: "2026-11-20T10:00", campaignId: withMoreLeads });

    const { report } = await digests.onDemand("T0RANK0002", "last week");
    const rest = campaigns.filter((id) => id !== withSql && id !== withMoreLeads).sort((a, b) => (a < b ? -1 : 1));
    expect(report.campaigns.total).toBe(105);
    expect(report.campaigns.rows.map((row) => row.id)).toEqual([withSql, withMoreLeads, ...rest.slice(0, 3)]);
    expect(report.campaigns.rows[0]).toMatchObject({ leads: 2, mqls: 1, sqls: 1, won: 0, revenue: [], costPerLeadCents: null });
    expect(report.campaigns.rows[1]).toMatchObject({ leads: 3, sqls: 0 });
  });
});
