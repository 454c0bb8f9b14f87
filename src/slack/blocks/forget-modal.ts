import type { ModalView } from "@slack/types";
import { LeadViews } from "../ids.js";
import { Limits, mrkdwn, plain } from "./text.js";

export interface ForgetModalMetadata {
  leadId: string;
  channelId?: string;
}

/** `/lead forget`: asks an admin to confirm an erasure that cannot be undone. */
export function forgetModal(metadata: ForgetModalMetadata, summary: string): ModalView {
  return {
    type: "modal",
    callback_id: LeadViews.forget,
    private_metadata: JSON.stringify(metadata),
    title: plain("Erase personal data", Limits.modalTitle),
    submit: plain("Erase for good", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    blocks: [
      { type: "section", text: mrkdwn(summary) },
      {
        type: "section",
        text: mrkdwn(
          ":warning: *This cannot be undone.* Baton will erase this person's name, email, phone and notes everywhere it keeps them (including notes in the lead's history and handoffs), and anonymise the handoff cards in Slack. The lead stays in the funnel's counts, without who it was.",
        ),
      },
    ],
  };
}
