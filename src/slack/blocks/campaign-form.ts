// The /campaign form, new or edit, in two steps (Slack's guidance: paginate past about six inputs):
// 1. the basics (name, channel, owner, dates, budget), "Next"; 2. the message and audience (the four Ps, key
// message, segment, assets), which saves. Field names are the domain's (see campaign-input.ts). What was typed in
// one step travels in private_metadata while the other is shown, so Back and Next lose nothing.
import type { KnownBlock, ModalView } from "@slack/types";
import { CAMPAIGN_BASIC_FIELDS, CAMPAIGN_LIMITS, type CampaignField } from "../../domain/campaigns/campaign-input.js";
import type { CampaignFormOptions } from "../../domain/campaigns/campaigns.js";
import { CAMPAIGN_CHANNELS } from "../../domain/campaigns/channels.js";
import type { CampaignDetails } from "../../domain/campaigns/details.js";
import { CHANNEL_LABELS } from "../../domain/labels.js";
import { keyMessageId } from "../../domain/playbook/brand-input.js";
import { amountText } from "../../lib/money.js";
import { CampaignActions, CampaignViews } from "../ids.js";
import { dateInput, option, selectInput, textInput, urlInput, userInput } from "./inputs.js";
import { currencyInput } from "./pickers.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

/** What the form holds, by the domain's field names: typed text, a picked option's value, a user id or a day. */
export type CampaignDraft = Partial<Record<CampaignField, string | null>>;

export interface CampaignFormMetadata {
  /** Editing this campaign, at this version; both absent for a new one. */
  campaignId?: string;
  version?: string;
  /** Step 1 as submitted, carried by step 2. */
  basics?: CampaignDraft;
  /** Step 2 as typed before Back, carried by step 1 (dropped if it would not fit Slack's 3,000 characters). */
  details?: CampaignDraft;
}

const BASIC = new Set<string>(CAMPAIGN_BASIC_FIELDS);
const METADATA_LIMIT = 3000;

/** The part of a draft that belongs to step 1 (`basics`) or step 2. */
export function draftPart(draft: CampaignDraft, part: "basics" | "details"): CampaignDraft {
  return Object.fromEntries(Object.entries(draft).filter(([field]) => BASIC.has(field) === (part === "basics")));
}

/** An empty form's starting values: today, the person as owner, the workspace currency. */
export const newCampaignDraft = (userId: string, today: string, currency: string): CampaignDraft => ({
  startsOn: today,
  ownerId: userId,
  currency,
});

/** A campaign's values as the form shows them. */
export function campaignDraft(campaign: CampaignDetails): CampaignDraft {
  return {
    name: campaign.name,
    channel: campaign.channel,
    ownerId: campaign.ownerId,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    budget: campaign.budgetCents !== null ? amountText(campaign.budgetCents, campaign.currency) : null,
    currency: campaign.currency,
    product: campaign.product,
    offer: campaign.offer,
    place: campaign.place,
    promotion: campaign.promotion,
    keyMessage: campaign.keyMessage,
    segmentId: campaign.segmentId,
    assetsUrl: campaign.assetsUrl,
  };
}

/** The metadata of a step, without the part that step shows itself. */
const json = (metadata: CampaignFormMetadata, shows: "basics" | "details") => {
  const { [shows]: _shown, ...carried } = metadata;
  const full = JSON.stringify(carried);
  if (full.length <= METADATA_LIMIT) return full;
  const { details: _dropped, ...rest } = carried as CampaignFormMetadata;
  return JSON.stringify(rest);
};

const stepNote = (text: string): KnownBlock => ({ type: "context", block_id: "campaign_step", elements: [mrkdwn(text)] });

