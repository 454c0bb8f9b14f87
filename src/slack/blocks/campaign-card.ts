// The campaign card: what the campaign is, and its live results (the closed loop between spend and sales).
import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import type { CampaignCard } from "../../domain/campaigns/campaigns.js";
import type { CampaignDetails, CampaignStatus } from "../../domain/campaigns/details.js";
import type { CampaignResults } from "../../domain/campaigns/results.js";
import { channelLabel, rejectReasonLabel, STAGE_COUNT_LABELS, STAGE_LABELS } from "../../domain/labels.js";
import { CampaignActions } from "../ids.js";
import { convertedAtText, count, formatDay, formatDays, money, OTHER_CURRENCIES, percent, plural, times } from "./format.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, Limits, mention, mrkdwn, plain, truncate } from "./text.js";

const field = (label: string, value: string) => mrkdwn(`*${label}*\n${value}`, Limits.fieldText);
const userText = (value: string | null, max = 1500) => (value ? escapeMrkdwn(truncate(value, max)) : "—");

export function statusText(status: CampaignStatus): string {
  switch (status.state) {
    case "active":
      return ":large_green_circle: Active";
    case "upcoming":
      return ":white_circle: Upcoming";
    case "finished":
      return `:black_circle: Finished ${formatDay(status.on)}`;
    case "ended":
      return `:black_circle: Ended ${formatDay(status.on)}`;
  }
}

/** Safe link markup: Slack's <url|label> with the characters that would break it removed from the url. */
const link = (url: string, label: string) => `<${url.replace(/[<>|]/g, "")}|${label}>`;

function whatItIs(campaign: CampaignDetails): KnownBlock[] {
  return [
    { type: "header", text: plain(campaign.name, Limits.headerText) },
    {
      type: "context",
      elements: [
        mrkdwn(
          [
            statusText(campaign.status),
            channelLabel(campaign.channel),
            campaign.trackingCode ? `tracking code \`${campaign.trackingCode}\`` : "",
          ]
            .filter(Boolean)
            .join(" · "),
        ),
      ],
    },
    {
      type: "section",
      fields: [
        field("Product", userText(campaign.product)),
        field("Price or offer", userText(campaign.offer)),
        field("Place", userText(campaign.place)),
        field("Promotion", userText(campaign.promotion)),
        field("Target segment", userText(campaign.segmentName)),
        field("Key message", userText(campaign.keyMessage)),
        field("Budget", money(campaign.budgetCents, campaign.currency)),
        field("Dates", formatDays(campaign.startsOn, campaign.endsOn)),
        field("Owner", campaign.ownerId ? mention(campaign.ownerId) : "—"),
        field("Assets", campaign.assetsUrl ? link(campaign.assetsUrl, "Open the assets") : "—"),
      ],
    },
  ];
}

/**
 * The campaign's currency first, then every other currency its deals were won in: never added up, unless the
 * workspace has a rate for each ("$1,580.00 (€1,000.00 + $500.00)", the amounts as won in brackets).
 */
export function revenueText(results: CampaignResults): string {
  const other = results.otherRevenue.map((r) => money(r.cents, r.currency));
  const apart = [money(results.revenueCents, results.currency), ...other];
  if (!results.convertedRevenue) return apart.join(" + ");
  const won = [{ currency: results.currency, cents: results.revenueCents }, ...results.otherRevenue].filter((r) => r.cents !== 0);
  return `${money(results.convertedRevenue.cents, results.convertedRevenue.currency)} (${won.map((r) => money(r.cents, r.currency)).join(" + ")})`;
}

/** "Converted at the rates set on Dec 1, 2026.", when any figure of the results was. */
export const convertedNote = (results: CampaignResults): string =>
  results.convertedAt ? ` Revenue ${convertedAtText(results.convertedAt)}.` : "";

function theResults(results: CampaignResults): KnownBlock[] {
  const reasons = results.topRejectionReasons.map((r) => `${rejectReasonLabel(r.reason)} (${r.count})`).join(" · ");
  return [
    { type: "section", text: mrkdwn("*Results so far*") },
    {
      type: "section",
      fields: [
        field("Leads", String(results.leads)),
        field(STAGE_COUNT_LABELS.mql, String(results.mqls)),
        field(STAGE_COUNT_LABELS.sql, String(results.sqls)),
        field("Won deals", String(results.wonDeals)),
        field("Revenue", revenueText(results)),
        field(
          "Return on spend",
          results.returnOnSpendGap === "other_currencies" ? `— (${OTHER_CURRENCIES})` : times(results.returnOnSpend),
        ),
        field("Cost per lead", money(results.costPerLeadCents, results.currency)),
        field("Cost per SQL", money(results.costPerSqlCents, results.currency)),
        field(
          "Sales acceptance rate",
          `${percent(results.acceptanceRate)} (${results.accepted} of ${results.accepted + results.rejected} decided)`,
        ),
      ],
    },
    { type: "section", text: mrkdwn(`*Top rejection reasons*\n${reasons || "None so far"}`) },
    {
      type: "context",
      elements: [
        mrkdwn(
          `Leads with this campaign as their source. MQLs, SQLs and won deals: its leads that reached the stage. Return on spend = revenue ÷ budget. Acceptance = accepted ÷ decided handoffs.${convertedNote(results)}`,
        ),
      ],
    },
  ];
}

function actions(campaign: CampaignDetails): ActionsBlock {
  const buttons: Button[] = [
    { type: "button", action_id: CampaignActions.edit, value: campaign.id, text: plain("Edit", Limits.buttonText) },
  ];
  if (campaign.status.state !== "ended") {
    buttons.push({
      type: "button",
      action_id: CampaignActions.end,
      value: campaign.id,
      style: "danger",
      text: plain("End campaign", Limits.buttonText),
      confirm: {
        title: plain("End this campaign?", 100),
        text: plain(truncate(`“${campaign.name}” stops counting as active. Its leads keep it as their source campaign.`, 300)),
        confirm: plain("End it", 30),
        deny: plain("Keep it running", 30),
      },
    });
  }
  return { type: "actions", block_id: "campaign_actions", elements: buttons };
}

export function campaignCardMessage(card: CampaignCard): Message {
  const blocks: KnownBlock[] = [...whatItIs(card.campaign), { type: "divider" }, ...theResults(card.results)];
  if (card.canManage) blocks.push(actions(card.campaign));
  const r = card.results;
  const text = truncate(
    `${escapeMrkdwn(card.campaign.name)}: ${plural(r.leads, "lead")}, ${plural(r.mqls, STAGE_LABELS.mql, STAGE_COUNT_LABELS.mql)}, ${plural(r.sqls, STAGE_LABELS.sql, STAGE_COUNT_LABELS.sql)}, ${count(r.wonDeals)} won, revenue ${revenueText(r)}.`,
    Limits.sectionText,
  );
  return { text, blocks };
}
