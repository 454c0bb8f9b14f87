import type { HomeView, KnownBlock } from "@slack/types";
import type { HomeData, RepHome, WaitingHandoff } from "../../domain/home/home.js";
import { NOT_GRADED, stageLabel } from "../../domain/labels.js";
import type { Lead } from "../../domain/leads/leads.js";
import { itemBlockId, LeadActions } from "../ids.js";
import { answerButtons, clockText } from "./handoff-answer.js";
import { logButtons, marketerBlocks, setupBlocks, welcomeBlocks } from "./home-roles.js";
import { moveButtons, summaryFieldsOf } from "./lead-card.js";
import { leadHeadline } from "./lead-summary.js";
import { channelLink, escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

const openButton = (leadId: string) => ({
  type: "button" as const,
  action_id: LeadActions.open,
  value: leadId,
  text: plain("Open", Limits.buttonText),
});

function availabilityBlocks(rotation: RepHome["rotation"]): KnownBlock[] {
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

/** A handoff waiting for the rep: headline, fit, clock, the card's link, and Accept / Reject / Assign right here. */
function waitingBlocks(w: WaitingHandoff): KnownBlock[] {
  const where = w.channelId ? ` · card in ${channelLink(w.channelId)}` : "";
  const campaign = w.campaignName ? ` · Campaign: ${escapeMrkdwn(truncate(w.campaignName, 150))}` : "";
  const fit = `Fit: ${w.lead.fitGrade ?? NOT_GRADED}${campaign}`;
  return [
    {
      type: "section",
      block_id: itemBlockId("waiting", w.handoffId),
      text: mrkdwn(`${leadHeadline(summaryFieldsOf(w.lead))}\n${fit}\n${clockText(w.clock, w.dueAt)}${where}`),
      accessory: openButton(w.lead.id),
    },
    answerButtons("home", w.handoffId, w.assigneeId),
  ];
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

/** The rep's part: availability, handoffs waiting for them, their open leads by stage. Empty parts are left out. */
export function repBlocks(rep: RepHome, viewerId: string): KnownBlock[] {
  const blocks: KnownBlock[] = [...availabilityBlocks(rep.rotation)];
  if (rep.waiting.length > 0) {
    blocks.push({ type: "header", text: plain(`Waiting for your answer (${rep.waitingTotal})`, Limits.headerText) });
    for (const w of rep.waiting) blocks.push(...waitingBlocks(w));
  }
  for (const section of rep.owned) {
    if (section.total === 0) continue;
    blocks.push({ type: "header", text: plain(`Your ${stageLabel(section.stage)} leads (${section.total})`, Limits.headerText) });
    for (const lead of section.leads) blocks.push(...leadBlocks(lead, viewerId));
    if (section.total > section.leads.length) {
      blocks.push({
        type: "context",
        elements: [mrkdwn(`…and ${section.total - section.leads.length} more. Use /lead find to reach them.`)],
      });
    }
  }
  if (rep.closed.won + rep.closed.lost > 0)
    blocks.push({ type: "context", elements: [mrkdwn(`Closed so far: ${rep.closed.won} won · ${rep.closed.lost} lost`)] });
  return blocks;
}

/**
 * The App Home, by role: an admin's setup checklist first while it is incomplete, the rep's part, the marketer's
 * part (with Log a lead / Log a campaign), a welcome for anyone in no role, and an admin's "set up" line once done.
 * Parts are apart by dividers.
 * `extraBlocks` (the team funnel this week) come last.
 */
export function homeView(data: HomeData, viewerId: string, extraBlocks: KnownBlock[] = []): HomeView {
  const parts: KnownBlock[][] = [];
  if (data.setup && !data.setup.complete) parts.push(setupBlocks(data.setup));
  if (data.rep) parts.push(repBlocks(data.rep, viewerId));
  if (data.marketer) parts.push([logButtons(), ...marketerBlocks(data.marketer)]);
  if (!data.rep && !data.marketer && !data.setup) parts.push(welcomeBlocks());
  if (data.setup?.complete) parts.push(setupBlocks(data.setup));
  const blocks: KnownBlock[] = [];
  for (const part of parts.filter((p) => p.length > 0)) {
    if (blocks.length > 0) blocks.push({ type: "divider" });
    blocks.push(...part);
  }
  // Extra sections from other areas (e.g. "team funnel this week") go last; the Home tab holds at most 100 blocks.
  const room = Limits.viewBlocks - blocks.length;
  if (extraBlocks.length > 0 && room > 1) blocks.push({ type: "divider" }, ...extraBlocks.slice(0, room - 1));
  return { type: "home", blocks: blocks.slice(0, Limits.viewBlocks) };
}
