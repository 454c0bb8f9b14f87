// A click on a handoff card decides by the handoff's id, whether or not Baton has stored which message the card
// is yet (Slack shows the card, and lets people click it, before Baton hears back; a crash can lose the answer);
// and every card people can see ends up showing how the handoff stands.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handOff, logLead, textOf, updatesOf, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import type { SlackCall } from "../helpers/slack-stand-in.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0CARDCV01";
const MARKETER = "U0MKTCV001";
const REP = "U0REPCV001";
const REP2 = "U0REPCV002";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };
const rep = (userId = REP) => ({ teamId: TEAM, userId, channelId: SALES_CHANNEL });

const isCardPost = (call: SlackCall) =>
  call.args.channel === SALES_CHANNEL && JSON.stringify(call.args.blocks ?? []).includes("handoff_accept");

describe("a click on a handoff card", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  /**
   * Hands a lead off with Slack's answer to the card's chat.postMessage held: the card is in the channel, Baton
   * does not know its ts yet.
   */
  async function cardShownBeforeSlackAnswered(email: string) {
    const lead = await logLead(app, { email, name: "Mary Jackson", company: "NASA" }, marketer);
    const held = app.slack.hold("chat.postMessage", isCardPost);
    await app.requests.blockAction({ actionId: "lead_hand_off", value: lead.id }, marketer);
    await app.slack.waitFor("chat.postMessage", isCardPost);
    const handoff = await app.db.handoff.findFirstOrThrow({ where: { leadId: lead.id } });
    const ts = app.slack.history.get(SALES_CHANNEL)?.at(-1)?.ts ?? "";
    expect(handoff.messageTs).toBeNull();
    return { lead, handoff, ts, held };
  }

  /** A lead handed off normally: its card posted and on record. */
  async function postedCard(email: string, name?: string) {
    const lead = await logLead(app, { email, ...(name ? { name } : {}) }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff?.messageTs) throw new Error("no card");
    app.slack.reset();
    return { lead, id: handoff.id, ts: handoff.messageTs };
  }

  /** Forgets which message the card is, as when a crash lost Slack's answer to chat.postMessage. */
  const forgetCardTs = (id: string) => app.db.handoff.update({ where: { id }, data: { messageTs: null } });

  const clickCard = (actionId: string, handoffId: string, ts: string, userId = REP) =>
    app.requests.blockAction({ actionId, value: handoffId, blockId: `handoff:${handoffId}`, messageTs: ts }, rep(userId));

  const shownAt = (ts: string) => JSON.stringify(app.slack.message(SALES_CHANNEL, ts)?.blocks ?? []);

  it("Accept decides at once before Slack answered the card's post; the card shows the owner and its ts stays", async () => {
    const { lead, handoff, ts, held } = await cardShownBeforeSlackAnswered("mj@nasa.gov");
    await clickCard("handoff_accept", handoff.id, ts);
    const told = await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead now"));
    expect(told.body.response_type).toBe("ephemeral");
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({
      status: "accepted",
      decidedById: REP,
      messageTs: ts,
    });
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: REP });
    expect(shownAt(ts)).toContain(`Accepted* by <@${REP}>`);
    expect(shownAt(ts)).not.toContain("handoff_accept");

    held.release();
    await app.slack.waitForResponse((r) => String(r.body.text).includes("Handed off to sales"));
    await app.idle();
    // The late answer to chat.postMessage did not replace the card on record, nor post another.
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).messageTs).toBe(ts);
    expect(app.slack.callsOf("chat.postMessage").filter(isCardPost)).toHaveLength(1);
    expect(shownAt(ts)).toContain(`Accepted* by <@${REP}>`);
    const moves = await app.db.leadEvent.findMany({ where: { leadId: lead.id, type: "stage_changed" }, orderBy: { at: "asc" } });
    expect(moves.map((e) => [e.fromStage, e.toStage])).toEqual([
      ["new", "mql"],
      ["mql", "sql"],
    ]);
  });

  it("gives a just-appeared card to exactly one of ten reps clicking at once; the nine others are told who took it", async () => {
    const { lead, handoff, ts, held } = await cardShownBeforeSlackAnswered("race@nasa.gov");
    const reps = Array.from({ length: 10 }, (_, i) => `U0CVRACE${String(i).padStart(2, "0")}`);
    await Promise.all(reps.map((userId) => clickCard("handoff_accept", handoff.id, ts, userId)));
    await waitUntil(() => app.slack.responses.length === reps.length, "an answer to every click");
    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    const winner = decided.decidedById ?? "";
    expect(reps).toContain(winner);
    expect(decided).toMatchObject({ status: "accepted", messageTs: ts });
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: winner });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, toStage: "sql" } })).toBe(1);
    const texts = app.slack.responses.map((r) => String(r.body.text));
    expect(texts.filter((t) => t.includes("You own this lead now"))).toHaveLength(1);
    expect(texts.filter((t) => t === `<@${winner}> already accepted this lead, so it's theirs now.`)).toHaveLength(9);
    expect(app.slack.responses.every((r) => r.body.response_type === "ephemeral")).toBe(true);
    held.release();
    await app.idle();
    expect(shownAt(ts)).toContain(`Accepted* by <@${winner}>`);
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).messageTs).toBe(ts);
  });

  it("decides from a card whose ts Baton never stored (a crash after Slack posted it), and the card converges", async () => {
    const { id, ts } = await postedCard("lost@nasa.gov", "Dorothy Vaughan");
    await forgetCardTs(id);
    await clickCard("handoff_accept", id, ts, REP2);
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead now"));
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "accepted",
      decidedById: REP2,
      messageTs: ts,
    });
    await app.idle();
    expect(shownAt(ts)).toContain(`Accepted* by <@${REP2}>`);
    const thread = app.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts);
    expect(thread.map((c) => textOf(c))).toEqual([expect.stringContaining(`<@${REP2}> accepted Dorothy Vaughan after`)]);
  });

  it("rejects through the modal from a card whose ts was never stored; the card shows the rejection", async () => {
    const { lead, id, ts } = await postedCard("reject-lost@nasa.gov");
    await forgetCardTs(id);
    await clickCard("handoff_reject", id, ts);
    const { view } = (await app.slack.waitFor("views.open")).args;
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: view.private_metadata,
        values: { reason: { value: input.select("not_a_fit") }, note: { value: input.text(null) } },
      },
      rep(),
    );
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id } })).status === "rejected");
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id } })).messageTs).toBe(ts);
    await app.idle();
    expect(shownAt(ts)).toContain(`Rejected* by <@${REP}>`);
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("nurture");
  });

  it("takes no card from a click outside the card (a DM's buttons): it decides, and stores no ts", async () => {
    const { handoff, ts, held } = await cardShownBeforeSlackAnswered("dm@nasa.gov");
    await app.requests.blockAction(
      { actionId: "handoff_accept", value: handoff.id, blockId: `dm_handoff:${handoff.id}`, messageTs: "1700000099.000001" },
      { teamId: TEAM, userId: REP, channelId: `D${REP}` },
    );
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead now"));
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ status: "accepted", messageTs: null });
    expect(app.slack.callsOf("chat.update").filter((c) => c.args.channel === `D${REP}`)).toHaveLength(0);
    held.release();
    await app.slack.waitForResponse((r) => String(r.body.text).includes("Handed off to sales"));
    await app.idle();
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).messageTs).toBe(ts);
    // Decided before Baton knew the card: the card is updated as soon as Slack's answer says which message it is.
    expect(shownAt(ts)).toContain(`Accepted* by <@${REP}>`);
  });

  it("keeps the card a click stored first when Slack's late answer names another message, which then points to it", async () => {
    const { handoff, ts, held } = await cardShownBeforeSlackAnswered("first@nasa.gov");
    // An earlier copy of the same card (a post Baton never heard back about), clicked before Slack answered.
    const earlierTs = "1700000888.000001";
    app.slack.history
      .get(SALES_CHANNEL)
      ?.push({ ts: earlierTs, text: "", blocks: app.slack.message(SALES_CHANNEL, ts)?.blocks, bot_id: "B" });
    await clickCard("handoff_accept", handoff.id, earlierTs);
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead now"));
    held.release();
    await app.slack.waitForResponse((r) => String(r.body.text).includes("Handed off to sales"));
    await app.idle();
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).messageTs).toBe(earlierTs);
    expect(shownAt(earlierTs)).toContain(`Accepted* by <@${REP}>`);
    expect(shownAt(ts)).toContain("copy of a handoff card");
    expect(shownAt(ts)).not.toContain("handoff_accept");
  });

  it("decides once from a duplicate card and turns the duplicate into a pointer to the real one", async () => {
    const { lead, id, ts } = await postedCard("twice@nasa.gov", "Annie Easley");
    const original = app.slack.message(SALES_CHANNEL, ts);
    // The same card posted a second time (before a crash lost the answer), with another ts.
    const copyTs = "1700000999.000001";
    app.slack.history.get(SALES_CHANNEL)?.push({ ts: copyTs, text: original?.text ?? "", blocks: original?.blocks, bot_id: "BBATON0001" });

    await clickCard("handoff_accept", id, copyTs);
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead now"));
    await clickCard("handoff_accept", id, copyTs, REP2);
    await app.slack.waitForResponse((r) => String(r.body.text).includes("already accepted"));
    await app.idle();

    expect(await app.db.handoff.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "accepted",
      decidedById: REP,
      messageTs: ts,
    });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, toStage: "sql" } })).toBe(1);
    expect(shownAt(ts)).toContain(`Accepted* by <@${REP}>`);
    const copy = shownAt(copyTs);
    expect(copy).toContain("copy of a handoff card");
    expect(copy).toContain(`https://acme.slack.com/archives/${SALES_CHANNEL}/p${ts.replace(".", "")}`);
    expect(copy).not.toContain("handoff_accept");
    expect(copy).not.toContain("Annie Easley");
    expect(updatesOf(app, SALES_CHANNEL, copyTs).length).toBeGreaterThanOrEqual(1);
  });

  it("repairs a decided card whose update failed when someone clicks it again", async () => {
    const { id, ts } = await postedCard("repair@nasa.gov");
    app.slack.reset();
    app.slack.errorNext("chat.update", "internal_error");
    await clickCard("handoff_accept", id, ts);
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead now"));
    await app.idle();
    expect(shownAt(ts)).toContain("handoff_accept");

    await clickCard("handoff_accept", id, ts, REP2);
    const told = await app.slack.waitForResponse((r) => String(r.body.text).includes("already accepted"));
    expect(told.body.text).toBe(`<@${REP}> already accepted this lead, so it's theirs now.`);
    await app.idle();
    expect(shownAt(ts)).toContain(`Accepted* by <@${REP}>`);
    expect(shownAt(ts)).not.toContain("handoff_accept");
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id } })).decidedById).toBe(REP);
  });

  it("a Reject click on a decided card still showing buttons repairs it, and says who decided", async () => {
    const { id, ts } = await postedCard("late-reject@nasa.gov");
    app.slack.errorNext("chat.update", "internal_error");
    await clickCard("handoff_accept", id, ts);
    await app.slack.waitForResponse((r) => String(r.body.text).includes("You own this lead now"));
    await app.idle();
    await clickCard("handoff_reject", id, ts, REP2);
    const told = await app.slack.waitForResponse((r) => String(r.body.text).includes("already accepted"));
    expect(told.body.text).toBe(`<@${REP}> already accepted this lead, so it's theirs now.`);
    await app.idle();
    expect(app.slack.callsOf("views.open")).toHaveLength(0);
    expect(shownAt(ts)).toContain(`Accepted* by <@${REP}>`);
  });

  it("Reject on a duplicate card opens the form at once and points the duplicate at the real card", async () => {
    const { id, ts } = await postedCard("dup-reject@nasa.gov");
    const copyTs = "1700000777.000001";
    app.slack.history.get(SALES_CHANNEL)?.push({ ts: copyTs, text: "", blocks: app.slack.message(SALES_CHANNEL, ts)?.blocks, bot_id: "B" });
    await clickCard("handoff_reject", id, copyTs);
    await app.slack.waitFor("views.open");
    await app.idle();
    expect(shownAt(copyTs)).toContain("copy of a handoff card");
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("Assign from a card whose ts was never stored shows the assignee on that card", async () => {
    const { id, ts } = await postedCard("assign-lost@nasa.gov");
    await forgetCardTs(id);
    await app.requests.blockAction(
      { actionId: "handoff_assign", type: "users_select", blockId: `handoff:${id}`, selectedUser: REP2, messageTs: ts },
      rep(),
    );
    await app.slack.waitForResponse((r) => String(r.body.text).includes(`Assigned to <@${REP2}>`));
    await app.idle();
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id } })).toMatchObject({ assigneeId: REP2, messageTs: ts });
    expect(shownAt(ts)).toContain(`Assigned to <@${REP2}>`);
  });
});
