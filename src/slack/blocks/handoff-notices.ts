// The short messages around a handoff card: thread replies, DMs, the marketing and sales channel notices. They name
// the lead as the card's header does ("Jane Doe (Acme Corp)": the headline every member sees); erasure redraws each
// from the erased lead ("a lead at Acme Corp"), finding them by the outbox rows that posted them. DMs to the rep who
// should answer carry the lead's headline, their clock and the card's buttons: they are remembered on the handoff
// and redrawn once it is decided, or anonymised when the lead is erased.
import type { KnownBlock } from "@slack/types";
import { NOT_GRADED, rejectReasonLabel } from "../../domain/labels.js";
import type { AssignedBy, HandoffCard, ResponseClock, TeamMention, WinNotice } from "../../domain/ports.js";
import { formatMoney } from "../../lib/money.js";
import { LeadActions } from "../ids.js";
import { answerButtons, clockText, headlineBlocks } from "./handoff-answer.js";
import { handoffStatusLine } from "./handoff-card.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, Limits, mention, mrkdwn, plain, truncate } from "./text.js";
import { formatDuration, formatWorkingMinutes } from "./time.js";

const NOTE_SHOWN = 800;
const MENTIONED_PEOPLE = 30;

const section = (text: string): KnownBlock[] => [{ type: "section", text: mrkdwn(text) }];
const message = (text: string): Message => ({ text, blocks: section(text) });

type NamedLead = Pick<HandoffCard["lead"], "name" | "company" | "erased">;

/** "a lead at Acme Corp" or "a lead": for a lead whose name is erased or was never given. */
function anonymousLabel(lead: NamedLead): string {
  return lead.company ? `a lead at ${escapeMrkdwn(truncate(lead.company, 120))}` : "a lead";
}

/** "Jane Doe (Acme Corp)", "Jane Doe", or once erased (or unnamed) "a lead at Acme Corp": as the card's header names it. */
export function leadName(lead: NamedLead): string {
  if (lead.erased || !lead.name) return anonymousLabel(lead);
  const name = escapeMrkdwn(truncate(lead.name, 80));
  return lead.company ? `${name} (${escapeMrkdwn(truncate(lead.company, 80))})` : name;
}

const cardLink = (permalink: string | undefined, label = "the handoff card") => (permalink ? `<${permalink}|${label}>` : label);

/** "@Kim: @Ava accepted Jane Doe (Acme Corp) after 3 min and owns it now." (to the marketer who handed it off). */
export function acceptedNotice(card: HandoffCard): Message {
  const waited = card.decidedAt ? ` after ${formatDuration(card.decidedAt.getTime() - card.handedOffAt.getTime())}` : "";
  return message(
    `${mention(card.handedOffById)}: ${mention(card.decidedById ?? "")} accepted ${leadName(card.lead)}${waited} and owns it now.`,
  );
}

export function rejectedNotice(card: HandoffCard, permalink?: string): Message {
  const note = card.rejectNote ? `\n> ${escapeMrkdwn(truncate(card.rejectNote, NOTE_SHOWN)).replaceAll("\n", "\n> ")}` : "";
  const where = permalink ? ` (${cardLink(permalink)})` : "";
  return message(
    `${mention(card.handedOffById)}: ${mention(card.decidedById ?? "")} rejected ${leadName(card.lead)}${where}: *${rejectReasonLabel(card.rejectReason)}*. It is back with marketing, in Nurture; re-qualify it with /lead when it is ready.${note}`,
  );
}

/**
 * The rejection as the marketing channel reads it: the campaign and fit the lead came with, the fixed reason (kept
 * after erasure, when the note goes), and **Open** (the lead card) and **Re-qualify** (hand it off again).
 */
export function rejectedMarketingNotice(card: HandoffCard, permalink?: string): Message {
  const note = card.rejectNote ? `\n> ${escapeMrkdwn(truncate(card.rejectNote, NOTE_SHOWN)).replaceAll("\n", "\n> ")}` : "";
  const where = permalink ? ` (${cardLink(permalink)})` : "";
  const campaign = card.campaignName ? escapeMrkdwn(truncate(card.campaignName, 150)) : "no campaign";
  const text = `${mention(card.handedOffById)}: ${mention(card.decidedById ?? "")} rejected ${leadName(card.lead)}${where}: *${rejectReasonLabel(card.rejectReason)}*. It is back in Nurture.${note}`;
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(text) },
    { type: "context", elements: [mrkdwn(`Campaign: ${campaign} · Fit: ${card.lead.fitGrade ?? NOT_GRADED}`)] },
  ];
  if (!card.lead.erased)
    blocks.push({
      type: "actions",
      elements: [
        { type: "button", action_id: LeadActions.open, value: card.lead.id, text: plain("Open", Limits.buttonText) },
        { type: "button", action_id: LeadActions.handOff, value: card.lead.id, text: plain("Re-qualify", Limits.buttonText) },
      ],
    });
  return { text: truncate(text, 3000), blocks };
}

