// Short replies to /funnel: usage, subscriptions, the scorecard on its own, a posted confirmation.

import type { KnownBlock } from "@slack/types";
import type { SubscriptionSummary } from "../../domain/digests/subscriptions.js";
import type { Scorecard } from "../../domain/funnel/scorecard.js";
import { periodLabel, plural } from "./format.js";
import type { Message } from "./message.js";
import { scorecardBlocks, scorecardFallback } from "./scorecard.js";
import { channelLink, escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";

export const FUNNEL_USAGE = [
  "`/funnel` this week's funnel, just for you · `/funnel today` · `/funnel month` · `/funnel quarter`",
  "`/funnel last week` · `/funnel last month` · `/funnel 2026-10-01..2026-10-31`",
  "`/funnel campaign <name>` one campaign (add a period at the end) · `/funnel scorecard` the alignment scorecard",
  "`/funnel post` posts it in this channel · `/funnel subscribe mine` or `/funnel subscribe campaign <name>` for a DM · `/funnel unsubscribe`",
].join("\n");

/** A period or campaign Baton cannot read: the problem and the closest valid command, in one or two lines. */
export function usageMessage(problem: string): Message {
  const text = escapeMrkdwn(truncate(problem, 500));
  return { text, blocks: [{ type: "section", text: mrkdwn(`:warning: ${text}`) }] };
}

/** `/funnel help`: every way to ask for the funnel. */
export function funnelHelpMessage(): Message {
  return { text: FUNNEL_USAGE.replaceAll("`", ""), blocks: [{ type: "section", text: mrkdwn(FUNNEL_USAGE) }] };
}

export function scorecardMessage(scorecard: Scorecard, campaignName?: string): Message {
  const title = `${campaignName ? `${truncate(campaignName, 60)} · ` : ""}Alignment scorecard · ${periodLabel(scorecard.period)}`;
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(title, Limits.headerText) },
    ...scorecardBlocks(scorecard, "Each side held to the agreement (`/baton sla`): status, the number, and the trend."),
    {
      type: "context",
      elements: [mrkdwn("On track / at risk / off track thresholds are in the README (Funnel and digests → Scorecard).")],
    },
  ];
  return { text: `${title}: ${scorecardFallback(scorecard)}`, blocks };
}

const describe = (s: SubscriptionSummary) =>
  s.kind === "campaign" ? `the *${escapeMrkdwn(truncate(s.campaign?.name ?? "", 60))}* campaign` : "your handoffs and leads";

export function subscribedMessage(s: SubscriptionSummary & { created: boolean }): Message {
  const text = `${s.created ? "Subscribed" : "Updated"}: you'll get ${describe(s)} by DM, ${s.period} (09:00 in the workspace's time zone). \`/funnel unsubscribe\` stops it.`;
  return { text: text.replaceAll("*", "").replaceAll("`", ""), blocks: [{ type: "section", text: mrkdwn(`:white_check_mark: ${text}`) }] };
}

export function unsubscribedMessage(removed: number): Message {
  const text = removed > 0 ? `Done: ${plural(removed, "subscription")} stopped.` : "You had no such subscription.";
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}

export function postedMessage(channelId: string): Message {
  const text = `Posted the funnel in ${channelLink(channelId)}.`;
  return { text, blocks: [{ type: "section", text: mrkdwn(`:white_check_mark: ${text}`) }] };
}
