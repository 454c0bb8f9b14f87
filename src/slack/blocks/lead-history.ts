import { rejectReasonLabel, stageLabel as stage } from "../../domain/labels.js";
import type { LeadHistoryLine } from "../../domain/leads/lead-view.js";
import { money } from "./format.js";
import { escapeMrkdwn, mention, truncate } from "./text.js";
import { slackDate } from "./time.js";

const who = (actorId: string) =>
  actorId === "system" ? "Baton" : actorId.startsWith("U") || actorId.startsWith("W") ? mention(actorId) : actorId;

/** One line of a lead's history, e.g. "@ann moved it from SQL to Won ($12,500.00)". */
export function historyLine(e: LeadHistoryLine): string {
  const when = slackDate(e.at, "{date_short}");
  return `${when} · ${describe(e)}`;
}

function describe(e: LeadHistoryLine): string {
  switch (e.type) {
    case "created":
      return `${who(e.actorId)} logged it`;
    case "updated":
      return `${who(e.actorId)} edited it${e.reason ? `: ${escapeMrkdwn(truncate(e.reason, 300))}` : ""}`;
    case "handed_off":
      return `${who(e.actorId)} handed it off to sales`;
    case "assigned":
      return `${who(e.actorId)} assigned it to ${e.reason ? mention(e.reason) : "a rep"}`;
    case "reassigned":
      return `reassigned to ${e.reason ? mention(e.reason) : "another rep"} after the response deadline`;
    case "reminded":
      return "reminder sent: half the response time had passed";
    case "escalated":
      return "escalated: past the agreed response time";
    case "submitted":
      return `${escapeMrkdwn(e.reason ?? "an outside source")} sent it again: Baton kept what was there and added only what was missing`;
    case "message_linked":
      return e.reason ? `${who(e.actorId)} linked it to <${e.reason}|a Slack message>` : `${who(e.actorId)} linked it to a Slack message`;
    case "erased":
      return `${who(e.actorId)} erased its personal data`;
    case "stage_changed": {
      const value = e.valueCents !== null && e.currency ? ` (${money(e.valueCents, e.currency)})` : "";
      const why = e.reason ? `: ${escapeMrkdwn(truncate(e.toStage === "nurture" ? rejectReasonLabel(e.reason) : e.reason, 200))}` : "";
      return `${who(e.actorId)} moved it from ${stage(e.fromStage)} to ${stage(e.toStage)}${value}${why}`;
    }
    default:
      return `${e.type} by ${who(e.actorId)}`;
  }
}
