// Small read-only modals (loading, saved, not allowed) and what to say about an announcement's delivery.
import type { KnownBlock, ModalView } from "@slack/types";
import type { AnnouncementOutcome, TeamChannel } from "../../domain/playbook/announce.js";
import type { AnnouncementDelivery } from "../../domain/ports.js";
import { noteFor } from "../slack-errors.js";
import { channelLink, Limits, mrkdwn, plain } from "./text.js";

export function noticeModal(callbackId: string, title: string, paragraphs: string[]): ModalView {
  const blocks: KnownBlock[] = paragraphs.slice(0, Limits.viewBlocks).map((text) => ({ type: "section", text: mrkdwn(text) }));
  return { type: "modal", callback_id: callbackId, title: plain(title, Limits.modalTitle), close: plain("Close"), blocks };
}

function deliveryNote(delivery: AnnouncementDelivery): string {
  if (delivery.ok) return `:white_check_mark: Announced in ${channelLink(delivery.channelId)}.`;
  if (delivery.error === "queued")
    return `:hourglass_flowing_sand: Slack didn't answer in time; Baton will post the announcement in ${channelLink(delivery.channelId)} as soon as it can.`;
  return `:warning: Couldn't post the announcement in ${channelLink(delivery.channelId)}: ${noteFor(delivery.error)}`;
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
