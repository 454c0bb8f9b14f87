import type { ModalView } from "@slack/types";
import { LeadViews } from "../ids.js";
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
      {
        type: "input",
        block_id: "amount",
        label: plain("Deal value"),
        element: { type: "plain_text_input", action_id: "value", placeholder: plain("12500 or 12,500.50") },
      },
      {
        type: "input",
        block_id: "currency",
        label: plain("Currency"),
        hint: plain("A three-letter code such as USD, EUR or GBP."),
        element: { type: "plain_text_input", action_id: "value", initial_value: currency, max_length: 3 },
      },
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
      {
        type: "input",
        block_id: "reason",
        label: plain("Why was it lost?"),
        element: {
          type: "plain_text_input",
          action_id: "value",
          multiline: true,
          max_length: 500,
          placeholder: plain("Chose a competitor, timing, price…"),
        },
      },
    ],
  };
}
