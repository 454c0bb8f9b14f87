// Small read-only modals (loading, saved, not allowed) and what to say about an announcement's delivery.
import type { KnownBlock, ModalView } from "@slack/types";
import type { AnnouncementOutcome, TeamChannel } from "../../domain/playbook/announce.js";
import type { AnnouncementDelivery } from "../../domain/ports.js";
import { channelLink, Limits, mrkdwn, plain } from "./text.js";

export function noticeModal(callbackId: string, title: string, paragraphs: string[]): ModalView {
  const blocks: KnownBlock[] = paragraphs.slice(0, Limits.viewBlocks).map((text) => ({ type: "section", text: mrkdwn(text) }));
  return { type: "modal", callback_id: callbackId, title: plain(title, Limits.modalTitle), close: plain("Close"), blocks };
}

const WHY: Record<string, string> = {
  not_in_channel: "Baton isn't a member of it: invite it there with `/invite @Baton`.",
  channel_not_found: "Slack can't find it (deleted, or private without Baton): pick another in `/baton settings`.",
  is_archived: "it is archived: pick another in `/baton settings`.",
  ratelimited: "Slack is rate-limiting Baton right now.",
};

function deliveryNote(delivery: AnnouncementDelivery): string {
  if (delivery.ok) return `:white_check_mark: Announced in ${channelLink(delivery.channelId)}.`;
  const why = WHY[delivery.error] ?? `Slack said \`${delivery.error}\`.`;
  return `:warning: Couldn't post the announcement in ${channelLink(delivery.channelId)}: ${why}`;
}

const CHANNEL_NAMES: Record<TeamChannel, string> = { sales: "sales", marketing: "marketing" };

/** One line per channel: announced, refused (and what to do about it), or not configured. */
export function deliveryNotes(outcome: AnnouncementOutcome): string[] {
  return [
    ...outcome.deliveries.map(deliveryNote),
    ...outcome.notConfigured.map(
      (channel) =>
        `:information_source: No ${CHANNEL_NAMES[channel]} channel is set, so it wasn't announced there: an admin can set one in \`/baton settings\`.`,
    ),
  ];
}
