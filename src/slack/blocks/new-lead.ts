import type { KnownBlock } from "@slack/types";
import { NOT_GRADED } from "../../domain/labels.js";
import type { LeadAnnouncement } from "../../domain/ports.js";
import { LeadActions } from "../ids.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

/**
 * A lead that arrived from outside Slack, as announced in the marketing channel (no contact details): its fit, and
 * **Hand off to sales** (the lead card's own hand-off) and **Open**.
 */
export function newLeadMessage({ lead, source }: LeadAnnouncement): Message {
  const who = lead.name ?? "A new lead";
  const details = [lead.title, lead.company].filter(Boolean).join(" · ");
  const campaign = lead.campaignName ? `Campaign: ${lead.campaignName}` : "No campaign";
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: mrkdwn(
        `:inbox_tray: *New lead from a ${escapeMrkdwn(source)}*\n*${escapeMrkdwn(truncate(who, 200))}*${details ? `\n${escapeMrkdwn(truncate(details, 400))}` : ""}`,
      ),
    },
    { type: "context", elements: [mrkdwn(`${escapeMrkdwn(truncate(campaign, 300))} · Fit: ${lead.fitGrade ?? NOT_GRADED}`)] },
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: LeadActions.handOff,
          value: lead.id,
          style: "primary",
          text: plain("Hand off to sales", Limits.buttonText),
        },
        { type: "button", action_id: LeadActions.open, value: lead.id, text: plain("Open", Limits.buttonText) },
      ],
    },
  ];
  return { text: escapeMrkdwn(truncate(`New lead from a ${source}: ${who}${lead.company ? ` (${lead.company})` : ""}`, 300)), blocks };
}
