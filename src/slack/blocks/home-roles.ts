// The App Home's parts for marketers, admins and newcomers (the rep's part is in home.ts).

import type { Button, KnownBlock } from "@slack/types";
import type { MarketerHome, SetupChecklist, WaitingHandoff } from "../../domain/home/home.js";
import { SETUP_ITEM_LABELS, STAGE_COUNT_LABELS, STAGE_LABELS } from "../../domain/labels.js";
import type { Lead } from "../../domain/leads/leads.js";
import { Actions, CampaignActions, HomeActions, itemBlockId, LeadActions } from "../ids.js";
import { convertedAtText, count, OTHER_CURRENCIES, plural, times, wholeMoney } from "./format.js";
import { clockText } from "./handoff-answer.js";
import { summaryFieldsOf } from "./lead-card.js";
import { leadHeadline } from "./lead-summary.js";
import { escapeMrkdwn, Limits, mention, mrkdwn, plain, truncate } from "./text.js";

/** Where each checklist item is set in /baton settings (the settings_section keys). */
const SETUP_SECTIONS = {
  channels: "channels_people",
  salesTeam: "channels_people",
  rotation: "rotation",
  digests: "digests",
  leadIntake: "web_forms",
} as const;

const button = (actionId: string, text: string, value?: string, primary = false): Button => ({
  type: "button",
  action_id: actionId,
  text: plain(text, Limits.buttonText),
  ...(value ? { value } : {}),
  ...(primary ? { style: "primary" as const } : {}),
});

const header = (text: string): KnownBlock => ({ type: "header", text: plain(text, Limits.headerText) });
const more = (shown: number, total: number, how: string): KnownBlock[] =>
  total > shown ? [{ type: "context", elements: [mrkdwn(`…and ${total - shown} more. ${how}`)] }] : [];

export function logButtons(): KnownBlock {
  return {
    type: "actions",
    block_id: "home_log",
    elements: [button(HomeActions.logLead, "Log a lead", undefined, true), button(HomeActions.logCampaign, "Log a campaign")],
  };
}

/** The admin's checklist: each part of /baton settings, done or not, with the button that opens it. */
export function setupBlocks(setup: SetupChecklist): KnownBlock[] {
  if (setup.complete) {
    return [
      {
        type: "section",
        block_id: "home_setup_done",
        text: mrkdwn(":white_check_mark: Baton is set up: channels, sales team, rotation, digests and lead intake."),
        accessory: button(HomeActions.settings, "Settings"),
      },
    ];
  }
  const left = setup.items.filter((item) => !item.done).length;
  const blocks: KnownBlock[] = [header(`Set up Baton (${setup.items.length - left} of ${setup.items.length} done)`)];
  for (const item of setup.items) {
    blocks.push({
      type: "section",
      block_id: itemBlockId("setup", item.key),
      text: mrkdwn(`${item.done ? ":white_check_mark:" : ":white_circle:"} ${SETUP_ITEM_LABELS[item.key]}`),
      accessory: button(Actions.settingsSection, item.done ? "Change" : "Set up", SETUP_SECTIONS[item.key], !item.done),
    });
  }
  blocks.push({ type: "actions", block_id: "home_settings", elements: [button(HomeActions.settings, "All settings")] });
  return blocks;
}

const campaignOf = (w: WaitingHandoff) => (w.campaignName ? ` · ${escapeMrkdwn(truncate(w.campaignName, 150))}` : "");

function waitingOnSalesRow(w: WaitingHandoff): KnownBlock {
  const who = w.assigneeId ? `with ${mention(w.assigneeId)}` : "waiting for a rep";
  return {
    type: "section",
    block_id: itemBlockId("sales_waiting", w.handoffId),
    text: mrkdwn(`${leadHeadline(summaryFieldsOf(w.lead))}\n${who} · ${clockText(w.clock, w.dueAt)}${campaignOf(w)}`),
    accessory: button(LeadActions.open, "Open", w.lead.id),
  };
}

function sentBackRow(lead: Lead): KnownBlock {
  return {
    type: "section",
    block_id: itemBlockId("sent_back", lead.id),
    text: mrkdwn(leadHeadline(summaryFieldsOf(lead))),
    accessory: button(LeadActions.handOff, "Re-qualify", lead.id),
  };
}

function campaignLine(c: MarketerHome["campaigns"][number]): string {
  const sqls = c.sqls === 1 ? STAGE_LABELS.sql : STAGE_COUNT_LABELS.sql;
  const parts = [plural(c.leads, "lead"), `${count(c.sqls)} ${sqls}`];
  if (c.costPerLeadCents !== null) parts.push(`${wholeMoney(c.costPerLeadCents, c.currency)} per lead`);
  if (c.returnOnSpend !== null) parts.push(`${times(c.returnOnSpend)} return on spend`);
  else if (c.returnOnSpendGap === "other_currencies") parts.push(`return on spend — (${OTHER_CURRENCIES})`);
  if (c.convertedAt) parts.push(convertedAtText(c.convertedAt));
  return `*${escapeMrkdwn(truncate(c.name, 150))}* · ${parts.join(" · ")}`;
}

/** A marketer's part: their handoffs waiting on sales, leads sent back, campaigns this month. Empty parts are left out. */
export function marketerBlocks(m: MarketerHome): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (m.waitingOnSales.length > 0) {
    blocks.push(header(`Waiting on sales (${m.waitingOnSalesTotal})`), ...m.waitingOnSales.map(waitingOnSalesRow));
    blocks.push(...more(m.waitingOnSales.length, m.waitingOnSalesTotal, "Each card is in the sales channel."));
  }
  if (m.sentBack.length > 0) {
    blocks.push(header("Sent back to you (Nurture)"), ...m.sentBack.map(sentBackRow));
  }
  if (m.campaigns.length > 0) {
    blocks.push(header("Your campaigns this month"));
    for (const c of m.campaigns) {
      blocks.push({
        type: "section",
        block_id: itemBlockId("campaign", c.campaignId),
        text: mrkdwn(campaignLine(c)),
        accessory: button(CampaignActions.open, "Open", c.campaignId),
      });
    }
  }
  return blocks;
}

/** Someone in no role yet: what Baton is for, the two things anyone can do, and where help is. */
export function welcomeBlocks(): KnownBlock[] {
  return [
    header("Welcome to Baton"),
    {
      type: "section",
      text: mrkdwn(
        "Baton keeps marketing and sales on one page: marketing logs leads and campaigns and hands qualified leads to sales; sales answers each handoff within the agreed time.",
      ),
    },
    logButtons(),
    { type: "context", elements: [mrkdwn("Type `/baton help` for every command.")] },
  ];
}
