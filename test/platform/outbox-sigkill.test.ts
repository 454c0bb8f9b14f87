// SIGKILL at each step of each flow that writes an outbox effect, in a real Baton process: killed after the
// decision committed but before Slack took the post, or after Slack posted but before Baton heard back. The next
// process (its sweeper) delivers what was left, and every effect is in Slack exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import type { OutboxEffect } from "../../src/db/outbox.js";
import { campaignFields } from "../campaigns/forms.js";
import { type BatonProcess, isEffectPost, PROCESS_TEAM, postsPerEffect, startBatonProcess } from "../helpers/baton-process.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { leadFormValues } from "../helpers/leads.js";
import { webFormSecret } from "../helpers/production.js";
import { input } from "../helpers/slack-requests.js";
import { SlackStandIn } from "../helpers/slack-stand-in.js";
import { HANG_BOUND_MS, waitUntil } from "../helpers/waits.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const MARKETER = "U0KILLMKT1";
const REP = "U0KILLREP1";
const ADMIN = "U0KILLADM1";
const as = (userId: string) => ({ teamId: PROCESS_TEAM, userId });

/**
 * A flow that tells Slack through the outbox: `decide` sends what a person (or a web form) sends, and returns
 * without waiting for the answer, which a killed process may never give.
 */
interface Flow {
  name: string;
  /** What the decision needs first (a handed-off lead, its card in Slack), before anything is trapped: an id. */
  prepare?(baton: BatonProcess, db: Db, n: number): Promise<string>;
  decide(baton: BatonProcess, n: number, prepared: string): Promise<void>;
  /** The kinds of effect checked: those the decision posts (by default, every effect it writes). */
  kinds?: string[];
  /** What else the delivered effects must have left, beyond one post each. */
  delivered?(db: Db, effects: OutboxEffect[]): Promise<void>;
}

const ids = (effects: { id: string }[]) => effects.map((e) => e.id);
const sent = (reply: Promise<unknown>) => void reply.catch(() => undefined);

/** A lead logged through the modal and handed off, its card in the sales channel: the handoff's id. */
async function handedOff(baton: BatonProcess, db: Db, n: number): Promise<string> {
  const email = `handed${n}@killed.example`;
  await baton.requests.viewSubmission(
    { callbackId: "lead_modal", privateMetadata: "{}", values: leadFormValues({ email, name: `Hal Handed ${n}`, company: "Acme" }) },
    as(MARKETER),
  );
  const lead = await db.lead.findFirstOrThrow({ where: { teamId: PROCESS_TEAM, emailKey: email } });
  await baton.requests.blockAction({ actionId: "lead_hand_off", value: lead.id }, as(MARKETER));
  let handoffId = "";
  await waitUntil(async () => {
    const handoff = await db.handoff.findFirst({ where: { teamId: PROCESS_TEAM, leadId: lead.id } });
    handoffId = handoff?.messageTs ? handoff.id : "";
    return handoffId !== "";
  }, "the handoff's card in Slack");
  await waitUntil(
    async () => (await db.outboxEffect.count({ where: { subjectId: handoffId, status: "pending" } })) === 0,
    "the card settled",
  );
  return handoffId;
}

/** The card, as Slack shows it now, tells the handoff's outcome. */
async function cardShows(db: Db, handoffId: string, slack: SlackStandIn, words: string): Promise<void> {
  const handoff = await db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
  await waitUntil(
    () => JSON.stringify(slack.message(handoff.channelId ?? "", handoff.messageTs ?? "")?.blocks ?? []).includes(words),
    `the card showing ${words}`,
  );
}

