// The funnel's figures for a period, from what people did through the domain's use cases on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const TEAM = "T0FFUNL001";
const MARKETER = "U0FUNMKT01";
const REP = "U0FUNREP01";
const HOUR = 3_600_000;

describe("the funnel of this week", () => {
  let t: TestServices;
  const clock = new TestClock("2026-11-23T09:00:00Z"); // Monday 09:00 in a UTC workspace
  beforeAll(async () => {
    t = await servicesOnFreshDatabase({ clock });
    await t.workspace(TEAM);
    const [won, rejected] = [
      await t.logLead(TEAM, { email: "won@acme.com" }),
      await t.logLead(TEAM, { email: "nope@acme.com" }),
      await t.logLead(TEAM, { email: "new@acme.com" }),
    ];
    if (!won || !rejected) throw new Error("leads not logged");
    const first = await t.services.handoffs.handOff(TEAM, won.id, MARKETER);
    const second = await t.services.handoffs.handOff(TEAM, rejected.id, MARKETER);
    clock.advance(HOUR);
    await t.services.handoffs.accept(TEAM, first.card.handoffId, REP);
    await t.services.handoffs.reject(TEAM, second.card.handoffId, REP, { reason: "no_budget" });
    clock.advance(HOUR);
    await t.services.leads.move(TEAM, won.id, REP, { to: "opportunity" });
    await t.services.leads.move(TEAM, won.id, REP, { to: "won", valueCents: 500_000, currency: "USD" });
    clock.advance(60_000); // "this week so far" ends now: what happened before now is in it
  });
  afterAll(() => t.dispose());

  it("counts each stage people moved leads to, the revenue won, and sales' answers with their speed", async () => {
    const report = await t.services.funnel.report(TEAM, "this week");
    expect(report.period.start.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(report.counts).toMatchObject({
      created: 3,
      mql: 2,
      sql: 1,
      opportunity: 1,
      won: 1,
      lost: 0,
      nurture: 1,
      revenue: [{ currency: "USD", cents: 500_000 }],
    });
    expect(report.handoffs).toMatchObject({ accepted: 1, rejected: 1, decided: 2, withinSla: 2, breaches: 0, acceptanceRate: 0.5 });
    expect(report.speed).toEqual({ count: 1, p50: HOUR, p90: HOUR });
    expect(report.previousCounts).toMatchObject({ created: 0, mql: 0 });
  });

  it("never shows figures that miss a lead logged since they were counted", async () => {
    const before = await t.services.funnel.report(TEAM, "this week");
    await t.logLead(TEAM, { email: "later@acme.com" });
    clock.advance(60_000);
    const after = await t.services.funnel.report(TEAM, "this week");
    expect([before.counts.created, after.counts.created]).toEqual([3, 4]);
  });

  it("answers a period it cannot read with one that works and where the rest are listed", async () => {
    await expect(t.services.funnel.report(TEAM, "fortnight")).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("Try `/funnel month`"),
    });
  });
});
