import type { KnownBlock } from "@slack/types";
import type { Lead } from "../../domain/leads/leads.js";
import { itemBlockId, LeadActions } from "../ids.js";
import { stageLine, summaryFieldsOf } from "./lead-card.js";
import { leadHeadline } from "./lead-summary.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

/** `/lead find` results: up to ten leads with stage, owner and an Open button each. */
export function findResultsMessage(query: string, leads: Lead[], limit: number): Message {
  const shown = escapeMrkdwn(truncate(query.trim(), 100));
  if (leads.length === 0) {
    const text = `No lead's name, email or company contains "${shown}".`;
    return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
  }
  const more = leads.length >= limit ? ` (the ${limit} most recently changed; narrow your search to see others)` : "";
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(`Leads matching "${shown}"${more}:`) }];
  for (const lead of leads.slice(0, limit)) {
    const email = lead.email ? `\n${escapeMrkdwn(truncate(lead.email, 100))}` : "";
    blocks.push({
      type: "section",
      block_id: itemBlockId("lead", lead.id),
      text: mrkdwn(`${leadHeadline(summaryFieldsOf(lead))}${email}\n${stageLine(lead)}`),
      accessory: { type: "button", action_id: LeadActions.open, value: lead.id, text: plain("Open", Limits.buttonText) },
    });
  }
  return { text: `${leads.length} ${leads.length === 1 ? "lead matches" : "leads match"} "${shown}".`, blocks };
}
