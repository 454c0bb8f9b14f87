import type { ModalView } from "@slack/types";
import { REJECT_REASON_KEYS } from "../../domain/handoffs/reasons.js";
import { REJECT_REASON_LABELS } from "../../domain/labels.js";
import type { MessageRef } from "../../domain/ports.js";
import { LeadViews } from "../ids.js";
import { option, selectInput, textInput } from "./inputs.js";
import { Limits, mrkdwn, plain } from "./text.js";

export interface RejectModalMetadata {
  handoffId: string;
  /** The card's channel, where the person is told if someone else decided first. */
  channelId?: string;
  /** The card the Reject button was clicked on, when it was the card's own button (see clickedCard). */
  clickedCard?: MessageRef;
}

/** Reject a handoff: a reason from the fixed list, and a note for marketing. */
export function rejectModal(metadata: RejectModalMetadata, leadLabel: string): ModalView {
  return {
    type: "modal",
    callback_id: LeadViews.reject,
    private_metadata: JSON.stringify(metadata),
    title: plain("Reject lead", Limits.modalTitle),
    submit: plain("Reject", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    blocks: [
      {
        type: "section",
        text: mrkdwn(
          `Send ${leadLabel} back to marketing (Nurture). Marketing sees your reason in the card's thread and in their channel.`,
        ),
      },
      selectInput("reason", {
        label: "Reason",
        placeholder: "Why doesn't this lead fit?",
        options: REJECT_REASON_KEYS.map((key) => option(key, REJECT_REASON_LABELS[key])),
      }),
      textInput("note", {
        label: "Note for marketing",
        optional: true,
        hint: "Required when the reason is Other.",
        multiline: true,
        max: 1000,
      }),
    ],
  };
}
