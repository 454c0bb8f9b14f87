import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cardPost, dmsTo, handOff, logLead, textOf, updatesOf, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0HANDOFF1";
const MARKETER = "U0MKTHO001";
const REP = "U0REPHO001";
const REP2 = "U0REPHO002";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };
const rep = { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL };

describe("handing a lead to sales", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", marketer); // the workspace's first contact creates its row
    await app.db.campaign.create({
      data: { id: "camp1", teamId: TEAM, name: "Autumn Expo", nameKey: "autumn expo", channel: "events", createdById: MARKETER },
    });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("marks the lead MQL, posts a card with who, where from, fit, notes, who qualified it and the three buttons", async () => {
    const lead = await logLead(
      app,
      {
        email: "grace@navy.mil",
        name: "Grace Hopper",
        company: "US Navy",
        title: "Rear Admiral",
        fitGrade: "A",
        campaignId: "camp1",
        notes: "Wants COBOL training",
      },
      marketer,
    );
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff) throw new Error("no handoff");
    expect(handoff).toMatchObject({ status: "pending", handedOffById: MARKETER, channelId: SALES_CHANNEL, openKey: `${TEAM}:${lead.id}` });
    // Monday 09:00 UTC + 240 working minutes.
    expect(handoff?.slaDueAt?.toISOString()).toBe("2026-11-23T13:00:00.000Z");
    const moved = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(moved).toMatchObject({ stage: "mql", qualifiedById: MARKETER });
    expect(moved.mqlAt?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
    const events = await app.db.leadEvent.findMany({ where: { leadId: lead.id }, orderBy: [{ at: "asc" }, { type: "asc" }] });
    expect(events.map((e) => [e.type, e.fromStage, e.toStage, e.campaignId, e.fitGrade])).toEqual([
      ["created", null, "new", "camp1", "A"],
      ["handed_off", null, null, "camp1", "A"],
      ["stage_changed", "new", "mql", "camp1", "A"],
    ]);

    const card = cardPost(app, handoff?.id ?? "");
    expect(card?.args.channel).toBe(SALES_CHANNEL);
    expect(handoff?.messageTs).toBeTruthy();
    const text = textOf(card);
    for (const expected of [
      "Grace Hopper",
      "Rear Admiral",
      "US Navy",
      "grace@navy.mil",
      "Autumn Expo",
      "Fit: A",
      "Wants COBOL training",
      `<@${MARKETER}>`,
    ]) {
      expect(text).toContain(expected);
    }
    const buttons = card?.args.blocks.at(-1).elements.map((e: { type: string; action_id: string }) => [e.type, e.action_id]);
    expect(buttons).toEqual([
      ["button", "handoff_accept"],
      ["button", "handoff_reject"],
      ["users_select", "handoff_assign"],
    ]);
    const told = app.slack.responses.at(-1)?.body;
    expect(told?.text).toContain(`Handed off to sales in <#${SALES_CHANNEL}>`);
    const steps = await app.db.slaStep.findMany({ where: { handoffId: handoff?.id }, orderBy: { dueAt: "asc" } });
    expect(steps.map((s) => [s.step, s.dueAt.toISOString()])).toEqual([
      ["reminder", "2026-11-23T11:00:00.000Z"],
      ["escalation", "2026-11-23T13:00:00.000Z"],
    ]);
  });

  it("does the same from `/lead handoff <email>`, and says so when no lead has the email", async () => {
    const lead = await logLead(app, { email: "linus@kernel.org", name: "Linus" }, marketer);
    await app.requests.command("/lead", "handoff LINUS@kernel.org", marketer);
    await app.slack.waitForResponse((r) => String(r.body.text).includes("Handed off to sales"));
    expect(await app.db.handoff.count({ where: { leadId: lead.id, status: "pending" } })).toBe(1);
    await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === SALES_CHANNEL);
    await app.requests.command("/lead", "handoff nobody@nowhere.io", marketer);
    const reply = await app.slack.waitForResponse((r) => String(r.body.text).includes("No lead has the email"));
    expect(reply.body.text).toContain("nobody@nowhere.io");
  });

  it("hands a lead off once even when the button is clicked several times at once", async () => {
    const lead = await logLead(app, { email: "double@click.io" }, marketer);
    await Promise.all(Array.from({ length: 5 }, () => app.requests.blockAction({ actionId: "lead_hand_off", value: lead.id }, marketer)));
    await waitUntil(() => app.slack.responses.length === 5);
    expect(await app.db.handoff.count({ where: { leadId: lead.id } })).toBe(1);
    expect(app.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === SALES_CHANNEL)).toHaveLength(1);
    expect(app.slack.responses.filter((r) => String(r.body.text).includes("already with sales"))).toHaveLength(4);
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, type: "stage_changed" } })).toBe(1);
  });

  it("tells the marketer clearly when no sales channel is set, and changes nothing", async () => {
    const lead = await logLead(app, { email: "nochannel@x.io" }, marketer);
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesChannelId: null } });
    try {
      await handOff(app, lead.id, marketer);
      expect(app.slack.responses.at(-1)?.body.text).toContain("No sales channel is set");
      expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("new");
      expect(await app.db.handoff.count({ where: { leadId: lead.id } })).toBe(0);
      expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
    } finally {
      await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesChannelId: SALES_CHANNEL } });
    }
  });

  it("keeps nothing when Slack refuses the card, and says how to fix it", async () => {
    const lead = await logLead(app, { email: "notin@x.io" }, marketer);
    app.slack.errorNext("chat.postMessage", "not_in_channel");
    await handOff(app, lead.id, marketer);
    expect(app.slack.responses.at(-1)?.body.text).toContain("/invite @Baton");
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("new");
    expect(await app.db.handoff.count({ where: { leadId: lead.id } })).toBe(0);
    // Once fixed, the same lead hands off normally.
    const handoff = await handOff(app, lead.id, marketer);
    expect(handoff?.status).toBe("pending");
  });

  it("refuses to hand off a lead sales already has, naming the legal moves", async () => {
    const lead = await logLead(app, { email: "sqlalready@x.io" }, marketer);
    await app.db.lead.update({ where: { id: lead.id }, data: { stage: "sql", ownerId: REP } });
    await handOff(app, lead.id, marketer);
    expect(app.slack.responses.at(-1)?.body.text).toContain("A lead can't go from SQL to MQL");
    expect(await app.db.handoff.count({ where: { leadId: lead.id } })).toBe(0);
  });
});