/** ":trophy: @Ava won Jane Doe (Acme Corp) · $12,000 · campaign Spring Webinar · handed off by @Kim" */
export function wonNotice(win: WinNotice): Message {
  const parts = [
    `:trophy: ${mention(win.ownerId)} won ${leadName(win.lead)}`,
    ...(win.valueCents !== null && win.currency ? [formatMoney(win.valueCents, win.currency)] : []),
    `Campaign: ${win.campaignName ? escapeMrkdwn(truncate(win.campaignName, 150)) : "none"}`,
    ...(win.handedOffById ? [`handed off by ${mention(win.handedOffById)}`] : []),
  ];
  return message(parts.join(" · "));
}

/** What a message about an erased lead becomes when Baton cannot redraw it (an announcement, an unknown handoff). */
export function redactedNotice(): Message {
  return message("_This message was about a lead whose personal data was erased on request._");
}

const leadFields = (card: HandoffCard) => ({ ...card.lead });

/** A DM to the rep who should answer: why them, the lead's headline, their clock, the card's link and buttons. */
function answerDm(card: HandoffCard, why: (lead: string) => string, clock: ResponseClock | null, permalink?: string): Message {
  const link = permalink ? [cardLink(permalink, "Open the handoff card")] : [];
  const left = clock && !clock.overdue ? ` ${formatWorkingMinutes(clock.workingMinutesLeft)} of working time left.` : "";
  return {
    text: `${why(leadName(card.lead))}${left}`,
    blocks: [
      { type: "section", text: mrkdwn(why("this lead")) },
      ...headlineBlocks(leadFields(card), card.campaignName, link),
      { type: "section", block_id: "clock", text: mrkdwn(clockText(clock, card.answerBy)) },
      answerButtons("dm", card.handoffId, card.assigneeId),
    ],
  };
}

export function assignedNotice(card: HandoffCard, by: AssignedBy, clock: ResponseClock | null, permalink?: string): Message {
  const why = (lead: string) =>
    by.kind === "person"
      ? `${mention(by.userId)} assigned you ${lead}.`
      : by.kind === "rotation"
        ? `The lead rotation picked you to answer ${lead}.`
        : `No answer came in the agreed time, so the rotation reassigned ${lead} to you, with a full response time of your own.`;
  return answerDm(card, why, clock, permalink);
}

/** A DM redrawn once its handoff is decided (its buttons give way to the outcome), or its lead erased. */
export function answeredDm(card: HandoffCard, permalink?: string): Message {
  const link = permalink ? [cardLink(permalink, "Open the handoff card")] : [];
  const blocks: KnownBlock[] = [
    ...headlineBlocks(leadFields(card), card.campaignName, link),
    { type: "section", block_id: "status", text: mrkdwn(handoffStatusLine(card)) },
  ];
  if (card.status === "pending") blocks.push(answerButtons("dm", card.handoffId, card.assigneeId));
  const outcome = card.status === "accepted" ? "accepted" : card.status === "rejected" ? "rejected" : card.status;
  return { text: `${card.lead.erased ? "An erased lead" : leadName(card.lead)}: ${outcome}.`, blocks };
}

export function reassignedThreadNotice(card: HandoffCard, previousAssigneeId: string | null): Message {
  const from = previousAssigneeId ? ` from ${mention(previousAssigneeId)}` : "";
  return message(`:repeat: No answer in the agreed time: reassigned${from} to ${mention(card.assigneeId ?? "")}.`);
}

export function reminderNotice(card: HandoffCard, clock: ResponseClock | null = null, permalink?: string, inThread = false): Message {
  if (inThread) return message(":alarm_clock: Half of the agreed response time has passed and nobody has answered this lead yet.");
  return answerDm(card, (lead) => `:alarm_clock: Reminder: half of your response time for ${lead} has passed.`, clock, permalink);
}

export function teamMentionText(team: TeamMention): string {
  if (team.groupId) return `<!subteam^${team.groupId}>`;
  if (team.userIds.length === 0) return "Sales team";
  const shown = team.userIds.slice(0, MENTIONED_PEOPLE).map(mention).join(" ");
  return team.userIds.length > MENTIONED_PEOPLE ? `${shown} and others` : shown;
}

/** Posted in the card's thread and broadcast to the channel: the card is right above it. */
export function escalationNotice(card: HandoffCard, team: TeamMention): Message {
  const who = card.assigneeId ? `, assigned to ${mention(card.assigneeId)},` : "";
  return message(
    `:rotating_light: ${teamMentionText(team)}: ${leadName(card.lead)}${who} has waited past the agreed response time. Please accept or reject it now on the card.`,
  );
}
