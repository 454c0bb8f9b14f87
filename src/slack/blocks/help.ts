import type { KnownBlock } from "@slack/types";
import type { Message } from "./message.js";

/** What each kind of person does with Baton, by role, each line short: the commands themselves, not their grammar. */
const BY_ROLE: [string, string][] = [
  [
    ":mega: Marketing",
    "`/lead` logs a lead · `/lead handoff <email>` hands it to sales · `/campaign` logs a campaign, `/campaign list` shows them · `/lead import` takes a CSV",
  ],
  [
    ":briefcase: Sales",
    "Answer handoffs on the card or from your DM · `/lead find <text>` · `/baton away` and `/baton back` for the rotation",
  ],
  [
    ":bar_chart: Everyone",
    "`/funnel` this week's numbers (`/funnel help` for periods and campaigns) · `/baton icp` · `/baton brand` · `/baton sla`",
  ],
  [":gear: Admins", "`/baton settings` · `/lead export` · `/lead forget <email>` erases a person"],
];

/** The `/baton help` message: what Baton does and every command, in one screen. */
export function helpMessage(): Message {
  const lines = BY_ROLE.map(([role, what]) => `*${role}*\n${what}`).join("\n");
  const blocks: KnownBlock[] = [
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
  ];
  return { text: `Baton commands: /lead, /campaign, /funnel, /baton settings, /baton icp, /baton away.`, blocks };
}