describe("answering a handoff", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  async function handedOff(email: string) {
    const lead = await logLead(app, { email, name: "Katherine Johnson", company: "NASA" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff?.messageTs) throw new Error("no card");
    app.slack.reset();
    return { lead, handoff, ts: handoff.messageTs };
  }

  it("Accept makes the rep the owner (SQL), updates the card in place and tells the marketer in the thread", async () => {
    const { lead, handoff, ts } = await handedOff("kj@nasa.gov");
    app.clock.advanceMinutes(90);
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: ts }, rep);
    const told = await app.slack.waitForResponse();
    expect(told.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(told.body.text).toContain("You own this lead now");

    const owned = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(owned).toMatchObject({ stage: "sql", ownerId: REP });
    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(decided).toMatchObject({ status: "accepted", decidedById: REP, openKey: null, breachedAt: null });
    expect(decided.decidedAt?.toISOString()).toBe("2026-11-23T10:30:00.000Z");
    const change = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, toStage: "sql" } });
    expect(change).toMatchObject({ type: "stage_changed", fromStage: "mql", actorId: REP });

    const [update] = updatesOf(app, SALES_CHANNEL, ts);
    expect(textOf(update)).toContain(`Accepted* by <@${REP}>`);
    expect(textOf(update)).toContain("waited 1 h 30 min");
    expect(textOf(update)).toContain("Katherine Johnson");
    expect(JSON.stringify(update?.args.blocks)).not.toContain("handoff_accept");
    const thread = await app.slack.waitFor("chat.postMessage", (c) => c.args.thread_ts === ts);
    expect(thread.args.channel).toBe(SALES_CHANNEL);
    // Addressed to the marketer, then who accepted whom, named as on the card: "@Kim: @Ava accepted Jane Doe (Acme) after …".
    expect(String(thread.args.text)).toBe(`<@${MARKETER}>: <@${REP}> accepted Katherine Johnson (NASA) after 1 h 30 min and owns it now.`);
    expect(textOf(update)).toContain("Accepted · Katherine Johnson");
    await app.slack.waitFor("views.publish", (c) => c.args.user_id === REP);
  });

  it("tells a rep who clicks after the winner who got it, ephemerally, and changes nothing", async () => {
    const { handoff, ts } = await handedOff("late@nasa.gov");
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: ts }, rep);
    await app.slack.waitForResponse();
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: ts }, { ...rep, userId: REP2 });
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: ts }, rep);
    await waitUntil(() => app.slack.responses.length === 3);
    const texts = app.slack.responses.map((r) => r.body.text);
    expect(texts).toContain(`<@${REP}> already accepted this lead, so it's theirs now.`);
    expect(texts).toContain("You already accepted this lead; it's yours.");
    // Late clicks re-render the card (it still showed buttons to them), always to the decided state; two at once
    // share one re-armed update, so there may be one redraw for both.
    await app.idle();
    expect(updatesOf(app, SALES_CHANNEL, ts).length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(app.slack.message(SALES_CHANNEL, ts))).toContain(`Accepted* by <@${REP}>`);
    for (const update of updatesOf(app, SALES_CHANNEL, ts)) expect(textOf(update)).toContain(`Accepted* by <@${REP}>`);
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).decidedById).toBe(REP);
  });

  it("Reject opens a modal with the fixed reasons and needs a reason (and a note for Other)", async () => {
    const { handoff, ts } = await handedOff("reject@nasa.gov");
    await app.requests.blockAction({ actionId: "handoff_reject", value: handoff.id, messageTs: ts }, rep);
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(view.callback_id).toBe("handoff_reject_modal");
    const reasons = view.blocks.find((b: { block_id: string }) => b.block_id === "reason").element.options;
    expect(reasons.map((o: { text: { text: string } }) => o.text.text)).toEqual([
      "Unable to reach",
      "Inaccurate data",
      "No interest or need",
      "No budget",
      "Not a fit",
      "Duplicate",
      "Other",
    ]);
    const submit = (reason: string | null, note: string | null) =>
      app.requests.viewSubmission(
        {
          callbackId: "handoff_reject_modal",
          privateMetadata: view.private_metadata,
          values: { reason: { value: input.select(reason) }, note: { value: input.text(note) } },
        },
        rep,
      );
    expect((await submit(null, null)).body).toEqual({ response_action: "errors", errors: { reason: "Pick the reason that fits best." } });
    expect((await submit("other", null)).body).toEqual({
      response_action: "errors",
      errors: { note: "Say in a few words why, when the reason is Other." },
    });
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe("pending");
  });

  it("a rejection sends the lead to Nurture and tells marketing why, in the thread and the marketing channel", async () => {
    const { lead, handoff, ts } = await handedOff("nobudget@nasa.gov");
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: JSON.stringify({ handoffId: handoff.id, channelId: SALES_CHANNEL }),
        values: { reason: { value: input.select("no_budget") }, note: { value: input.text("Budget frozen until Q3") } },
      },
      rep,
    );
    const notice = await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === MARKETING_CHANNEL);
    expect(textOf(notice)).toContain("No budget");
    expect(textOf(notice)).toContain("Budget frozen until Q3");
    // Marketing reads which campaign and fit came back, and can open the lead or hand it off again from here.
    expect(textOf(notice)).toMatch(/Campaign: [^·]+ · Fit: /);
    const buttons = notice.args.blocks
      .at(-1)
      .elements.map((e: { action_id: string; text: { text: string } }) => [e.action_id, e.text.text]);
    expect(buttons).toEqual([
      ["lead_open", "Open"],
      ["lead_hand_off", "Re-qualify"],
    ]);
    const thread = await app.slack.waitFor("chat.postMessage", (c) => c.args.thread_ts === ts);
    expect(textOf(thread)).toContain(`<@${MARKETER}>`);
    expect(textOf(thread)).toContain("No budget");
    const nurtured = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(nurtured.stage).toBe("nurture");
    expect(nurtured.ownerId).toBeNull();
    const change = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, toStage: "nurture" } });
    expect(change).toMatchObject({ fromStage: "mql", reason: "no_budget", actorId: REP });
    const refsOf = async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).noticeRefs as unknown[] | null;
    await waitUntil(async () => (await refsOf())?.length === 2);
    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(decided).toMatchObject({
      status: "rejected",
      rejectReason: "no_budget",
      rejectNote: "Budget frozen until Q3",
      decidedById: REP,
    });
    // The two messages quoting the note are remembered, so erasing the lead can anonymise them.
    expect(decided.noticeRefs).toEqual([
      { channelId: SALES_CHANNEL, ts: thread.args.ts ?? expect.any(String) },
      { channelId: MARKETING_CHANNEL, ts: expect.any(String) },
    ]);
    await waitUntil(() => updatesOf(app, SALES_CHANNEL, ts).length === 1);
    expect(textOf(updatesOf(app, SALES_CHANNEL, ts)[0])).toContain(`Rejected* by <@${REP}>`);

    // Re-qualifying the nurtured lead hands it off again, with a new card.
    app.slack.reset();
    app.clock.advanceMinutes(60);
    const again = await handOff(app, lead.id, marketer);
    expect(again?.id).not.toBe(handoff.id);
    expect(again?.status).toBe("pending");
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("mql");
    const requalified = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, fromStage: "nurture" } });
    expect(requalified.toStage).toBe("mql");
    expect(cardPost(app, again?.id ?? "")).toBeDefined();
  });

  it("Assign to… shows the rep on the card and tells them by DM", async () => {
    const { lead, handoff, ts } = await handedOff("assign@nasa.gov");
    await app.requests.blockAction(
      { actionId: "handoff_assign", type: "users_select", blockId: `handoff:${handoff.id}`, selectedUser: REP2, messageTs: ts },
      rep,
    );
    const told = await app.slack.waitForResponse();
    expect(told.body.text).toContain(`Assigned to <@${REP2}>`);
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).assigneeId).toBe(REP2);
    const event = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, type: "assigned" } });
    expect(event).toMatchObject({ actorId: REP, reason: REP2 });
    await waitUntil(() => updatesOf(app, SALES_CHANNEL, ts).length === 1);
    expect(textOf(updatesOf(app, SALES_CHANNEL, ts)[0])).toContain(`Assigned to <@${REP2}>`);
    await waitUntil(() => dmsTo(app, REP2).length === 1);
    expect(textOf(dmsTo(app, REP2)[0])).toContain(`<@${REP}> assigned you`);
  });
});

