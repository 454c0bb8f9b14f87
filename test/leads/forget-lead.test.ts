import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEverywhere } from "../helpers/find-everywhere.js";
import { handOff, logLead, textOf, updatesOf, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0FORGET01";
const ADMIN = "U0FGADMIN1";
const MARKETER = "U0FGMKT001";
const REP = "U0FGREP001";

const PERSONAL = {
  name: "Erin Erasure",
  email: "Erin.Erasure@privacy.example",
  phone: "+1 415 555 0199",
  notes: "Prefers calls after 6pm, ask for Erin",
};
const REJECT_NOTE = "Erin said to call back in May";
const LOST_REASON = "Erin Erasure chose a rival";
/** Strings that must appear nowhere in the database once the lead is erased (any case). */
const NEEDLES = ["erin", "erasure", "privacy.example", "555 0199", "after 6pm", "call back in may", "chose a rival"];

describe("/lead forget", () => {
  let app: TestApp;
  let leadId = "";
  const cards: { ts: string }[] = [];
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.db.campaign.create({
      data: { id: "fg_camp", teamId: TEAM, name: "Privacy Webinar", nameKey: "privacy webinar", channel: "webinar", createdById: MARKETER },
    });
    const marketer = { teamId: TEAM, userId: MARKETER };
    const lead = await logLead(app, { ...PERSONAL, company: "Acme", fitGrade: "B", campaignId: "fg_camp" }, marketer);
    leadId = lead.id;
    // First handoff: rejected with a note that names the person.
    const first = await handOff(app, lead.id, marketer);
    cards.push({ ts: first?.messageTs ?? "" });
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: JSON.stringify({ handoffId: first?.id }),
        values: { reason: { value: input.select("unable_to_reach") }, note: { value: input.text(REJECT_NOTE) } },
      },
      { teamId: TEAM, userId: REP },
    );
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: first?.id ?? "" } })).noticeRefs !== null);
    // Re-qualified, accepted, then lost with a reason that names the person.
    app.clock.advanceMinutes(60);
    const second = await handOff(app, lead.id, marketer);
    cards.push({ ts: second?.messageTs ?? "" });
    await app.requests.blockAction({ actionId: "handoff_accept", value: second?.id ?? "" }, { teamId: TEAM, userId: REP });
    await waitUntil(async () => (await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage === "sql");
    await app.requests.viewSubmission(
      {
        callbackId: "lead_lost_modal",
        privateMetadata: JSON.stringify({ leadId: lead.id }),
        values: { reason: { value: input.text(LOST_REASON) } },
      },
      { teamId: TEAM, userId: REP },
    );
    // Another area's table that quotes the person (a stored web-form answer).
    await app.db.webhookReceipt.create({
      data: {
        teamId: TEAM,
        idempotencyKey: "k1",
        status: 201,
        body: JSON.stringify({ lead: { email: PERSONAL.email.toLowerCase(), name: PERSONAL.name } }),
      },
    });
    for (const needle of NEEDLES) expect(await findEverywhere(app.db, needle)).not.toEqual([]);
  });
  afterAll(async () => {
    await app.stop();
  });

  it("is refused to anyone who is not a Baton admin, before any modal opens", async () => {
    app.slack.reset();
    await app.requests.command("/lead", `forget ${PERSONAL.email}`, { teamId: TEAM, userId: MARKETER });
    const told = await app.slack.waitForResponse((r) => String(r.body.text).includes("Only Baton admins"));
    expect(told.body.text).toContain("Only Baton admins can erase a lead's personal data");
    expect(told.body.response_type).toBe("ephemeral");
    expect(app.slack.callsOf("views.open")).toHaveLength(0);
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: leadId } })).email).toBe(PERSONAL.email);
  });

  it("asks an admin to confirm, saying it cannot be undone", async () => {
    app.slack.reset();
    await app.requests.command("/lead", `forget ${PERSONAL.email.toUpperCase()}`, { teamId: TEAM, userId: ADMIN, channelId: "C0ADMINS01" });
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.callback_id).toBe("lead_forget_modal");
    expect(JSON.stringify(view.blocks)).toContain("This cannot be undone.");
    expect(JSON.parse(view.private_metadata)).toEqual({ leadId, channelId: "C0ADMINS01" });
  });

  it("erases the person everywhere, keeps the anonymous lead for the funnel, anonymises the cards and confirms", async () => {
    const eventsBefore = await app.db.leadEvent.count({ where: { leadId } });
    app.slack.reset();
    app.clock.advanceMinutes(5);
    const reply = await app.requests.viewSubmission(
      { callbackId: "lead_forget_modal", privateMetadata: JSON.stringify({ leadId, channelId: "C0ADMINS01" }), values: {} },
      { teamId: TEAM, userId: ADMIN },
    );
    expect(reply.body).toBe("");
    const confirmation = await app.slack.waitFor("chat.postEphemeral", (c) => c.args.user === ADMIN);
    expect(textOf(confirmation)).toContain("Erased.");
    // Two cards, the rejection's two notices, the acceptance's thread notice.
    expect(textOf(confirmation)).toContain("5 Slack messages were anonymised");

    for (const needle of NEEDLES) expect({ needle, hits: await findEverywhere(app.db, needle) }).toEqual({ needle, hits: [] });

    const lead = await app.db.lead.findUniqueOrThrow({ where: { id: leadId } });
    expect(lead).toMatchObject({ name: null, email: null, emailKey: null, phone: null, notes: null, lostReason: null, erasedById: ADMIN });
    expect(lead).toMatchObject({ stage: "lost", company: "Acme", campaignId: "fg_camp", fitGrade: "B" });
    expect(lead.erasedAt).not.toBeNull();
    expect(await app.db.leadEvent.count({ where: { leadId } })).toBe(eventsBefore + 1);
    expect(await app.db.leadEvent.findFirst({ where: { leadId, type: "erased" } })).toMatchObject({ actorId: ADMIN });
    // The funnel still sees every stage change, and the rejection's fixed reason.
    const changes = await app.db.leadEvent.findMany({ where: { leadId, type: "stage_changed" }, orderBy: { at: "asc" } });
    expect(changes.map((e) => e.toStage)).toEqual(["mql", "nurture", "mql", "sql", "lost"]);
    expect(changes.find((e) => e.toStage === "nurture")?.reason).toBe("unable_to_reach");
    expect((await app.db.handoff.findMany({ where: { leadId } })).map((h) => h.rejectReason)).toContain("unable_to_reach");

    for (const { ts } of cards) {
      const [update] = updatesOf(app, SALES_CHANNEL, ts);
      expect(update).toBeDefined();
      const shown = textOf(update).toLowerCase();
      for (const needle of NEEDLES) expect(shown).not.toContain(needle);
      expect(shown).toContain("personal data erased");
    }
    const notices = app.slack
      .callsOf("chat.update")
      .filter((c) => c.args.channel === MARKETING_CHANNEL || (c.args.channel === SALES_CHANNEL && !cards.some((k) => k.ts === c.args.ts)));
    expect(notices).toHaveLength(3);
    for (const call of notices) expect(textOf(call)).not.toContain(PERSONAL.name);
    expect(
      notices.map((c) => textOf(c)).filter((t) => t.includes(`<@${REP}> accepted a lead at Acme after under a minute and owns it now.`)),
    ).toHaveLength(1);
    const redacted = notices.filter((c) => textOf(c).includes("rejected"));
    expect(redacted).toHaveLength(2);
    for (const call of redacted) expect(textOf(call).toLowerCase()).not.toContain("call back in may");
    // The fixed reason stays (marketing still learns from it); the note and the lead's name go.
    for (const call of redacted) expect(textOf(call)).toContain("Unable to reach");
    const inMarketing = redacted.find((c) => c.args.channel === MARKETING_CHANNEL);
    expect(textOf(inMarketing)).toContain("Fit: B");
    expect(textOf(inMarketing)).not.toContain("lead_hand_off"); // an erased lead can't be re-qualified
  });

  it("can't be done twice, and the email no longer finds anything", async () => {
    app.slack.reset();
    await app.requests.command("/lead", `forget ${PERSONAL.email}`, { teamId: TEAM, userId: ADMIN });
    await app.slack.waitForResponse((r) => String(r.body.text).includes("No lead has the email"));
    await app.requests.command("/lead", PERSONAL.email, { teamId: TEAM, userId: ADMIN });
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.title.text).toBe("Log a lead");
  });
});
