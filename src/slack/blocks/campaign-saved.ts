import type { ModalView } from "@slack/types";
import type { CampaignDetails } from "../../domain/campaigns/details.js";
import type { AnnouncementOutcome } from "../../domain/playbook/announce.js";
import { CampaignViews } from "../ids.js";
import { deliveryNotes, noticeModal } from "./notices.js";
import { escapeMrkdwn } from "./text.js";

const cardHint = (campaign: CampaignDetails) => `\`/campaign ${escapeMrkdwn(campaign.name)}\` shows its card and results.`;

/** After logging: the tracking code for web forms, then how the announcement in the sales channel went. */
export function campaignLoggedView(campaign: CampaignDetails, outcome?: AnnouncementOutcome): ModalView {
  return noticeModal(CampaignViews.notice, "Campaign logged", [
    `:white_check_mark: *${escapeMrkdwn(campaign.name)}* is logged.`,
    `*Tracking code:* \`${campaign.trackingCode ?? ""}\`\nWeb forms and CSV imports send this code with a lead so that the lead counts for this campaign.`,
    ...(outcome ? deliveryNotes(outcome) : ["Announcing it in the sales channel…"]),
    cardHint(campaign),
  ]);
}

export function campaignSavedView(campaign: CampaignDetails): ModalView {
  return noticeModal(CampaignViews.notice, "Campaign saved", [
    `:white_check_mark: Saved *${escapeMrkdwn(campaign.name)}*.`,
    cardHint(campaign),
  ]);
}
