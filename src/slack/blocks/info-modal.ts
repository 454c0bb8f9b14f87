import type { ModalView } from "@slack/types";
import { Limits, mrkdwn, plain } from "./text.js";

/** A modal that only says something (an outcome, a refusal), with a Close button. */
export function infoModal(title: string, text: string): ModalView {
  return {
    type: "modal",
    title: plain(title, Limits.modalTitle),
    close: plain("Close", Limits.modalTitle),
    blocks: [{ type: "section", text: mrkdwn(text) }],
  };
}
