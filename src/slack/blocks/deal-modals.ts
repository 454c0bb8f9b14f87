import type { ModalView } from "@slack/types";
import { LeadViews } from "../ids.js";
import { textInput } from "./inputs.js";
import { currencyInput } from "./pickers.js";
import { Limits, mrkdwn, plain } from "./text.js";

export interface MoveModalMetadata {
  leadId: string;
  /** The lead card modal underneath, to refresh after the move. */
  cardViewId?: string;
  channelId?: string;
}

/** Won: the deal value and its currency (the workspace's by default). */
export function wonModal(metadata: MoveModalMetadata, headline: string, currency: string): ModalView {
  return {
    type: "modal",
    callback_id: LeadViews.won,
    private_metadata: JSON.stringify(metadata),
    title: plain("Deal won", Limits.modalTitle),
    submit: plain("Mark as won", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    blocks: [
      { type: "section", text: mrkdwn(`:trophy: ${headline}`) },
      textInput("amount", { label: "Deal value", placeholder: "12500 or 12,500.50" }),
      currencyInput("currency", { label: "Currency", initial: currency }),
    ],
  };
}

/** Lost: why. */
export function lostModal(metadata: MoveModalMetadata, headline: string): ModalView {
  return {
    type: "modal",
    callback_id: LeadViews.lost,
    private_metadata: JSON.stringify(metadata),
    title: plain("Deal lost", Limits.modalTitle),
    submit: plain("Mark as lost", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    blocks: [
      { type: "section", text: mrkdwn(headline) },
      textInput("reason", { label: "Why was it lost?", multiline: true, max: 500, placeholder: "Chose a competitor, timing, price…" }),
    ],
  };
}
