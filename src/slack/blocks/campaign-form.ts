// The /campaign modal: log a new campaign or edit one. Field names are the domain's (see campaign-input.ts).
import type { KnownBlock, ModalView } from "@slack/types";
import { CAMPAIGN_LIMITS } from "../../domain/campaigns/campaign-input.js";
import type { CampaignFormOptions } from "../../domain/campaigns/campaigns.js";
import { CAMPAIGN_CHANNELS } from "../../domain/campaigns/channels.js";
import type { CampaignDetails } from "../../domain/campaigns/details.js";
import { CHANNEL_LABELS } from "../../domain/labels.js";
import { keyMessageId } from "../../domain/playbook/brand-input.js";
import { amountText, COMMON_CURRENCIES } from "../../lib/money.js";
import { CampaignViews } from "../ids.js";
import { dateInput, option, selectInput, textInput, urlInput, userInput } from "./inputs.js";
import { Limits, mrkdwn, plain } from "./text.js";

export interface CampaignFormMetadata {
  campaignId: string;
  version: string;
}

export interface CampaignForm {
  options: CampaignFormOptions & { today: string };
  userId: string;
  /** Editing this campaign; absent for a new one. */
  campaign?: CampaignDetails;
}

export function campaignFormView({ options, userId, campaign }: CampaignForm): ModalView {
  const blocks: KnownBlock[] = [
    textInput("name", { label: "Name", initial: campaign?.name, max: CAMPAIGN_LIMITS.name, placeholder: "Spring launch webinar" }),
    selectInput("channel", {
      label: "Channel",
      options: CAMPAIGN_CHANNELS.map((c) => option(c, CHANNEL_LABELS[c])),
      initial: campaign?.channel,
      placeholder: "Where people meet it",
    }),
    textInput("product", { label: "Product", optional: true, initial: campaign?.product, max: CAMPAIGN_LIMITS.product }),
    textInput("offer", {
      label: "Price or offer",
      optional: true,
      initial: campaign?.offer,
      max: CAMPAIGN_LIMITS.offer,
      placeholder: "20% off the first year",
    }),
    textInput("place", { label: "Place: where it runs", optional: true, initial: campaign?.place, max: CAMPAIGN_LIMITS.place }),
    textInput("promotion", {
      label: "Promotion: the message",
      optional: true,
      multiline: true,
      initial: campaign?.promotion,
      max: CAMPAIGN_LIMITS.promotion,
      hint: "What the campaign tells people. Sales sees it in the announcement.",
    }),
    keyMessageBlock(options.keyMessages, campaign?.keyMessage ?? null),
    ...segmentBlocks(options.segments, campaign?.segmentId ?? null),
    textInput("budget", {
      label: "Budget",
      optional: true,
      initial: campaign && campaign.budgetCents !== null ? amountText(campaign.budgetCents, campaign.currency) : undefined,
      placeholder: "12,500.00",
      hint: "A number such as 12500 or 12,500.50. Cost per lead and return on spend are computed from it.",
    }),
    selectInput("currency", {
      label: "Currency",
      options: currencies(options.currency, campaign?.currency).map((code) => option(code, code)),
      initial: campaign?.currency ?? options.currency,
    }),
    dateInput("startsOn", { label: "Starts on", initial: campaign?.startsOn ?? options.today }),
    dateInput("endsOn", {
      label: "Ends on",
      optional: true,
      initial: campaign?.endsOn,
      hint: "Leave empty for a campaign without an end date.",
    }),
    userInput("ownerId", { label: "Owner", initial: campaign?.ownerId ?? userId }),
    urlInput("assetsUrl", { label: "Link to its assets", optional: true, initial: campaign?.assetsUrl }),
  ];
  const metadata: CampaignFormMetadata | undefined = campaign ? { campaignId: campaign.id, version: campaign.version } : undefined;
  return {
    type: "modal",
    callback_id: campaign ? CampaignViews.edit : CampaignViews.create,
    title: plain(campaign ? "Edit campaign" : "Log a campaign", Limits.modalTitle),
    submit: plain(campaign ? "Save" : "Log campaign", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    ...(metadata ? { private_metadata: JSON.stringify(metadata) } : {}),
    blocks,
  };
}

/** A select over the brand guide's key messages when there are any, else free text. */
function keyMessageBlock(messages: { id: string; text: string }[], current: string | null): KnownBlock {
  if (messages.length === 0) {
    return textInput("keyMessage", {
      label: "Key message",
      optional: true,
      initial: current,
      max: CAMPAIGN_LIMITS.keyMessage,
      hint: "Once the brand guide lists key messages (/baton brand), you pick one here.",
    });
  }
  const choices = [...messages];
  if (current && !messages.some((m) => m.text === current))
    choices.push({ id: keyMessageId(current), text: `${current} (no longer in the guide)` });
  return selectInput("keyMessage", {
    label: "Key message",
    optional: true,
    options: choices.map((m) => option(m.id, m.text)),
    initial: current ? keyMessageId(current) : null,
    placeholder: "Which key message of the brand guide it carries",
  });
}

function segmentBlocks(segments: { id: string; name: string }[], current: string | null): KnownBlock[] {
  if (segments.length === 0) {
    return [{ type: "context", elements: [mrkdwn("No ICP segments to target yet: an admin can add them with `/baton icp`.")] }];
  }
  return [
    selectInput("segmentId", {
      label: "Target segment",
      optional: true,
      options: segments.map((s) => option(s.id, s.name)),
      initial: current,
      placeholder: "Which ICP segment it targets",
    }),
  ];
}

function currencies(workspaceCurrency: string, campaignCurrency: string | undefined): string[] {
  return [...new Set([workspaceCurrency, ...(campaignCurrency ? [campaignCurrency] : []), ...COMMON_CURRENCIES])];
}
