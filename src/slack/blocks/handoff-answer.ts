// What lets a rep answer a handoff where Baton tells them about it (a DM, the App Home, the lead card): the lead's
// headline, the clock of their deadline, and the card's own three buttons in a block of their own.
import type { ActionsBlock, KnownBlock } from "@slack/types";
import { NOT_GRADED } from "../../domain/labels.js";
import type { ResponseClock } from "../../domain/ports.js";
import { AnswerBlocks, itemBlockId, LeadActions } from "../ids.js";
import { type LeadSummaryFields, leadHeadline } from "./lead-summary.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";
import { formatWorkingMinutes, slackDate } from "./time.js";

export type AnswerPlace = keyof typeof AnswerBlocks;

/** Accept / Reject / Assign with the card's action ids; the block id names the place and the handoff. */
export function answerButtons(place: AnswerPlace, handoffId: string, assigneeId: string | null): ActionsBlock {
  return {
    type: "actions",
    block_id: itemBlockId(AnswerBlocks[place], handoffId),
    elements: [
      { type: "button", action_id: LeadActions.accept, value: handoffId, style: "primary", text: plain("Accept", Limits.buttonText) },
      { type: "button", action_id: LeadActions.reject, value: handoffId, style: "danger", text: plain("Reject", Limits.buttonText) },
      {
        type: "users_select",
        action_id: LeadActions.assign,
        placeholder: plain("Assign to…"),
        ...(assigneeId ? { initial_user: assigneeId } : {}),
      },
    ],
  };
}

/** Where an answer button outside the card was clicked, and for which handoff; null for any other block. */
export function answerPlaceOf(blockId: string): { place: AnswerPlace; handoffId: string } | null {
  for (const place of Object.keys(AnswerBlocks) as AnswerPlace[]) {
    const prefix = `${AnswerBlocks[place]}:`;
    if (blockId.startsWith(prefix)) return { place, handoffId: blockId.slice(prefix.length) };
  }
  return null;
}

/**
 * "⏳ 3 h 20 min of working time left · answer by Today at 1:00 PM", or overdue by how much. No closing period: Home
 * and the DMs follow it with " · card in #sales" or the campaign.
 */
export function clockText(clock: ResponseClock | null, dueAt: Date | null = clock?.dueAt ?? null): string {
  if (!dueAt) return "No response deadline";
  if (!clock) return `:hourglass_flowing_sand: Answer by ${slackDate(dueAt)}`;
  if (clock.overdue) {
    const late = clock.workingMinutesLeft < 0 ? ` by ${formatWorkingMinutes(-clock.workingMinutesLeft)} of working time` : "";
    return `:rotating_light: *Overdue*${late}: the answer was due ${slackDate(dueAt)}`;
  }
  return `:hourglass_flowing_sand: *${formatWorkingMinutes(clock.workingMinutesLeft)}* of working time left · answer by ${slackDate(dueAt)}`;
}

/** The headline ("*Jane Doe* · VP at Acme") and a line of facts: fit and campaign. */
export function headlineBlocks(lead: LeadSummaryFields, campaignName: string | null, extraFacts: string[] = []): KnownBlock[] {
  const facts = [`Fit: ${lead.fitGrade ?? NOT_GRADED}`, `Campaign: ${campaignName ? escapeMrkdwn(truncate(campaignName, 150)) : "none"}`];
  return [
    { type: "section", text: mrkdwn(leadHeadline(lead)) },
    { type: "context", elements: [mrkdwn([...facts, ...extraFacts].join(" · "))] },
  ];
}
