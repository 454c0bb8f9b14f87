// Logging, editing, finding and moving leads through the domain's use cases on a real database.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARKETING_CHANNEL } from "../helpers/channels.js";
import { leadInput, servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const MARKETER = "U0MARKETER";
const REP = "U0REP00001";

describe("leads", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
    for (const team of ["T0FLEAD001", "T0FLEAD002"]) await t.workspace(team);
  });
  afterAll(() => t.dispose());

  it("logs a new lead, then updates the same one for its email in any case, keeping fields left empty", async () => {
    const team = "T0FLEAD001";
    const first = await t.services.leads.save(team, leadInput({ email: "Ada@Acme.com", name: "Ada", phone: "+1 415 555 0100" }), MARKETER);
    const second = await t.services.leads.save(team, leadInput({ email: "ada@ACME.com ", company: "Acme" }), "U0MARKETR2");
    expect([first.created, second.created, second.changed]).toEqual([true, false, true]);
    expect(second.lead).toMatchObject({ id: first.lead.id, name: "Ada", company: "Acme", phone: "+1 415 555 0100" });
    const events = await t.db.leadEvent.findMany({ where: { leadId: first.lead.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["created", MARKETER],
      ["updated", "U0MARKETR2"],
    ]);
    const unchanged = await t.services.leads.save(team, leadInput({ email: "ada@ACME.com", company: "Acme" }), MARKETER);
    expect(unchanged.changed).toBe(false);
    expect(await t.db.leadEvent.count({ where: { leadId: first.lead.id } })).toBe(2);
  });

  it("makes exactly one lead when the same email is saved ten times at once", async () => {
    const team = "T0FLEAD001";
    const saves = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.services.leads.save(team, leadInput({ email: "race@acme.com", notes: `try ${i}` }), `U0MKT${i}0000`),
      ),
    );
    expect(saves.filter((save) => save.created)).toHaveLength(1);
    expect(new Set(saves.map((save) => save.lead.id)).size).toBe(1);
    expect(await t.db.lead.count({ where: { teamId: team, emailKey: "race@acme.com" } })).toBe(1);
  });

  it("refuses an edit that takes another lead's email, saying so on the email field, and changes nothing", async () => {
    const team = "T0FLEAD001";
    await t.logLead(team, { email: "taken@acme.com" });
    const mine = await t.logLead(team, { email: "mine@acme.com", name: "Mine" });
    await expect(
      t.services.leads.save(team, leadInput({ email: "taken@acme.com", name: "Mine" }), MARKETER, { leadId: mine.id, replace: true }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { email: expect.stringContaining("Another lead already has this email") } });
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ emailKey: "mine@acme.com" });
  });

  it("finds leads by part of a name, email or company, only in the workspace that asks", async () => {
    await t.logLead("T0FLEAD001", { email: "grace@hopper.io", name: "Grace Hopper", company: "Navy" });
    await t.logLead("T0FLEAD002", { email: "grace@elsewhere.io", name: "Grace Other" });
    expect((await t.services.leads.find("T0FLEAD001", "GRACE", "U0MARKETER")).map((lead) => lead.email)).toEqual(["grace@hopper.io"]);
    expect((await t.services.leads.find("T0FLEAD002", "navy", "U0MARKETER")).map((lead) => lead.email)).toEqual([]);
  });

  it("lets the owner move an accepted lead to Won with its value, recorded as an event; nobody else may", async () => {
    const team = "T0FLEAD002";
    const lead = await t.logLead(team, { email: "deal@acme.com" });
    const { card } = await t.services.handoffs.handOff(team, lead.id, MARKETER);
    await t.services.handoffs.accept(team, card.handoffId, REP);
    await expect(t.services.leads.move(team, lead.id, "U0REP00002", { to: "opportunity" })).rejects.toMatchObject({ code: "forbidden" });
    await t.services.leads.move(team, lead.id, REP, { to: "opportunity" });
    const won = await t.services.leads.move(team, lead.id, REP, { to: "won", valueCents: 1_250_050, currency: "USD" });
    expect(won).toMatchObject({ stage: "won", dealValueCents: 1_250_050, dealCurrency: "USD" });
    const moves = await t.db.leadEvent.findMany({ where: { leadId: lead.id, type: "stage_changed" }, orderBy: { at: "asc" } });
    expect(moves.map((e) => [e.toStage, e.valueCents])).toEqual([
      ["mql", null],
      ["sql", null],
      ["opportunity", null],
      ["won", 1_250_050],
    ]);
    // Marketing hears of the win, with who handed the lead off, once.
    expect(t.handoffNotifier.firstArgsOf("won")).toEqual([
      expect.objectContaining({
        channelId: MARKETING_CHANNEL,
        ownerId: REP,
        handedOffById: MARKETER,
        valueCents: 1_250_050,
        currency: "USD",
      }),
    ]);
  });
});
