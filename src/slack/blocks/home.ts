import type { HomeView, KnownBlock } from "@slack/types";
import type { HomeData, WaitingHandoff } from "../../domain/home/home.js";
import { stageLabel } from "../../domain/labels.js";
import type { Lead } from "../../domain/leads/leads.js";
import { itemBlockId, LeadActions } from "../ids.js";
import { moveButtons, summaryFieldsOf } from "./lead-card.js";
import { leadHeadline } from "./lead-summary.js";
import { channelLink, Limits, mrkdwn, plain } from "./text.js";
import { formatWorkingMinutes, slackDate } from "./time.js";

const openButton = (leadId: string) => ({
  type: "button" as const,
  action_id: LeadActions.open,
  value: leadId,
  text: plain("Open", Limits.buttonText),
});

function availabilityBlocks(rotation: HomeData["rotation"]): KnownBlock[] {
  if (!rotation.member)
    return [
      { type: "context", elements: [mrkdwn("You are not in the lead rotation. A Baton admin adds reps in /baton settings → Rotation.")] },
    ];
  const text = rotation.away
    ? ":palm_tree: You are *away*: the rotation skips you for new leads."
    : ":large_green_circle: You are *available*: the rotation sends you new leads during your working hours.";
  return [
    {
      type: "section",
      block_id: "availability",
      text: mrkdwn(text),
      accessory: {
        type: "button",
        action_id: LeadActions.availability,
        value: rotation.away ? "back" : "away",
        text: plain(rotation.away ? "I'm back" : "Mark me away", Limits.buttonText),
      },
    },
  ];
}

export function slaClock(w: WaitingHandoff): string {
  if (!w.slaDueAt) return "No response deadline.";
  if (w.overdue) return `:rotating_light: *Overdue*: the answer was due ${slaDueText(w.slaDueAt)}.`;
  return `:hourglass_flowing_sand: ${formatWorkingMinutes(w.workingMinutesLeft ?? 0)} of working time left · answer by ${slaDueText(w.slaDueAt)}`;
}

const slaDueText = (due: Date) => slackDate(due);

function waitingBlocks(data: HomeData): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "header", text: plain(`Waiting for your answer (${data.waitingTotal})`, Limits.headerText) }];
  if (data.waiting.length === 0) return [...blocks, { type: "context", elements: [mrkdwn("No handoffs are waiting for you.")] }];
  for (const w of data.waiting) {
    const where = w.channelId ? ` · card in ${channelLink(w.channelId)}` : "";
    blocks.push({
      type: "section",
      block_id: itemBlockId("waiting", w.handoffId),
      text: mrkdwn(`${leadHeadline(summaryFieldsOf(w.lead))}\n${slaClock(w)}${where}`),
      accessory: openButton(w.lead.id),
    });
  }
  return blocks;
}

function leadBlocks(lead: Lead, viewerId: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: "section",
      block_id: itemBlockId("lead", lead.id),
      text: mrkdwn(leadHeadline(summaryFieldsOf(lead))),
      accessory: openButton(lead.id),
    },
  ];
  const moves = moveButtons(lead, viewerId);
  if (moves.length > 0) blocks.push({ type: "actions", block_id: itemBlockId("moves", lead.id), elements: moves });
  return blocks;
}

/**
 * The App Home: handoffs waiting for the person (with SLA clocks), their open leads by stage with move buttons, and
 * their away/back toggle. `extraBlocks` (the team funnel this week) come last.
 */
export function homeView(data: HomeData, viewerId: string, extraBlocks: KnownBlock[] = []): HomeView {
  const blocks: KnownBlock[] = [...availabilityBlocks(data.rotation), ...waitingBlocks(data)];
  for (const section of data.owned) {
    blocks.push({ type: "header", text: plain(`Your ${stageLabel(section.stage)} leads (${section.total})`, Limits.headerText) });
    if (section.leads.length === 0) blocks.push({ type: "context", elements: [mrkdwn("None right now.")] });
    for (const lead of section.leads) blocks.push(...leadBlocks(lead, viewerId));
    if (section.total > section.leads.length) {
      blocks.push({
        type: "context",
        elements: [mrkdwn(`…and ${section.total - section.leads.length} more. Use /lead find to reach them.`)],
      });
    }
  }
  blocks.push({ type: "context", elements: [mrkdwn(`Closed so far: ${data.closed.won} won · ${data.closed.lost} lost`)] });
  // Extra sections from other areas (e.g. "team funnel this week") go last; the Home tab holds at most 100 blocks.
  const room = Limits.viewBlocks - blocks.length;
  if (extraBlocks.length > 0 && room > 1) blocks.push({ type: "divider" }, ...extraBlocks.slice(0, room - 1));
  return { type: "home", blocks: blocks.slice(0, Limits.viewBlocks) };
}
