// `/campaign list` and the matches of `/campaign <text>`: one row per campaign, each opening its card.
import type { KnownBlock, SectionBlock } from "@slack/types";
import type { CampaignListEntry, CampaignOverview } from "../../domain/campaigns/campaigns.js";
import { channelLabel } from "../../domain/labels.js";
import { CampaignActions, itemBlockId } from "../ids.js";
import { revenueText, statusText } from "./campaign-card.js";
import { convertedAtText, formatDays } from "./format.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

function row(entry: CampaignListEntry): SectionBlock {
  const { campaign, results } = entry;
  const figures = results ? `${results.leads} leads · ${results.sqls} SQLs · ${results.wonDeals} won · ${revenueText(results)}` : "";
  return {
    type: "section",
    block_id: itemBlockId("campaign", campaign.id),
    text: mrkdwn(
      `*${escapeMrkdwn(truncate(campaign.name, 200))}*  ${statusText(campaign.status)}\n${channelLabel(campaign.channel)} · ${formatDays(campaign.startsOn, campaign.endsOn)}${figures ? `\n${figures}` : ""}`,
    ),
    accessory: { type: "button", action_id: CampaignActions.open, value: campaign.id, text: plain("Open", Limits.buttonText) },
  };
}

const note = (text: string): KnownBlock => ({ type: "context", elements: [mrkdwn(text)] });

/** Said once under the rows when any row's revenue was converted at the workspace's exchange rates. */
function convertedNote(entries: CampaignListEntry[]): KnownBlock[] {
  const day = entries.find((e) => e.results?.convertedAt)?.results?.convertedAt;
  return day ? [note(`Revenue ${convertedAtText(day)}.`)] : [];
}

/** Sections of rows within the 50-block limit: each section's rows, then a line when some were left out. */
function group(title: string, entries: CampaignListEntry[], more: boolean, empty: string): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(`*${title}*`) }];
  if (entries.length === 0) blocks.push(note(empty));
  blocks.push(...entries.map(row));
  if (more) blocks.push(note(`Only the latest ${entries.length} are shown. \`/campaign <name>\` opens any campaign.`));
  return blocks;
}

export function campaignListMessage(overview: CampaignOverview): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain("Campaigns", Limits.headerText) },
    ...group("Active and upcoming", overview.current, overview.moreCurrent, "None running. `/campaign` logs a new one."),
    ...group("Ended in the last 90 days", overview.recent, overview.moreRecent, "None."),
    ...convertedNote([...overview.current, ...overview.recent]),
  ];
  const count = overview.current.length + overview.recent.length;
  return {
    text: `Campaigns: ${overview.current.length} active or upcoming, ${overview.recent.length} recently ended.`,
    blocks: withinLimit(blocks, count),
  };
}

/** `/campaign <text>` found no exact name but some whose name contains the text. */
export function campaignMatchesMessage(text: string, entries: CampaignListEntry[]): Message {
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(`No campaign is called “${escapeMrkdwn(truncate(text, 200))}”. These names contain it:`) },
    ...entries.map(row),
    ...convertedNote(entries),
  ];
  return { text: `Campaigns matching “${escapeMrkdwn(truncate(text, 200))}”`, blocks: withinLimit(blocks, entries.length) };
}

/** Never more blocks than a message may hold, whatever the data. */
function withinLimit(blocks: KnownBlock[], rows: number): KnownBlock[] {
  if (blocks.length <= Limits.messageBlocks) return blocks;
  return [
    ...blocks.slice(0, Limits.messageBlocks - 1),
    note(`Showing part of ${rows} campaigns. \`/campaign <name>\` opens any campaign.`),
  ];
}