/** Step 1: name, channel, owner, dates, budget and currency; "Next" checks them and shows step 2. */
export function campaignBasicsView(draft: CampaignDraft, metadata: CampaignFormMetadata): ModalView {
  const editing = Boolean(metadata.campaignId);
  const blocks: KnownBlock[] = [
    stepNote("*Step 1 of 2: the basics.* Next: the message and who it is for."),
    textInput("name", { label: "Name", initial: draft.name, max: CAMPAIGN_LIMITS.name, placeholder: "Spring launch webinar" }),
    selectInput("channel", {
      label: "Channel",
      options: CAMPAIGN_CHANNELS.map((c) => option(c, CHANNEL_LABELS[c])),
      initial: draft.channel,
      placeholder: "Where people meet it",
    }),
    userInput("ownerId", { label: "Owner", initial: draft.ownerId }),
    dateInput("startsOn", { label: "Starts on", initial: draft.startsOn }),
    dateInput("endsOn", {
      label: "Ends on",
      optional: true,
      initial: draft.endsOn,
      hint: "Leave empty for a campaign without an end date.",
    }),
    textInput("budget", {
      label: "Budget",
      optional: true,
      initial: draft.budget,
      placeholder: "12,500.00",
      hint: "A number such as 12500 or 12,500.50. Cost per lead and return on spend are computed from it.",
    }),
    currencyInput("currency", { label: "Currency", initial: draft.currency ?? "USD" }),
  ];
  return {
    type: "modal",
    callback_id: CampaignViews.basics,
    title: plain(editing ? "Edit campaign" : "Log a campaign", Limits.modalTitle),
    submit: plain("Next", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    private_metadata: json(metadata, "basics"),
    blocks,
  };
}

/** Step 2: the four Ps, key message, target segment and assets; submitting it saves the whole campaign. */
export function campaignDetailsView(
  draft: CampaignDraft,
  options: Pick<CampaignFormOptions, "keyMessages" | "segments">,
  metadata: CampaignFormMetadata,
): ModalView {
  const editing = Boolean(metadata.campaignId);
  const name = metadata.basics?.name ? `*${escapeMrkdwn(truncate(metadata.basics.name, CAMPAIGN_LIMITS.name))}*` : "the campaign";
  const blocks: KnownBlock[] = [
    {
      type: "section",
      block_id: "campaign_step",
      text: mrkdwn(`*Step 2 of 2: the message and who it is for.* The basics of ${name} are kept.`),
      accessory: { type: "button", action_id: CampaignActions.formBack, text: plain("Back", Limits.buttonText) },
    },
    textInput("product", { label: "Product", optional: true, initial: draft.product, max: CAMPAIGN_LIMITS.product }),
    textInput("offer", {
      label: "Price or offer",
      optional: true,
      initial: draft.offer,
      max: CAMPAIGN_LIMITS.offer,
      placeholder: "20% off the first year",
    }),
    textInput("place", { label: "Place: where it runs", optional: true, initial: draft.place, max: CAMPAIGN_LIMITS.place }),
    textInput("promotion", {
      label: "Promotion: the message",
      optional: true,
      multiline: true,
      initial: draft.promotion,
      max: CAMPAIGN_LIMITS.promotion,
      hint: "What the campaign tells people. Sales sees it in the announcement.",
    }),
    keyMessageBlock(options.keyMessages, draft),
    ...segmentBlocks(options.segments, draft.segmentId ?? null),
    urlInput("assetsUrl", { label: "Link to its assets", optional: true, initial: draft.assetsUrl }),
  ];
  return {
    type: "modal",
    callback_id: editing ? CampaignViews.edit : CampaignViews.create,
    title: plain(editing ? "Edit campaign" : "Log a campaign", Limits.modalTitle),
    submit: plain(editing ? "Save" : "Log campaign", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    private_metadata: json(metadata, "details"),
    blocks,
  };
}

/** A select over the brand guide's key messages when there are any, else free text. */
function keyMessageBlock(messages: { id: string; text: string }[], draft: CampaignDraft): KnownBlock {
  const current = draft.keyMessage ?? null;
  if (messages.length === 0) {
    return textInput("keyMessage", {
      label: "Key message",
      optional: true,
      initial: current ?? messages.find((m) => m.id === draft.keyMessageId)?.text,
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
    initial: draft.keyMessageId ?? choices.find((m) => m.text === current)?.id ?? (current ? keyMessageId(current) : null),
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
