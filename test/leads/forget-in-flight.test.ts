// Erasure while a message about the lead is on its way to Slack: it was drawn before the erasure (so it names the
// person), and it is recorded only after Slack answers. /lead forget waits for it and anonymises it too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbCallCounter } from "../../src/db/call-counter.js";
import { handOff, logLead, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0FGFLIGHT";
const ADMIN = "U0FLADMIN1";
const MARKETER = "U0FLMKT001";
const REP = "U0FLREP001";
const NAME = "Quinn Inflight";
const NOTE = "Quinn asked us to call in June";

describe("/lead forget with a notice in flight", () => {
  const dbCalls = new DbCallCounter();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ start: { dbCalls } });
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", { teamId: TEAM });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("anonymises a rejection notice that Slack took after the erasure began", async () => {
    const marketer = { teamId: TEAM, userId: MARKETER };
    const lead = await logLead(app, { name: NAME, email: "quinn@inflight.example", company: "Acme" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    const inMarketing = (call: { args: { channel?: string; text?: unknown } }) =>
      call.args.channel === MARKETING_CHANNEL && String(call.args.text).includes(NAME);
    const held = app.slack.hold("chat.postMessage", inMarketing);
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: JSON.stringify({ handoffId: handoff?.id }),
        values: { reason: { value: input.select("unable_to_reach") }, note: { value: input.text(NOTE) } },
      },
      { teamId: TEAM, userId: REP },
    );
    // The notice, drawn with the name and the note, is at Slack; Slack has not answered yet.
    await app.slack.waitFor("chat.postMessage", inMarketing);

    // Slack answers once the erasure has either gone on without the notice (forget done) or is waiting for it (its
    // look at what is in flight): released earlier, the notice would be recorded before erasure looks for it anyway.
    dbCalls.reset();
    let done = false;
    const forgetting = app.baton.services.leads.forget(TEAM, lead.id, ADMIN).finally(() => {
      done = true;
    });
    await waitUntil(() => done || dbCalls.calls.includes("OutboxEffect.count"), "erasure done or waiting");
    held.release();
    const forgotten = await forgetting;

    const notice = (app.slack.history.get(MARKETING_CHANNEL) ?? []).find((m) => m.text.includes("rejected") || m.text.includes(NAME));
    expect(notice).toBeDefined();
    const now = app.slack.message(MARKETING_CHANNEL, notice?.ts ?? "");
    const shown = JSON.stringify(now?.blocks ?? []) + String(now?.text ?? "");
    expect(shown).not.toContain(NAME);
    expect(shown).not.toContain("call in June");
    expect(shown).toContain("Unable to reach");
    expect(forgotten.messagesFailed).toBe(0);
  });
});
