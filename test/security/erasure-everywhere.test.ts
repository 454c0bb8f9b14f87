// `/lead forget` for a person who came in through the public web form, was announced to marketing, exported,
// handed off and rejected with a note, handed off again, escalated, accepted and won: afterwards no message in Slack (as it stands after every update), no
// export file, no database column and no log line holds their name, email or phone.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/lib/logger.js";
import { findEverywhere } from "../helpers/find-everywhere.js";
import { handOff, waitUntil } from "../helpers/leads.js";
import { webFormSecret } from "../helpers/production.js";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const TEAM = "T0ERASEALL";
const ADMIN = "U0ERAADM01";
const MARKETER = "U0ERAMKT01";
const REP = "U0ERAREP01";
const PERSON = { email: "quinn.quartermaine@erased.example", name: "Quinn Quartermaine", phone: "+1 415 555 0777", company: "Q Labs" };
const NEEDLES = ["quinn", "quartermaine", "erased.example", "555 0777"];

class LogCapture extends Writable {
  raw = "";
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.raw += chunk.toString();
    done();
  }
}

/** Every message Baton posted, as Slack shows it now (after every chat.update). */
function currentMessages(app: TestApp): string[] {
  return [...app.slack.history.values()].flatMap((messages) => messages.map((m) => JSON.stringify({ text: m.text, blocks: m.blocks })));
}

describe("erasure leaves nothing behind", () => {
  let app: TestApp;
  const capture = new LogCapture();
  beforeAll(async () => {
    app = await startTestApp({ start: { logger: createLogger({ level: "debug", pretty: false, destination: capture }) } });
    await app.requests.command("/baton", "help", { teamId: TEAM, userId: MARKETER });
    app.slack.setUser({ id: ADMIN, is_admin: true });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("redacts the announcement, deletes export files, anonymises card and notices, and clears the database and logs", async () => {
    const secret = await webFormSecret(app, TEAM, ADMIN);
    expect((await postWebFormLead(app, { teamId: TEAM, secret, body: PERSON })).status).toBe(201);
    const announcement = await app.slack.waitFor("chat.postMessage", (c) => c.args.channel === MARKETING_CHANNEL);
    expect(JSON.stringify(announcement.args)).toContain(PERSON.name);
    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: PERSON.email } });

    await app.requests.command("/lead", "export", { teamId: TEAM, userId: ADMIN });
    await app.slack.waitForResponse((post) => /Sent you/.test(post.body.text));
    await waitUntil(async () => Boolean((await app.db.leadExport.findFirst({ where: { teamId: TEAM } }))?.fileId), "the export's file id");
    const exportFile = (await app.db.leadExport.findFirstOrThrow({ where: { teamId: TEAM } })).fileId;

    const handoff = await handOff(app, lead.id, { teamId: TEAM, userId: MARKETER });
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: JSON.stringify({ handoffId: handoff?.id, channelId: SALES_CHANNEL }),
        values: {
          reason: { value: { type: "static_select", selected_option: { value: "other" } } },
          note: { value: { type: "plain_text_input", value: `Quinn asked us to call ${PERSON.phone} next year` } },
        },
      },
      { teamId: TEAM, userId: REP },
    );
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff?.id ?? "" } })).status === "rejected");
    await app.idle();

    // Re-qualified: escalated past the deadline, accepted, then won. Every notice names the person.
    app.clock.advanceMinutes(60);
    const second = await handOff(app, lead.id, { teamId: TEAM, userId: MARKETER });
    const escalation = await app.db.slaStep.findFirstOrThrow({ where: { handoffId: second?.id ?? "", step: "escalation" } });
    app.clock.set(escalation.dueAt);
    await app.baton.jobs.slaLadder?.run();
    await app.requests.blockAction({ actionId: "handoff_accept", value: second?.id ?? "" }, { teamId: TEAM, userId: REP });
    await waitUntil(async () => (await app.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).stage === "sql");
    await app.requests.blockAction({ actionId: "lead_to_won", value: lead.id }, { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL });
    const { view } = (await app.slack.waitFor("views.open", (c) => c.args.view?.callback_id === "lead_won_modal")).args;
    await app.requests.viewSubmission(
      {
        callbackId: "lead_won_modal",
        privateMetadata: view.private_metadata,
        values: { amount: { value: input.text("12000") }, currency: { value: input.text("USD") } },
      },
      { teamId: TEAM, userId: REP },
    );
    await app.idle();
    const named = currentMessages(app).filter((m) => m.includes(PERSON.name));
    for (const notice of [
      "accepted Quinn Quartermaine (Q Labs)",
      "won Quinn Quartermaine (Q Labs)",
      "Quinn Quartermaine (Q Labs) has waited",
    ])
      expect(
        named.some((m) => m.includes(notice)),
        notice,
      ).toBe(true);

    const updatesBefore = app.slack.callsOf("chat.update").length;
    await app.requests.viewSubmission(
      { callbackId: "lead_forget_modal", privateMetadata: JSON.stringify({ leadId: lead.id, channelId: "C0ADMINS01" }), values: {} },
      { teamId: TEAM, userId: ADMIN },
    );
    const confirmation = await app.slack.waitFor("chat.postEphemeral", (c) => c.args.user === ADMIN && /Erased/.test(String(c.args.text)));
    expect(String(confirmation.args.text)).toContain("1 export file was deleted");
    await app.idle();
    // Two cards, two rejection notices, the escalation, the acceptance, the win, the announcement: each redrawn once.
    const redrawn = app.slack.callsOf("chat.update").slice(updatesBefore);
    expect(new Set(redrawn.map((c) => `${c.args.channel} ${c.args.ts}`)).size).toBe(8);
    expect(redrawn).toHaveLength(8);
    expect(String(confirmation.args.text)).toContain("8 Slack messages were anonymised");

    expect(app.slack.callsOf("files.delete").map((c) => c.args.file)).toEqual([exportFile]);
    expect(currentMessages(app).length).toBeGreaterThan(8);
    for (const needle of NEEDLES) {
      const inSlack = currentMessages(app).filter((m) => m.toLowerCase().includes(needle));
      expect({ needle, inSlack }).toEqual({ needle, inSlack: [] });
      expect({ needle, inDatabase: await findEverywhere(app.db, needle) }).toEqual({ needle, inDatabase: [] });
      expect({ needle, inLogs: capture.raw.toLowerCase().includes(needle) }).toEqual({ needle, inLogs: false });
    }
    // The notices are redrawn, not deleted: who did what stays, the person goes.
    for (const notice of ["accepted a lead at Q Labs after 4 h", "won a lead at Q Labs · $12,000.00", "a lead at Q Labs has waited past"])
      expect(
        currentMessages(app).some((m) => m.includes(notice)),
        notice,
      ).toBe(true);
    expect(await app.db.handoff.findUniqueOrThrow({ where: { id: handoff?.id ?? "" } })).toMatchObject({
      rejectReason: "other",
      rejectNote: null,
    });
  });
});
