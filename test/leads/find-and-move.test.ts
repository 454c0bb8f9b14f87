import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handOff, logLead, textOf } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0FINDMOV1";
const MARKETER = "U0FMMKT001";
const REP = "U0FMREP001";
const OTHER_REP = "U0FMREP002";

describe("/lead find and moving leads along", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { currency: "EUR" } });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /** A lead sales accepted: SQL, owned by `rep`. */
  async function ownedLead(email: string, rep = REP, fields: Record<string, string> = {}) {
    const lead = await logLead(app, { email, ...fields }, { teamId: TEAM, userId: MARKETER });
    const handoff = await handOff(app, lead.id, { teamId: TEAM, userId: MARKETER });
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id ?? "" }, { teamId: TEAM, userId: rep });
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead"));
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("sql");
    await app.idle();
    app.slack.reset();
    return lead;
  }

  const find = async (text: string) => {
    await app.idle();
    app.slack.reset();
    await app.requests.command("/lead", `find ${text}`, { teamId: TEAM, userId: MARKETER });
    return (await app.slack.waitForResponse()).body;
  };

  it("finds leads by name, email or company, whatever the case, accents included, with stage, owner and Open", async () => {
    const zoe = await ownedLead("Zoe@Mueller.de", REP, { name: "Zoë Ölberg", company: "Müller GmbH" });
    await logLead(app, { email: "hans@example.org", name: "Hans", company: "Bäckerei Schmidt" }, { teamId: TEAM, userId: MARKETER });
    for (const query of ["MÜLLER", "müller", "zoë", "ZOE@MUELLER", "ölberg"]) {
      app.slack.reset();
      const body = await find(query);
      expect(body.response_type).toBe("ephemeral");
      const rows = body.blocks.filter((b: { block_id?: string }) => b.block_id?.startsWith("lead:"));
      expect(rows.map((b: { block_id: string }) => b.block_id)).toEqual([`lead:${zoe.id}`]);
      expect(rows[0].text.text).toContain("Stage: *SQL*");
      expect(rows[0].text.text).toContain(`Owner: <@${REP}>`);
      expect(rows[0].accessory).toMatchObject({ action_id: "lead_open", value: zoe.id });
    }
  });

  it("shows at most ten results, says there may be more, and treats % and _ as plain characters", async () => {
    for (let i = 0; i < 12; i++)
      await logLead(app, { email: `bulk${i}@bulkco.com`, company: "BulkCo" }, { teamId: TEAM, userId: MARKETER });
    const body = await find("bulkco");
    expect(body.blocks.filter((b: { block_id?: string }) => b.block_id?.startsWith("lead:"))).toHaveLength(10);
    expect(body.blocks[0].text.text).toContain("the 10 most recently changed");
    app.slack.reset();
    expect((await find("%")).text).toContain("No lead's name, email or company contains");
    app.slack.reset();
    expect((await find("_")).text).toContain("No lead's name, email or company contains");
    const juice = await logLead(app, { email: "first_last@juice.io", company: "100% Juice" }, { teamId: TEAM, userId: MARKETER });
    for (const query of ["0% j", "t_l"]) {
      app.slack.reset();
      const rows = (await find(query)).blocks.filter((b: { block_id?: string }) => b.block_id?.startsWith("lead:"));
      expect(rows.map((b: { block_id: string }) => b.block_id)).toEqual([`lead:${juice.id}`]);
    }
  });

  it("never shows another workspace's leads", async () => {
    await logLead(app, { email: "secret@rival.com", company: "Rival" }, { teamId: "T0FINDMOV2", userId: MARKETER });
    expect((await find("rival")).text).toContain("No lead's name, email or company contains");
  });

  it("opens a lead's card with its history; only the owner sees the stage moves", async () => {
    const lead = await ownedLead("card@example.com", REP, { name: "Card Person" });
    await app.requests.blockAction({ actionId: "lead_open", value: lead.id }, { teamId: TEAM, userId: REP });
    const mine = (await app.slack.waitFor("views.open")).args.view;
    expect(mine.callback_id).toBe("lead_card_modal");
    const actions = JSON.stringify(mine.blocks);
    for (const id of ["lead_to_opportunity", "lead_to_won", "lead_to_lost"]) expect(actions).toContain(id);
    expect(actions).toContain("moved it from MQL to SQL");
    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_open", value: lead.id }, { teamId: TEAM, userId: MARKETER });
    const theirs = JSON.stringify((await app.slack.waitFor("views.open")).args.view.blocks);
    expect(theirs).not.toContain("lead_to_won");
    expect(theirs).toContain("Card Person");
  });

  it("moves the owner's lead to Opportunity from its card, updating the card in place", async () => {
    const lead = await ownedLead("opp@example.com");
    await app.requests.blockAction(
      { actionId: "lead_to_opportunity", value: lead.id, view: { id: "VCARD00001", type: "modal", callback_id: "lead_card_modal" } },
      { teamId: TEAM, userId: REP },
    );
    const updated = await app.slack.waitFor("views.update", (c) => c.args.view_id === "VCARD00001");
    expect(JSON.stringify(updated.args.view.blocks)).toContain("Stage: *Opportunity*");
    const moved = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(moved.stage).toBe("opportunity");
    expect(moved.opportunityAt).not.toBeNull();
    const event = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, toStage: "opportunity" } });
    expect(event).toMatchObject({ type: "stage_changed", fromStage: "sql", actorId: REP });
    await app.slack.waitFor("views.publish", (c) => c.args.user_id === REP);
  });

  it("refuses a move by someone who doesn't own the lead, and changes nothing", async () => {
    const lead = await ownedLead("notyours@example.com");
    await app.requests.blockAction({ actionId: "lead_to_opportunity", value: lead.id }, { teamId: TEAM, userId: OTHER_REP });
    const told = await app.slack.waitForResponse();
    expect(told.body.text).toContain(`Only its owner, <@${REP}>, can move this lead along.`);
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("sql");
  });

  it("marks a deal Won with its value in the workspace's currency by default, validating the amount", async () => {
    const lead = await ownedLead("won@example.com");
    await app.requests.blockAction({ actionId: "lead_to_won", value: lead.id }, { teamId: TEAM, userId: REP, channelId: "C0SALES0001" });
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.callback_id).toBe("lead_won_modal");
    expect(view.blocks.find((b: { block_id: string }) => b.block_id === "currency").element.initial_option.value).toBe("EUR");
    const submit = (amount: string, currency: string) =>
      app.requests.viewSubmission(
        {
          callbackId: "lead_won_modal",
          privateMetadata: view.private_metadata,
          values: { amount: { value: input.text(amount) }, currency: { value: input.text(currency) } },
        },
        { teamId: TEAM, userId: REP },
      );
    expect((await submit("lots", "EUR")).body.errors).toEqual({
      amount: "Enter the deal value as a number, for example 12500 or 12,500.50.",
    });
    expect((await submit("100", "EURO")).body.errors).toEqual({ currency: "Enter a three-letter currency code such as USD, EUR or GBP." });
    expect((await submit("100.5", "JPY")).body.errors).toEqual({ amount: "JPY amounts have at most 0 decimal places." });
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("sql");

    expect((await submit("12,500.50", "eur")).body).toBe("");
    const won = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(won).toMatchObject({ stage: "won", dealValueCents: 1_250_050, dealCurrency: "EUR" });
    const event = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, toStage: "won" } });
    expect(event).toMatchObject({ fromStage: "sql", valueCents: 1_250_050, currency: "EUR", actorId: REP });
    const said = await app.slack.waitFor("chat.postEphemeral");
    expect(textOf(said)).toContain("to Won");

    // Won is final.
    app.slack.reset();
    await app.requests.blockAction({ actionId: "lead_to_opportunity", value: lead.id }, { teamId: TEAM, userId: REP });
    await app.slack.waitForResponse((r) => String(r.body.text).includes("A lead can't go from Won to Opportunity. Won is final."));
  });

  it("marks a deal Lost with a reason, from the App Home", async () => {
    const lead = await ownedLead("lost@example.com");
    await app.requests.blockAction(
      { actionId: "lead_to_lost", value: lead.id, view: { id: "VHOME00002", type: "home", callback_id: "" } },
      { teamId: TEAM, userId: REP },
    );
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.callback_id).toBe("lead_lost_modal");
    const submit = (reason: string | null) =>
      app.requests.viewSubmission(
        { callbackId: "lead_lost_modal", privateMetadata: view.private_metadata, values: { reason: { value: input.text(reason) } } },
        { teamId: TEAM, userId: REP },
      );
    expect((await submit(null)).body.errors).toEqual({ reason: "Say why the deal was lost." });
    expect((await submit("Went with a competitor")).body).toBe("");
    const lost = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(lost).toMatchObject({ stage: "lost", lostReason: "Went with a competitor" });
    expect(lost.lostAt).not.toBeNull();
    const event = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, toStage: "lost" } });
    expect(event).toMatchObject({ fromStage: "sql", reason: "Went with a competitor" });
    await app.slack.waitFor("views.publish", (c) => c.args.user_id === REP);
  });

  it("shows an inline error when the lead was moved by someone else meanwhile", async () => {
    const lead = await ownedLead("meanwhile@example.com");
    const metadata = JSON.stringify({ leadId: lead.id });
    await app.db.lead.update({ where: { id: lead.id }, data: { ownerId: OTHER_REP } });
    const reply = await app.requests.viewSubmission(
      { callbackId: "lead_lost_modal", privateMetadata: metadata, values: { reason: { value: input.text("Too late") } } },
      { teamId: TEAM, userId: REP },
    );
    expect(reply.body.response_action).toBe("errors");
    expect(reply.body.errors.reason).toContain(`Only its owner, <@${OTHER_REP}>`);
  });
});
