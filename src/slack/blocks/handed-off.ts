import type { HandoffCard } from "../../domain/ports.js";
import type { Message } from "./message.js";
import { channelLink, mention, mrkdwn } from "./text.js";
import { slackDate } from "./time.js";

/** What the marketer sees after handing a lead off. */
export function handedOffMessage(card: HandoffCard): Message {
  const who = card.assigneeId ? ` The rotation assigned it to ${mention(card.assigneeId)}, who got a DM.` : "";
  const due = card.slaDueAt ? ` Sales has agreed to answer by ${slackDate(card.slaDueAt)}.` : "";
  const text = `:handshake: Handed off to sales in ${channelLink(card.channelId)}: the lead is now an MQL.${who}${due} You'll hear the answer in the card's thread.`;
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}
