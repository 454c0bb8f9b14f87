// The short messages around a handoff card: thread replies, DMs, the marketing and sales channel notices. They name
// the lead only by company (personal data stays on the card, which erasure anonymises) and link to the card.
import type { KnownBlock } from "@slack/types";
import { rejectReasonLabel } from "../../domain/labels.js";
import type { AssignedBy, HandoffCard, TeamMention } from "../../domain/ports.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, mention, mrkdwn, truncate } from "./text.js";
import { formatDuration } from "./time.js";

const NOTE_SHOWN = 800;
const MENTIONED_PEOPLE = 30;

const section = (text: string): KnownBlock[] => [{ type: "section", text: mrkdwn(text) }];
const message = (text: string): Message => ({ text, blocks: section(text) });

/** "a lead at Acme" or "a lead": never the person's name. */
export function leadLabel(card: HandoffCard): string {
  return card.lead.company ? `a lead at ${escapeMrkdwn(truncate(card.lead.company, 120))}` : "a lead";
}

const cardLink = (permalink: string | undefined, label = "the handoff card") => (permalink ? `<${permalink}|${label}>` : label);

export function acceptedNotice(card: HandoffCard): Message {
  const waited = card.decidedAt ? ` after ${formatDuration(card.decidedAt.getTime() - card.handedOffAt.getTime())}` : "";
  return message(`${mention(card.handedOffById)} ${mention(card.decidedById ?? "")} accepted this lead${waited} and owns it now.`);
}

export function rejectedNotice(card: HandoffCard, permalink?: string): Message {
  const note = card.rejectNote ? `\n> ${escapeMrkdwn(truncate(card.rejectNote, NOTE_SHOWN)).replaceAll("\n", "\n> ")}` : "";
  const where = permalink ? ` (${cardLink(permalink)})` : "";
  return message(
    `${mention(card.handedOffById)} ${mention(card.decidedById ?? "")} rejected ${leadLabel(card)}${where}: *${rejectReasonLabel(card.rejectReason)}*. It is back with marketing, in Nurture; re-qualify it with /lead when it is ready.${note}`,
  );
}

/** What a rejection notice becomes once the lead is erased: the fixed reason stays, the free-text note goes. */
export function redactedNotice(): Message {
  return message("_This notice quoted a note about a lead whose personal data was erased on request._");
}

export function assignedNotice(card: HandoffCard, by: AssignedBy, permalink?: string): Message {
  const how =
    by.kind === "person"
      ? `${mention(by.userId)} assigned you`
      : by.kind === "rotation"
        ? "The lead rotation picked you for"
        : "The response deadline passed, so the rotation reassigned to you";
  return message(`${how} ${leadLabel(card)}. Accept or reject it on ${cardLink(permalink)}.`);
}

export function reassignedThreadNotice(card: HandoffCard, previousAssigneeId: string | null): Message {
  const from = previousAssigneeId ? ` from ${mention(previousAssigneeId)}` : "";
  return message(`:repeat: No answer in the agreed time: reassigned${from} to ${mention(card.assigneeId ?? "")}.`);
}

export function reminderNotice(card: HandoffCard, permalink?: string, inThread = false): Message {
  if (inThread) return message(":alarm_clock: Half of the agreed response time has passed and nobody has answered this lead yet.");
  return message(
    `:alarm_clock: Reminder: half of the agreed response time has passed for ${leadLabel(card)}. Accept or reject it on ${cardLink(permalink)}.`,
  );
}

export function teamMentionText(team: TeamMention): string {
  if (team.groupId) return `<!subteam^${team.groupId}>`;
  if (team.userIds.length === 0) return "Sales team";
  const shown = team.userIds.slice(0, MENTIONED_PEOPLE).map(mention).join(" ");
  return team.userIds.length > MENTIONED_PEOPLE ? `${shown} and others` : shown;
}

export function escalationNotice(card: HandoffCard, team: TeamMention, permalink?: string): Message {
  const who = card.assigneeId ? ` (assigned to ${mention(card.assigneeId)})` : "";
  return message(
    `:rotating_light: ${teamMentionText(team)}: ${leadLabel(card)}${who} has waited past the agreed response time. Please accept or reject it now on ${cardLink(permalink)}.`,
  );
}
