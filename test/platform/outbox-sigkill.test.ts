// SIGKILL at each step of each flow that writes an outbox effect, in a real Baton process: killed after the
// decision committed but before Slack took the post, or after Slack posted but before Baton heard back. The next
// process (its sweeper) delivers what was left, and every effect is in Slack exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import type { OutboxEffect } from "../../src/db/outbox.js";
import { campaignFields } from "../campaigns/forms.js";
import { type BatonProcess, isEffectPost, PROCESS_TEAM, postsPerEffect, startBatonProcess } from "../helpers/baton-process.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { webFormSecret } from "../helpers/production.js";
import { input } from "../helpers/slack-requests.js";
import { SlackStandIn } from "../helpers/slack-stand-in.js";
import { HANG_BOUND_MS, waitUntil } from "../helpers/waits.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const MARKETER = "U0KILLMKT1";
const ADMIN = "U0KILLADM1";
const as = (userId: string) => ({ teamId: PROCESS_TEAM, userId });

/**
 * A flow that tells Slack through the outbox: `decide` sends what a person (or a web form) sends, and returns
 * without waiting for the answer, which a killed process may never give. More (handoff cards, DMs, SLA steps) are
 * added here by name.
 */
interface Flow {
  name: string;
  decide(baton: BatonProcess, n: number): Promise<void>;
  /** What else the delivered effects must have left, beyond one post each. */
  delivered?(db: Db, effects: OutboxEffect[]): Promise<void>;
}

const ids = (effects: { id: string }[]) => effects.map((e) => e.id);
const sent = (reply: Promise<unknown>) => void reply.catch(() => undefined);

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
];

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

    await flow.decide(victim, ++n);
    await waitUntil(() => killed, `the ${flow.name} post reaching Slack`);
    await victim.exited;
    const effects = (await database.prisma.outboxEffect.findMany()).filter((e) => !earlier.has(e.id));
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
