import type { ModalView } from "@slack/types";
import { COHORT_RULE, COUNTING_RULES } from "./funnel.js";
import { Limits, mrkdwn, plain } from "./text.js";

/** The counting rules behind every digest's figures, once, rather than as a footnote in every post. */
export function howWeCountModal(): ModalView {
  return {
    type: "modal",
    title: plain("How we count", Limits.modalTitle),
    close: plain("Close", Limits.modalTitle),
    blocks: [{ type: "section", text: mrkdwn([COHORT_RULE, ...COUNTING_RULES].map((rule) => `• ${rule}`).join("\n")) }],
  };
}
