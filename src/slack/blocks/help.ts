import type { Button, KnownBlock } from "@slack/types";
import { HomeActions } from "../ids.js";
import type { Message } from "./message.js";
import { Limits, mrkdwn, plain } from "./text.js";

interface RoleHelp {
  /** A block id of its own, so each role's part can be found. */
  key: string;
  title: string;
  /** The commands themselves, not their grammar. */
  commands: string;
  /** The main actions as buttons: the same action ids as the App Home's, so they open the same modals. */
  buttons: Button[];
}

const button = (actionId: string, text: string, primary = false): Button => ({
  type: "button",
  action_id: actionId,
  text: plain(text, Limits.buttonText),
  ...(primary ? { style: "primary" as const } : {}),
});

/** What each kind of person does with Baton, by role, each part short. */
const BY_ROLE: RoleHelp[] = [
  {
    key: "marketing",
    title: ":mega: Marketing",
    commands:
      "`/lead` logs a lead · `/lead handoff <email>` hands it to sales · `/campaign` logs a campaign, `/campaign list` shows them · `/lead import` takes a CSV",
    buttons: [button(HomeActions.logLead, "Log a lead", true), button(HomeActions.logCampaign, "Log a campaign")],
  },
  {
    key: "sales",
    title: ":briefcase: Sales",
    commands: "Answer handoffs on the card or from your DM · `/lead find <text>` · `/baton away` and `/baton back` for the rotation",
    buttons: [],
  },
  {
    key: "everyone",
    title: ":bar_chart: Everyone",
    commands: "`/funnel` this week's numbers (`/funnel help` for periods and campaigns) · `/baton icp` · `/baton brand` · `/baton sla`",
    buttons: [],
  },
  {
    key: "admins",
    title: ":gear: Admins",
    commands: "`/baton settings` · `/lead export` · `/lead forget <email>` erases a person",
    buttons: [button(HomeActions.settings, "Open settings")],
  },
];

function roleBlocks(role: RoleHelp): KnownBlock[] {
  const text: KnownBlock = { type: "section", block_id: `help_${role.key}`, text: mrkdwn(`*${role.title}*\n${role.commands}`) };
  if (role.buttons.length === 0) return [text];
  return [text, { type: "actions", block_id: `help_${role.key}_actions`, elements: role.buttons }];
}

/** The `/baton help` message: what Baton does and every command, by role, with buttons for the main actions. */
export function helpMessage(): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain("Baton keeps sales and marketing on one page", Limits.headerText) },
    {
      type: "section",
      text: mrkdwn(
        "Marketing logs leads and campaigns and hands qualified leads to sales; sales accepts, rejects or assigns them within the agreed time; both teams get the same funnel numbers.",
      ),
    },
    ...BY_ROLE.flatMap(roleBlocks),
    { type: "context", elements: [mrkdwn("Replies like this one are only visible to you.")] },
  ];
  return { text: `Baton commands: /lead, /campaign, /funnel, /baton settings, /baton icp, /baton away.`, blocks };
}
