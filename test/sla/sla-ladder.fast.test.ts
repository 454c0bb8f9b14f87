// The SLA ladder through the domain's use cases on a real database: each step once, in working hours.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const MARKETER = "U0SLAMKT01";
const ANN = "U0SLAANN01";
const BOB = "U0SLABOB01";
const ADMIN = "U0SLAADMIN";
/** Monday 09:00 UTC: the start of the working day in a UTC workspace. */
const MONDAY_9AM = "2026-11-23T09:00:00Z";

describe("the SLA ladder", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    t.clock.set(MONDAY_9AM);
    t.resetFakes();
  });

  async function handOff(team: string, email: string) {
    const lead = await t.logLead(team, { email });
    const { card } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    t.resetFakes();
    return card.handoffId;
  }

  const stepsOf = async (handoffId: string) =>
    (await t.db.slaStep.findMany({ where: { handoffId }, orderBy: { dueAt: "asc" } })).map((s) => [s.step, s.outcome]);

  it("reminds at half the response time and escalates at the deadline, each once however often it runs", async () => {
    const team = "T0FSLAL001";
    await t.workspace(team, { salesUserIds: [ANN, BOB] });
    const handoffId = await handOff(team, "slow@acme.com");
    t.clock.set("2026-11-23T10:59:00Z");
    expect(await t.services.sla.runDue()).toBe(0);
    t.clock.set("2026-11-23T11:00:00Z");
    expect(await t.services.sla.runDue()).toBe(1);
    expect(await t.services.sla.runDue()).toBe(0);
    expect(t.handoffNotifier.calls.map((call) => call.method)).toEqual(["reminder"]);
    t.clock.set("2026-11-23T13:00:00Z");
    await t.services.sla.runDue();
    await t.services.sla.runDue();
    const [[card, mention] = []] = t.handoffNotifier.argsOf("escalation");
    expect(t.handoffNotifier.argsOf("escalation")).toHaveLength(1);
    expect(mention).toEqual({ groupId: null, userIds: [ANN, BOB] });
    expect(card?.breachedAt?.toISOString()).toBe("2026-11-23T13:00:00.000Z");
    expect(await stepsOf(handoffId)).toEqual([
      ["reminder", "done"],
      ["escalation", "done"],
    ]);
    const events = await t.db.leadEvent.findMany({ where: { teamId: team, type: { in: ["reminded", "escalated"] } } });
    expect(events.map((e) => e.type).sort()).toEqual(["escalated", "reminded"]);
  });

  it("counts working hours only: a handoff on Friday afternoon is due on Monday morning", async () => {
    const team = "T0FSLAL002";
    await t.workspace(team);
    t.clock.set("2026-11-27T15:00:00Z"); // Friday 15:00: two working hours left that day
    const handoffId = await handOff(team, "friday@acme.com");
    expect((await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).slaDueAt?.toISOString()).toBe("2026-11-30T11:00:00.000Z");
    t.clock.set("2026-11-29T12:00:00Z"); // Sunday
    await t.services.sla.runDue();
    expect(t.handoffNotifier.calls.map((call) => call.method)).toEqual(["reminder"]);
  });

  it("reassigns to the next rep at the deadline, with a full response time of their own that the ladder follows", async () => {
    const team = "T0FSLAL003";
    await t.workspace(team);
    t.directory.addAdmins(team, ADMIN);
    await t.services.rotation.save(team, ADMIN, { enabled: true, reassignOnBreach: true, members: [{ userId: ANN }, { userId: BOB }] });
    const handoffId = await handOff(team, "reassign@acme.com");
    expect((await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).assigneeId).toBe(ANN);
    t.clock.set("2026-11-23T13:00:00Z");
    await t.services.sla.runDue();
    const reassigned = await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(reassigned).toMatchObject({ assigneeId: BOB });
    // Bob has 240 working minutes from 13:00: until 17:00; the team's deadline (what the funnel measures) stays.
    expect(reassigned.assigneeDueAt?.toISOString()).toBe("2026-11-23T17:00:00.000Z");
    expect(reassigned.slaDueAt?.toISOString()).toBe("2026-11-23T13:00:00.000Z");
    expect(
      t.handoffNotifier.argsOf("assigned").map(([card, by, previous, clock]) => [card.assigneeId, by, previous, clock?.workingMinutesLeft]),
    ).toEqual([[BOB, { kind: "sla" }, null, 240]]);
    // Who had it before is said in the card's thread.
    expect(t.handoffNotifier.argsOf("reassignedInThread").map(([, previous]) => previous)).toEqual([ANN]);
    expect(t.handoffNotifier.argsOf("assigned")[0]?.[0].answerBy?.toISOString()).toBe("2026-11-23T17:00:00.000Z");
    const steps = await t.db.slaStep.findMany({ where: { handoffId }, orderBy: { step: "asc" } });
    expect(steps.map((s) => [s.step, s.dueAt.toISOString(), s.outcome])).toEqual([
      ["escalation", "2026-11-23T17:00:00.000Z", null],
      ["reassignment", "2026-11-23T13:00:00.000Z", "done"],
      ["reminder", "2026-11-23T15:00:00.000Z", null],
    ]);

    // Bob's ladder: his reminder at half his time, then one escalation at his deadline; no second reassignment.
    t.resetFakes();
    t.clock.set("2026-11-23T14:59:00Z");
    expect(await t.services.sla.runDue()).toBe(0);
    t.clock.set("2026-11-23T15:00:00Z");
    await t.services.sla.runDue();
    expect(t.handoffNotifier.argsOf("reminder").map(([card, clock]) => [card.assigneeId, clock?.workingMinutesLeft])).toEqual([[BOB, 120]]);
    t.clock.set("2026-11-23T17:00:00Z");
    await t.services.sla.runDue();
    await t.services.sla.runDue();
    expect(t.handoffNotifier.calls.map((call) => call.method).filter((m) => m !== "refreshCard")).toEqual(["reminder", "escalation"]);
    expect((await t.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).assigneeId).toBe(BOB);
  });

  it("skips the steps of a handoff sales answered in time, and says nothing", async () => {
    const team = "T0FSLAL004";
    await t.workspace(team);
    const handoffId = await handOff(team, "answered@acme.com");
    await t.services.handoffs.accept(team, handoffId, ANN);
    t.resetFakes();
    t.clock.set("2026-11-23T14:00:00Z");
    await t.services.sla.runDue();
    expect(t.handoffNotifier.calls).toEqual([]);
    expect(await stepsOf(handoffId)).toEqual([
      ["reminder", "skipped"],
      ["escalation", "skipped"],
    ]);
  });
});
