// Exactly one outcome per handoff, decided by a conditional update in the database: it holds for many clicks at
// once, on SQLite (one instance) and on PostgreSQL spread over several app instances (replicas) on one database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOff, logLead, startReplicas, textOf, updatesOf, waitUntil } from "../helpers/leads.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0RACE0001";
const MARKETER = "U0MKTRACE1";
const reps = Array.from({ length: 20 }, (_, i) => `U0RACE${String(i).padStart(4, "0")}`);

describe("concurrent Accept clicks across replicas", () => {
  let replicas: TestApp[] = [];
  beforeAll(async () => {
    const first = await startTestApp();
    replicas = [first, ...(await startReplicas(first, 2))];
  });
  afterAll(async () => {
    for (const app of replicas.slice(1)) await app.stop();
    await replicas[0]?.stop();
  });

  async function pendingHandoff(email: string) {
    const app = replicas[0] as TestApp;
    const lead = await logLead(app, { email, name: "Race Lead" }, { teamId: TEAM, userId: MARKETER });
    const handoff = await handOff(app, lead.id, { teamId: TEAM, userId: MARKETER });
    if (!handoff?.messageTs) throw new Error("no card");
    app.slack.reset();
    return { lead, handoff, ts: handoff.messageTs };
  }

  it("gives the lead to exactly one of 20 reps clicking at the same moment; the others learn who got it", async () => {
    const app = replicas[0] as TestApp;
    const { lead, handoff, ts } = await pendingHandoff("race@example.com");
    const replies = await Promise.all(
      reps.map((userId, i) =>
        (replicas[i % replicas.length] as TestApp).requests.blockAction(
          { actionId: "handoff_accept", value: handoff.id, messageTs: ts },
          { teamId: TEAM, userId, channelId: SALES_CHANNEL },
        ),
      ),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    await waitUntil(() => app.slack.responses.length === reps.length);

    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(decided.status).toBe("accepted");
    const winner = decided.decidedById ?? "";
    expect(reps).toContain(winner);
    expect(await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "sql", ownerId: winner });
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, type: "stage_changed", toStage: "sql" } })).toBe(1);

    const texts = app.slack.responses.map((r) => r.body.text as string);
    expect(texts.filter((t) => t.includes("You own this lead now"))).toHaveLength(1);
    expect(texts.filter((t) => t === `<@${winner}> already accepted this lead, so it's theirs now.`)).toHaveLength(reps.length - 1);
    expect(app.slack.responses.every((r) => r.body.response_type === "ephemeral")).toBe(true);

    await waitUntil(() => app.slack.callsOf("chat.postMessage").some((c) => c.args.thread_ts === ts));
    await app.idle();
    // The winner updates the card; a click that arrived after the decision re-renders it to the same state.
    const updates = updatesOf(app, SALES_CHANNEL, ts);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    for (const update of updates) expect(textOf(update)).toContain(`Accepted* by <@${winner}>`);
    expect(app.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });

  it("counts a double click and a click Slack delivers twice as one acceptance", async () => {
    const app = replicas[0] as TestApp;
    const { lead, handoff, ts } = await pendingHandoff("double@example.com");
    const rep = reps[3] as string;
    const clicks = [0, 1, 2].map((i) => replicas[i % replicas.length] as TestApp);
    await Promise.all(
      clicks.map((replica) =>
        replica.requests.blockAction(
          { actionId: "handoff_accept", value: handoff.id, messageTs: ts },
          { teamId: TEAM, userId: rep, channelId: SALES_CHANNEL },
        ),
      ),
    );
    await waitUntil(() => app.slack.responses.length === clicks.length);
    const texts = app.slack.responses.map((r) => r.body.text as string);
    expect(texts.filter((t) => t.includes("You own this lead now"))).toHaveLength(1);
    expect(texts.filter((t) => t === "You already accepted this lead; it's yours.")).toHaveLength(clicks.length - 1);
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, type: "stage_changed", toStage: "sql" } })).toBe(1);
    await app.idle();
    const updates = updatesOf(app, SALES_CHANNEL, ts);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    for (const update of updates) expect(textOf(update)).toContain(`Accepted* by <@${rep}>`);
  });

  it("lets exactly one of a simultaneous Accept and Reject win", async () => {
    const app = replicas[0] as TestApp;
    const { lead, handoff, ts } = await pendingHandoff("split@example.com");
    await Promise.all([
      (replicas[1 % replicas.length] as TestApp).requests.blockAction(
        { actionId: "handoff_accept", value: handoff.id, messageTs: ts },
        { teamId: TEAM, userId: reps[0] as string },
      ),
      (replicas[2 % replicas.length] as TestApp).requests.viewSubmission(
        {
          callbackId: "handoff_reject_modal",
          privateMetadata: JSON.stringify({ handoffId: handoff.id, channelId: SALES_CHANNEL }),
          values: {
            reason: { value: { type: "static_select", selected_option: { value: "not_a_fit" } } },
            note: { value: { type: "plain_text_input", value: null } },
          },
        },
        { teamId: TEAM, userId: reps[1] as string },
      ),
    ]);
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status !== "pending");
    await waitUntil(() => app.slack.responses.length + app.slack.callsOf("chat.postEphemeral").length >= 1);
    const decided = await app.db.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    const moved = await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(moved.stage).toBe(decided.status === "accepted" ? "sql" : "nurture");
    expect(await app.db.leadEvent.count({ where: { leadId: lead.id, type: "stage_changed", fromStage: "mql" } })).toBe(1);
  });
});
