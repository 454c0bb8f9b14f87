import type { Button, KnownBlock } from "@slack/types";
import { LeadActions } from "../ids.js";
import { type LeadSummaryFields, leadSummaryText } from "./lead-summary.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

export interface SavedLeadInfo {
  id: string;
  stage: string;
  fields: LeadSummaryFields;
  campaignName: string | null;
  created: boolean;
  changed: boolean;
}

/** Buttons for what comes next with a lead: hand it to sales (while marketing has it), edit it. */
export function nextStepButtons(leadId: string, stage: string): Button[] {
  const buttons: Button[] = [];
  if (stage === "new" || stage === "nurture") {
    buttons.push({
      type: "button",
      action_id: LeadActions.handOff,
      value: leadId,
      style: "primary",
      text: plain(stage === "nurture" ? "Re-qualify: hand off again" : "Hand off to sales", Limits.buttonText),
    });
  }
  buttons.push({ type: "button", action_id: LeadActions.edit, value: leadId, text: plain("Edit", Limits.buttonText) });
  return buttons;
}

/** The confirmation the person who logged a lead sees: logged or updated, the summary, what's next. */
export function leadSavedMessage(info: SavedLeadInfo): Message {
  const verb = info.created ? "Logged" : info.changed ? "Updated" : "No changes to";
  const why = info.created ? "" : " (a lead with this email already existed, so it was updated instead of duplicated)";
  const heading = `:white_check_mark: ${verb} this lead${info.created || !info.changed ? "" : why}.`;
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(heading) },
    { type: "section", text: mrkdwn(leadSummaryText(info.fields, info.campaignName)) },
    { type: "actions", block_id: "lead_next", elements: nextStepButtons(info.id, info.stage) },
  ];
  const who = info.fields.name ?? info.fields.email ?? "the lead";
  return { text: `${verb} ${escapeMrkdwn(truncate(who, 200))}.`, blocks };
}