const FLOWS: Flow[] = [
  {
    name: "campaign created (signed view submission)",
    decide: async (baton, n) =>
      sent(
        baton.requests.viewSubmission(
          {
            callbackId: "campaign_create",
            values: campaignFields({ name: input.text(`Killed Launch ${n}`) }),
            privateMetadata: "{}",
            id: `VKILLC${n}`,
          },
          as(MARKETER),
        ),
      ),
  },
  {
    name: "playbook changed (the agreement's terms)",
    decide: async (baton, n) => {
      const before = baton.slack.callsOf("views.update").length;
      await baton.requests.blockAction({ actionId: "agreement_edit", value: "agreement" }, as(ADMIN));
      const editor = await baton.slack.waitFor("views.update", (call) => baton.slack.callsOf("views.update").indexOf(call) >= before);
      const number = (value: string) => ({ type: "number_input", value });
      const values = {
        mqlMonthlyTarget: { value: number(String(40 + n)) },
        responseHours: { value: number("4") },
        acceptanceRatePercent: { value: number("60") },
      };
      sent(
        baton.requests.viewSubmission(
          { callbackId: "agreement", values, privateMetadata: editor.args.view.private_metadata, id: `VKILLP${n}` },
          as(ADMIN),
        ),
      );
    },
  },
  {
    name: "web-form lead (signed webhook)",
    decide: async (baton, n) => {
      const secret = await webFormSecret(baton, PROCESS_TEAM, ADMIN);
      sent(
        postWebFormLead(
          { url: baton.url, clock: baton.clock },
          {
            teamId: PROCESS_TEAM,
            secret,
            timestamp: Math.floor(Date.now() / 1000),
            body: { email: `killed${n}@form.io`, name: `Kim Killed ${n}` },
          },
        ),
      );
    },
    // The lead keeps its announcement, so erasing the person later anonymises it.
    delivered: async (db, effects) => {
      for (const effect of effects) {
        const lead = await db.lead.findFirstOrThrow({ where: { id: effect.subjectId } });
        expect(lead.messageRefs).toEqual([{ channelId: effect.channelId, ts: effect.messageTs }]);
      }
    },
  },
  {
    name: "lead handed off (the card in the sales channel)",
    prepare: async (baton, db, n) => {
      const email = `card${n}@killed.example`;
      await baton.requests.viewSubmission(
        { callbackId: "lead_modal", privateMetadata: "{}", values: leadFormValues({ email, name: `Cam Card ${n}`, company: "Acme" }) },
        as(MARKETER),
      );
      return (await db.lead.findFirstOrThrow({ where: { teamId: PROCESS_TEAM, emailKey: email } })).id;
    },
    decide: async (baton, _n, leadId) => sent(baton.requests.blockAction({ actionId: "lead_hand_off", value: leadId }, as(MARKETER))),
    // The handoff knows its card: a click on it decides, and erasure redraws it.
    delivered: async (db, effects) => {
      for (const effect of effects) {
        expect(await db.handoff.findUniqueOrThrow({ where: { id: effect.subjectId } })).toMatchObject({ messageTs: effect.messageTs });
      }
    },
  },
  {
    name: "handoff accepted (the thread reply; the card updated)",
    prepare: handedOff,
    decide: async (baton, _n, handoffId) => sent(baton.requests.blockAction({ actionId: "handoff_accept", value: handoffId }, as(REP))),
    kinds: ["handoff_accepted"],
    delivered: async (db, effects) => {
      for (const effect of effects) await cardShows(db, effect.subjectId, slackOf(), "Accepted");
    },
  },
  {
    name: "handoff rejected (the thread reply and the marketing channel's notice)",
    prepare: handedOff,
    decide: async (baton, _n, handoffId) =>
      sent(
        baton.requests.viewSubmission(
          {
            callbackId: "handoff_reject_modal",
            privateMetadata: JSON.stringify({ handoffId }),
            values: { reason: { value: input.select("not_a_fit") }, note: { value: input.text(null) } },
          },
          as(REP),
        ),
      ),
    kinds: ["handoff_rejected", "handoff_rejected_marketing"],
    delivered: async (db, effects) => {
      for (const effect of effects) await cardShows(db, effect.subjectId, slackOf(), "Rejected");
    },
  },
  {
    name: "deal won (the marketing channel)",
    prepare: async (baton, db, n) => {
      const handoffId = await handedOff(baton, db, n);
      await baton.requests.blockAction({ actionId: "handoff_accept", value: handoffId }, as(REP));
      const { leadId } = await db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
      await waitUntil(async () => (await db.lead.findUniqueOrThrow({ where: { id: leadId } })).stage === "sql", "the lead with sales");
      await waitUntil(async () => (await db.outboxEffect.count({ where: { status: "pending" } })) === 0, "the Accept's effects settled");
      return leadId;
    },
    decide: async (baton, _n, leadId) =>
      sent(
        baton.requests.viewSubmission(
          {
            callbackId: "lead_won_modal",
            privateMetadata: JSON.stringify({ leadId }),
            values: { amount: { value: input.text("12,500") }, currency: { value: input.text("USD") } },
          },
          as(REP),
        ),
      ),
    kinds: ["deal_won"],
  },
];

