import type { Button, KnownBlock, ModalView } from "@slack/types";
import { STAGE_LABELS, stageLabel } from "../../domain/labels.js";
import type { LeadView } from "../../domain/leads/lead-view.js";
import type { Lead } from "../../domain/leads/leads.js";
import { ownerMovesFrom } from "../../domain/leads/move-lead.js";
import { LeadActions, LeadViews } from "../ids.js";
import { money } from "./format.js";
import { answerButtons, clockText } from "./handoff-answer.js";
import { historyLine } from "./lead-history.js";
import { nextStepButtons } from "./lead-saved.js";
import { leadSummaryText } from "./lead-summary.js";
import { Limits, mention, mrkdwn, plain } from "./text.js";

const MOVE_LABELS = { opportunity: STAGE_LABELS.opportunity, won: `${STAGE_LABELS.won}…`, lost: `${STAGE_LABELS.lost}…` } as const;
const MOVE_ACTIONS = { opportunity: LeadActions.toOpportunity, won: LeadActions.toWon, lost: LeadActions.toLost } as const;

const HEADLINE_ONLY =
  ":lock: Contact details, notes and deal values are for the sales team, marketing and Baton admins (set in /baton settings → Customer data).";

export function summaryFieldsOf(lead: Lead) {
  return { ...lead, erased: lead.erasedAt !== null };
}

/** Stage moves the viewer may make: Opportunity, Won, Lost, for the lead's owner only. */
export function moveButtons(lead: Lead, viewerId: string): Button[] {
  if (lead.ownerId !== viewerId) return [];
  return ownerMovesFrom(lead.stage).map((to) => ({
    type: "button",
    action_id: MOVE_ACTIONS[to],
    value: lead.id,
    text: plain(MOVE_LABELS[to], Limits.buttonText),
    ...(to === "won" ? { style: "primary" as const } : {}),
  }));
}

/** "Stage: SQL · Owner: @ann · Won $12,500.00". */
export function stageLine(lead: Lead): string {
  const parts = [`Stage: *${stageLabel(lead.stage)}*`, `Owner: ${lead.ownerId ? mention(lead.ownerId) : "nobody yet"}`];
  if (lead.stage === "won" && lead.dealValueCents !== null && lead.dealCurrency)
    parts.push(`Deal: ${money(lead.dealValueCents, lead.dealCurrency)}`);
  return parts.join(" · ");
}

/** A lead's card (opened from /lead find or the App Home): details, history, and what the viewer can do. */
export function leadCardModal(view: LeadView, viewerId: string): ModalView {
  const { lead } = view;
  const buttons: Button[] = view.access === "full" ? [...moveButtons(lead, viewerId)] : [];
  if (!lead.erasedAt && view.access === "full") buttons.push(...nextStepButtons(lead.id, view.awaitingSales ? "mql" : lead.stage));
  const blocks: KnownBlock[] = [
    { type: "section", block_id: "lead", text: mrkdwn(leadSummaryText(summaryFieldsOf(lead), view.campaignName)) },
    { type: "context", elements: [mrkdwn(stageLine(lead))] },
  ];
  if (view.pending) {
    const who = view.pending.assigneeId ? `waiting for ${mention(view.pending.assigneeId)} to answer` : "waiting for sales to answer";
    blocks.push({ type: "section", block_id: "clock", text: mrkdwn(`Handed off, ${who}.\n${clockText(view.pending.clock)}`) });
    if (view.pending.viewerMayAnswer) blocks.push(answerButtons("leadCard", view.pending.handoffId, view.pending.assigneeId));
  } else if (view.awaitingSales)
    blocks.push({ type: "context", elements: [mrkdwn(":hourglass_flowing_sand: Handed off, waiting for sales to answer.")] });
  if (view.access === "headline") blocks.push({ type: "context", elements: [mrkdwn(HEADLINE_ONLY)] });
  if (buttons.length > 0) blocks.push({ type: "actions", block_id: "lead_actions", elements: buttons.slice(0, Limits.actionsElements) });
  if (view.history.length > 0) {
    blocks.push({ type: "divider" }, { type: "section", text: mrkdwn(`*History*\n${view.history.map(historyLine).join("\n")}`) });
  }
  return {
    type: "modal",
    callback_id: LeadViews.card,
    private_metadata: JSON.stringify({ leadId: lead.id }),
    title: plain("Lead", Limits.modalTitle),
    close: plain("Close", Limits.modalTitle),
    blocks,
  };
}
