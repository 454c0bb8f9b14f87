// The baseline for request overhead: a bare Bolt app in HTTP mode, started the same way as Baton (its own process,
// the same Web API stand-in), whose listeners ack and make the Slack calls Baton's make, with no database and no
// middleware. `/lead` opens Baton's own (empty) lead modal, so both send the same call; the other replies are short.
// `node --import tsx bench/bare-bolt.ts` with PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { leadModal } from "../src/slack/blocks/lead-modal.js";

const env = (name: string) => process.env[name] ?? "";

const receiver = new HTTPReceiver({
  signingSecret: env("SLACK_SIGNING_SECRET"),
  customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => res.writeHead(200).end("ok") }],
});
const app = new App({
  receiver,
  token: env("SLACK_BOT_TOKEN"),
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: env("SLACK_API_URL") },
});

app.command("/lead", async ({ ack, body, client }) => {
  await ack();
  await client.views.open({
    trigger_id: body.trigger_id,
    view: leadModal({ email: null }, { channelId: body.channel_id }, { gradedByIcp: false }),
  });
});

app.action("handoff_accept", async ({ ack, body, client, respond }) => {
  await ack();
  if (body.type !== "block_actions" || !body.channel || !body.message) return;
  await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: "Accepted" });
  await respond({ response_type: "ephemeral", replace_original: false, text: "You own this lead now." });
});

app.command("/funnel", async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: "ephemeral", text: "This month's funnel" });
});

await app.start(Number(env("PORT")));
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