/** The stand-in the cases share (set in beforeAll), for checks that read what Slack shows. */
let sharedSlack: SlackStandIn | undefined;
const slackOf = (): SlackStandIn => {
  if (!sharedSlack) throw new Error("no Slack stand-in yet");
  return sharedSlack;
};

const STEPS = [
  { step: "after commit, before Slack took the post", when: "before" as const },
  { step: "after Slack posted, before Baton heard back", when: "after" as const },
];

describe("the outbox when its process is SIGKILLed", () => {
  let slack: SlackStandIn;
  let database: OpenTestDatabase;
  /** The process now running: each case kills it and starts the next. */
  let baton: BatonProcess;
  let n = 0;

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    sharedSlack = slack;
    database = await openTestDatabase();
    slack.setUser({ id: ADMIN, is_admin: true });
    baton = await startBatonProcess(slack, database.url);
    await baton.requests.command("/baton", "help", as(MARKETER));
  }, 2 * HANG_BOUND_MS);
  afterAll(async () => {
    await baton?.stop();
    await slack?.stop();
    await database?.dispose();
  });

  const cases = FLOWS.flatMap((flow) => STEPS.map((step) => ({ ...step, flow })));
  it.each(cases)("$flow.name, killed $step: each effect in Slack once", { timeout: 4 * HANG_BOUND_MS }, async ({ flow, when }) => {
    n += 1;
    const prepared = (await flow.prepare?.(baton, database.prisma, n)) ?? "";
    const earlier = new Set((await database.prisma.outboxEffect.findMany({ select: { id: true } })).map((e) => e.id));
    const victim = baton;
    let killed = false;
    slack.trap(
      "chat.postMessage",
      when,
      () => {
        victim.kill();
        killed = true;
      },
      isEffectPost,
    );

    await flow.decide(victim, n, prepared);
    await waitUntil(() => killed, `the ${flow.name} post reaching Slack`);
    await victim.exited;
    const effects = (await database.prisma.outboxEffect.findMany()).filter(
      (e) => !earlier.has(e.id) && (!flow.kinds || flow.kinds.includes(e.kind)),
    );
    expect(effects.length).toBeGreaterThan(0);
    expect(effects.every((e) => e.status === "pending")).toBe(true);
    // What Slack shows at the kill: nothing yet, or the one post Baton never heard back about.
    const shown = ids(effects).reduce((sum, id) => sum + (postsPerEffect(slack).get(id) ?? 0), 0);
    expect(shown).toBe(when === "before" ? 0 : 1);

    baton = await startBatonProcess(slack, database.url);
    const left = ids(effects);
    await waitUntil(
      async () => (await database.prisma.outboxEffect.count({ where: { id: { in: left }, status: "delivered" } })) === left.length,
      "the next process delivering what the killed one left",
    );
    const posts = postsPerEffect(slack);
    expect(left.map((id) => ({ id, posts: posts.get(id) ?? 0 }))).toEqual(left.map((id) => ({ id, posts: 1 })));
    // Each recorded with the message Slack shows (found in the channel when it had gone out before the kill).
    const delivered = await database.prisma.outboxEffect.findMany({ where: { id: { in: left } } });
    for (const effect of delivered) expect(slack.message(effect.channelId, effect.messageTs ?? "")?.ts).toBe(effect.messageTs);
    await flow.delivered?.(database.prisma, delivered);
  });
});