describe("who may answer handoffs", () => {
  let app: TestApp;
  const OUTSIDER = "U0OUTSIDE1";
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", marketer);
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { salesUserIds: [REP], salesUserGroupId: "S0SALES001" } });
    app.slack.setUserGroup("S0SALES001", [REP2]);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("refuses Accept, Reject and Assign from someone outside the sales team, ephemerally, changing nothing", async () => {
    const lead = await logLead(app, { email: "guarded@x.io" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff?.messageTs) throw new Error("no card");
    const ts = handoff.messageTs;
    app.slack.reset();
    const outsider = { teamId: TEAM, userId: OUTSIDER, channelId: SALES_CHANNEL };
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id, messageTs: ts }, outsider);
    await app.requests.blockAction({ actionId: "handoff_reject", value: handoff?.id, messageTs: ts }, outsider);
    await app.requests.blockAction(
      { actionId: "handoff_assign", type: "users_select", blockId: `handoff:${handoff?.id}`, selectedUser: REP, messageTs: ts },
      outsider,
    );
    await waitUntil(() => app.slack.responses.length === 3);
    const texts = app.slack.responses.map((r) => r.body.text as string).join("\n");
    expect(texts).toContain("Only the sales team can accept handoffs");
    expect(texts).toContain("Only the sales team can reject handoffs");
    expect(texts).toContain("Only the sales team can assign handoffs");
    expect(app.slack.responses.every((r) => r.body.response_type === "ephemeral")).toBe(true);
    expect(app.slack.callsOf("views.open")).toHaveLength(0);
    expect(app.slack.callsOf("chat.update")).toHaveLength(0);
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id: handoff?.id } })).toMatchObject({ status: "pending", assigneeId: null });
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("mql");
  });

  it("refuses to assign a handoff to someone outside the sales team", async () => {
    const lead = await logLead(app, { email: "assignee@x.io" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff) throw new Error("no handoff");
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "handoff_assign", type: "users_select", blockId: `handoff:${handoff?.id}`, selectedUser: OUTSIDER },
      { teamId: TEAM, userId: REP },
    );
    const told = await app.slack.waitForResponse();
    expect(told.body.text).toContain(`<@${OUTSIDER}> is not on the sales team`);
    expect((await app.db.handoff.findUniqueOrThrow({ where: { id: handoff?.id } })).assigneeId).toBeNull();
  });

  it("lets listed people and members of the sales user group accept", async () => {
    const lead = await logLead(app, { email: "group@x.io" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff) throw new Error("no handoff");
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id }, { teamId: TEAM, userId: REP2 });
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff?.id } })).status === "accepted");
    expect((await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBe(REP2);
  });
});
