// Messages Baton posts in the team channels: a new campaign (sales channel), a playbook change (both channels).
import type { KnownBlock } from "@slack/types";
import { channelLabel } from "../../domain/labels.js";
import type { CampaignAnnouncement, PlaybookChangeAnnouncement } from "../../domain/ports.js";
import { formatDays } from "./format.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, Limits, mention, mrkdwn, plain, truncate } from "./text.js";

const field = (label: string, value: string | null) => mrkdwn(`*${label}*\n${value ? escapeMrkdwn(value) : "—"}`, Limits.fieldText);

/** The sales channel learns what is coming and what it promises: the message and the offer first. */
export function campaignAnnouncement(campaign: CampaignAnnouncement): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(`New campaign: ${campaign.name}`, Limits.headerText) },
    {
      type: "section",
      text: mrkdwn(
        `*The message:* ${campaign.promotion ? escapeMrkdwn(campaign.promotion) : "—"}\n*The offer:* ${campaign.offer ? escapeMrkdwn(campaign.offer) : "—"}`,
      ),
    },
    {
      type: "section",
      fields: [
        field("Channel", channelLabel(campaign.channel)),
        field("Product", campaign.product),
        field("Where it runs", campaign.place),
        field("Audience (ICP segment)", campaign.segmentName),
        field("Key message", campaign.keyMessage),
        mrkdwn(`*Dates*\n${formatDays(campaign.startsOn, campaign.endsOn)}`),
        mrkdwn(`*Owner*\n${campaign.ownerId ? mention(campaign.ownerId) : "—"}`),
      ],
    },
    {
      type: "context",
      elements: [
        mrkdwn(
          `Logged by ${mention(campaign.createdById)} · \`/campaign ${escapeMrkdwn(truncate(campaign.name, 100))}\` shows its results as they come in.`,
        ),
      ],
    },
  ];
  const text = truncate(
    escapeMrkdwn(`New campaign: ${campaign.name}. Message: ${campaign.promotion ?? "—"}. Offer: ${campaign.offer ?? "—"}.`),
    Limits.sectionText,
  );
  return { text, blocks };
}

const KIND_TITLES: Record<PlaybookChangeAnnouncement["kind"], { title: string; command: string }> = {
  icp: { title: "Ideal customer profile", command: "/baton icp" },
  brand: { title: "Brand and message guide", command: "/baton brand" },
  agreement: { title: "Sales-marketing agreement", command: "/baton sla" },
};

export function playbookChangeAnnouncement(change: PlaybookChangeAnnouncement): Message {
  const { title, command } = KIND_TITLES[change.kind];
  return {
    text: truncate(`Playbook change (${title}): ${escapeMrkdwn(change.summary)}`, Limits.sectionText),
    blocks: [
      { type: "section", text: mrkdwn(`:books: *Playbook change: ${title}*\n${escapeMrkdwn(change.summary)}`) },
      { type: "context", elements: [mrkdwn(`Changed by ${mention(change.actorId)} · \`${command}\` shows all of it.`)] },
    ],
  };
}
