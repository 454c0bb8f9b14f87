// Text people typed (here through the public web form, the least trusted way in) reaches Slack escaped in every
// argument: the blocks and the top-level `text` that phones and notifications show. A lead named like a mention
// or a link must never ping a channel, mention someone or show a link Baton did not make.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOff, waitUntil } from "../helpers/leads.js";
import { webFormSecret } from "../helpers/production.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const TEAM = "T0HOSTILE1";
const MARKETER = "U0HSTMKT01";
const REP = "U0HSTREP01";
const HOSTILE = {
  name: "<!channel> <https://evil.example|Reset your Slack password>",
  company: "<!here> & <@U0VICTIM01> *bold* _it_ ~s~ `code`",
  title: "\u202Eevil\u202C \u200B zero-width 🎉",
};
/** What must never reach Slack unescaped: each would notify, mention or link. */
const RAW = ["<!channel>", "<!here>", "<@U0VICTIM01>", "<https://evil.example"];

describe("hostile text from a web form", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.requests.command("/baton", "help", { teamId: TEAM, userId: MARKETER });
    app.slack.setUser({ id: REP });
  });
  afterAll(async () => {
    await app.stop();
  });

  /** Every argument Slack parses as mrkdwn or links: plain_text objects (headers, buttons) show text as it is. */
  const everyArgument = () => app.slack.calls.map((call) => ({ method: call.method, args: JSON.stringify(withoutPlainText(call.args)) }));

  it("is escaped in the marketing announcement, the handoff card, the rejection notice and every fallback text", async () => {
    const secret = await webFormSecret(app, TEAM);
    app.slack.reset();
    const reply = await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "hostile@evil.example", ...HOSTILE } });
    expect(reply.status).toBe(201);
    const announced = await app.slack.waitFor("chat.postMessage", (call) => call.args.channel === MARKETING_CHANNEL);
    expect(String(announced.args.text)).toContain("&lt;!channel&gt;");

    const lead = await app.db.lead.findFirstOrThrow({ where: { teamId: TEAM, emailKey: "hostile@evil.example" } });
    const handoff = await handOff(app, lead.id, { teamId: TEAM, userId: MARKETER });
    await app.slack.waitFor("chat.postMessage", (call) => call.args.channel === SALES_CHANNEL);
    await app.requests.viewSubmission(
      {
        callbackId: "handoff_reject_modal",
        privateMetadata: JSON.stringify({ handoffId: handoff?.id, channelId: SALES_CHANNEL }),
        values: {
          reason: { value: { type: "static_select", selected_option: { value: "no_interest" } } },
          note: { value: { type: "plain_text_input", value: "<!channel> call me <https://evil.example|here>" } },
        },
      },
      { teamId: TEAM, userId: REP },
    );
    await waitUntil(async () => (await app.db.handoff.findUniqueOrThrow({ where: { id: handoff?.id ?? "" } })).status === "rejected");
    await app.idle();

    const calls = everyArgument();
    expect(calls.map((c) => c.method)).toEqual(expect.arrayContaining(["chat.postMessage", "chat.update"]));
    for (const call of calls)
      for (const raw of RAW)
        expect({ method: call.method, leaked: call.args.includes(raw) }).toEqual({ method: call.method, leaked: false });
  });
});

function withoutPlainText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlainText);
  if (!value || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  if (object.type === "plain_text") return { type: "plain_text" };
  return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, withoutPlainText(inner)]));
}
