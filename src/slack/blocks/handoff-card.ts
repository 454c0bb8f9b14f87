import type { KnownBlock } from "@slack/types";
import { rejectReasonLabel } from "../../domain/labels.js";
import type { HandoffCard } from "../../domain/ports.js";
import { itemBlockId, itemIdOfBlock, LeadActions } from "../ids.js";
import { leadSummaryText } from "./lead-summary.js";
import type { Message } from "./message.js";
import { channelLink, escapeMrkdwn, Limits, mention, mrkdwn, plain, truncate } from "./text.js";
import { formatDuration, slackDate } from "./time.js";

const NOTE_SHOWN = 800;

/** One line on where the handoff stands: waiting (for whom, until when), accepted or rejected (by whom, when). */
export function handoffStatusLine(card: HandoffCard): string {
  if (card.status === "accepted" && card.decidedById && card.decidedAt) {
    const waited = formatDuration(card.decidedAt.getTime() - card.handedOffAt.getTime());
    return `:white_check_mark: *Accepted* by ${mention(card.decidedById)} ${slackDate(card.decidedAt)} · waited ${waited}`;
  }
  if (card.status === "rejected" && card.decidedById && card.decidedAt) {
    const note = card.rejectNote ? `\n> ${escapeMrkdwn(truncate(card.rejectNote, NOTE_SHOWN)).replaceAll("\n", "\n> ")}` : "";
    return `:leftwards_arrow_with_hook: *Rejected* by ${mention(card.decidedById)} ${slackDate(card.decidedAt)}: ${rejectReasonLabel(card.rejectReason)}. Back to marketing (Nurture).${note}`;
  }
  if (card.status !== "pending") return `This handoff was ${card.status}.`;
  const who = card.assigneeId ? `Assigned to ${mention(card.assigneeId)}` : "Waiting for a rep";
  const due = card.answerBy ? ` · answer by ${slackDate(card.answerBy)}` : "";
  const breached = card.breachedAt ? "\n:rotating_light: *Past the agreed response time.*" : "";
  return `:hourglass_flowing_sand: ${who}${due}${breached}`;
}

const OUTCOME_WORDS: Record<string, string> = { accepted: "Accepted", rejected: "Rejected" };

/** What happened, then who: "New lead for sales", "Accepted · Jane Doe, Acme Corp", "Rejected · an erased lead". */
export function cardHeader(card: HandoffCard): string {
  const outcome = OUTCOME_WORDS[card.status];
  if (!outcome) return "New lead for sales";
  const who = card.lead.erased ? "an erased lead" : [card.lead.name, card.lead.company].filter(Boolean).join(", ") || "a lead";
  return `${outcome} · ${who}`;
}

/** The card's buttons block names its handoff, so the Assign select knows which one it assigns. */
export const handoffIdOfBlock = (blockId: string) => itemIdOfBlock("handoff", blockId);

/** The handoff card in the sales channel: who the lead is, where from, who qualified it, and the buttons. */
export function handoffCardMessage(card: HandoffCard): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(cardHeader(card), Limits.headerText) },
    { type: "section", block_id: "lead", text: mrkdwn(leadSummaryText(card.lead, card.campaignName)) },
    {
      type: "context",
      elements: [mrkdwn(`Qualified and handed off by ${mention(card.handedOffById)} ${slackDate(card.handedOffAt)}`)],
    },
    { type: "section", block_id: "status", text: mrkdwn(handoffStatusLine(card)) },
  ];
  if (card.status === "pending") {
    blocks.push({
      type: "actions",
      // users_select carries no value: the block id says which handoff an assignment is for.
      block_id: itemBlockId("handoff", card.handoffId),
      elements: [
        {
          type: "button",
          action_id: LeadActions.accept,
          value: card.handoffId,
          style: "primary",
          text: plain("Accept", Limits.buttonText),
        },
        { type: "button", action_id: LeadActions.reject, value: card.handoffId, style: "danger", text: plain("Reject", Limits.buttonText) },
        {
          type: "users_select",
          action_id: LeadActions.assign,
          placeholder: plain("Assign to…"),
          ...(card.assigneeId ? { initial_user: card.assigneeId } : {}),
        },
      ],
    });
  }
  return { text: `${cardFallback(card)}`, blocks };
}

/**
 * A second card of a handoff (posted again after a crash), turned into a pointer to the card on record: where it
 * is and how it stands, no buttons and nothing about the lead (erasing the lead only knows the card on record).
 */
export function duplicateCardMessage(card: HandoffCard, permalink: string | undefined): Message {
  // A link label cannot hold a channel mention: the channel goes after the link.
  const where = permalink ? `<${permalink}|its card> in ${channelLink(card.channelId)}` : `its card in ${channelLink(card.channelId)}`;
  const text = `This is a copy of a handoff card. The handoff lives on ${where}.`;
  return {
    text,
    blocks: [
      { type: "section", block_id: "duplicate", text: mrkdwn(text) },
      { type: "context", elements: [mrkdwn(handoffStatusLine({ ...card, rejectNote: null }))] },
    ],
  };
}

function cardFallback(card: HandoffCard): string {
  const who = card.lead.erased ? "An erased lead" : escapeMrkdwn(truncate(card.lead.name ?? card.lead.company ?? "A lead", 120));
  if (card.status === "accepted") return `${who}: accepted by sales.`;
  if (card.status === "rejected") return `${who}: rejected by sales (${rejectReasonLabel(card.rejectReason)}).`;
  const company = card.lead.company && card.lead.name && !card.lead.erased ? ` at ${escapeMrkdwn(truncate(card.lead.company, 120))}` : "";
  return `New lead for sales: ${who}${company}.`;
}
