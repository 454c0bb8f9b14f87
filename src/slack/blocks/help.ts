import type { KnownBlock } from "@slack/types";
import type { Message } from "./message.js";

const COMMANDS: [string, string][] = [
  [
    "/lead",
    "Log a lead, or `/lead jane@acme.com` to open one. `/lead find <text>`, `/lead handoff <email>`, `/lead import` (CSV), `/lead export [stage] [campaign]`, `/lead forget <email>` (admins: erase a person's data).",
  ],
  [
    "/campaign",
    "Log a campaign with its four Ps, audience, budget and dates. `/campaign list` shows active and recent ones; `/campaign <name>` opens its card with live results.",
  ],
  [
    "/funnel",
    "This week's funnel, just for you. `/funnel month`, `/funnel last week`, `/funnel 2026-10-01..2026-10-31`, `/funnel campaign <name>`, `/funnel scorecard`, `/funnel post` (to this channel), `/funnel subscribe mine` (a weekly DM).",
  ],
  ["/baton settings", "Channels, who is on the sales team, the rotation and digest schedules (admins)."],
  [
    "/baton icp · brand · sla",
    "The shared playbook: ideal customer profile (fit grades A–D), brand and message guide, the sales-marketing agreement. Admins edit them; every change is announced in both channels.",
  ],
  ["/baton away · back", "Take yourself out of the lead rotation, and back in."],
];

/** The `/baton help` message: what Baton does and every command, in one screen. */
export function helpMessage(note?: string): Message {
  const lines = COMMANDS.map(([command, what]) => `*${command}*  ${what}`).join("\n");
  const blocks: KnownBlock[] = [];
  if (note) blocks.push({ type: "section", text: { type: "mrkdwn", text: note } });
  blocks.push(
    { type: "header", text: { type: "plain_text", text: "Baton keeps sales and marketing on one page" } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Marketing logs leads and campaigns and hands qualified leads to sales; sales accepts, rejects or assigns them within the agreed time; both teams get the same funnel numbers.",
      },
    },
    { type: "section", text: { type: "mrkdwn", text: lines } },
    { type: "context", elements: [{ type: "mrkdwn", text: "Replies like this one are only visible to you." }] },
  );
  return { text: `${note ? `${note} ` : ""}Baton commands: /lead, /campaign, /funnel, /baton settings, /baton icp, /baton away.`, blocks };
}
