// Every writer delivers its effects from the rows its transaction returned: between the commit and the post there
// is no read of the outbox and no claim (what made announcements 3-6 ms slower than a decision's effects), and an
// announcement is drawn from the row its change wrote. Checked where the post arrives in Slack: the database calls
// made until then.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbCallCounter } from "../../src/db/call-counter.js";
import { campaignFields } from "../campaigns/forms.js";
import { handOff, logLead } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import type { SlackCall } from "../helpers/slack-stand-in.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { ManualTimers } from "../helpers/timers.js";

const TEAM = "T0NOREAD01";
const MARKETER = "U0NOREADMK";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };

describe("delivering what a decision wrote", () => {
  const dbCalls = new DbCallCounter();
  const timers = new ManualTimers();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ start: { dbCalls, homeRedraws: { windowMs: 3_000, timers } } });
    await app.requests.command("/baton", "help", marketer);
  });
  afterAll(async () => {
    await app.stop();
  });

  /** The calls made from `act` until Slack is asked to post the matching message (held there while they are read). */
  async function callsUntilPost(act: () => Promise<unknown>, match: (call: SlackCall) => boolean): Promise<string[]> {
    await app.idle();
    const held = app.slack.hold("chat.postMessage", match);
    dbCalls.reset();
    const acting = act();
    await app.slack.waitFor("chat.postMessage", match);
    const calls = [...dbCalls.calls];
    held.release();
    await acting;
    await app.idle();
    return calls;
  }

  const callsAfter = (calls: string[], call: string) => calls.slice(calls.indexOf(call) + 1);

  it("posts a new campaign's announcement drawn from its own row, with no read or claim of the outbox", async () => {
    const calls = await callsUntilPost(
      () =>
        app.requests.viewSubmission(
          {
            callbackId: "campaign_create",
            values: campaignFields({ name: input.text("No Read Launch") }),
            privateMetadata: "{}",
            id: "VNOREAD1",
          },
          marketer,
        ),
      (call) => call.args.channel === SALES_CHANNEL && String(call.args.text).includes("No Read Launch"),
    );
    // After the campaign's insert: its channels, the outbox's one statement (the commit), and the modal's time zone
    // (the answer to the submission); nothing of the outbox or the campaign before the post.
    expect(callsAfter(calls, "Campaign.create"), calls.join(", ")).toEqual(["Workspace.findUnique", "$queryRaw", "Workspace.findUnique"]);
    expect(await app.db.outboxEffect.findFirstOrThrow({ where: { teamId: TEAM, kind: "campaign_launched" } })).toMatchObject({
      status: "delivered",
      attempts: 1,
    });
  });

  it("posts a hand-off's card with no read or claim of the outbox", async () => {
    const lead = await logLead(app, { email: "noread@example.com", name: "Ned Read", company: "Acme" }, marketer);
    const calls = await callsUntilPost(
      () => handOff(app, lead.id, marketer),
      (call) => call.args.channel === SALES_CHANNEL && JSON.stringify(call.args.blocks ?? []).includes("Ned Read"),
    );
    // After the SLA ladder, the last write of the hand-off: the outbox's one statement (the commit), then the card
    // drawn in one read; no read or claim of the outbox.
    expect(callsAfter(calls, "SlaStep.createMany"), calls.join(", ")).toEqual(["$queryRaw", "$queryRaw"]);
    const handoff = await app.db.handoff.findFirstOrThrow({ where: { teamId: TEAM, leadId: lead.id } });
    expect(handoff.messageTs).toEqual(expect.any(String));
  });
});
