// Personal digests by DM: a rep's own handoffs and leads, or one campaign's numbers.
import type { KnownBlock } from "@slack/types";
import type { MyHandoffsDigest, PersonalDigest } from "../../domain/digests/personal-digest.js";
import { stageLabel } from "../../domain/labels.js";
import { count, duration, percent, periodLabel } from "./format.js";
import { digestMessage } from "./funnel.js";
import type { Message } from "./message.js";
import { Limits, mrkdwn, plain } from "./text.js";

const UNSUBSCRIBE = "You get this because you subscribed with `/funnel subscribe`; `/funnel unsubscribe` stops it.";

export function personalDigestMessage(digest: PersonalDigest): Message {
  if (digest.kind === "campaign") {
    const message = digestMessage(digest.digest);
    const blocks = [
      ...message.blocks.slice(0, Limits.messageBlocks - 1),
      { type: "context", elements: [mrkdwn(UNSUBSCRIBE)] } as KnownBlock,
    ];
    return { text: message.text, blocks };
  }
  return myHandoffsMessage(digest);
}

function myHandoffsMessage(digest: MyHandoffsDigest): Message {
  const { waiting, decided, speed, owned } = digest;
  const label = periodLabel(digest.period);
  const waitingLine =
    waiting.waiting > 0
      ? `:hourglass_flowing_sand: *${count(waiting.waiting)}* handoff${waiting.waiting === 1 ? "" : "s"} waiting for you (*${count(waiting.overdue)}* overdue)`
      : ":white_check_mark: No handoffs waiting for you.";
  const decidedLine =
    decided.decided > 0
      ? `You decided *${count(decided.decided)}* handoffs: ${count(decided.accepted)} accepted (${percent(decided.acceptanceRate)}), ${count(
          decided.rejected,
        )} rejected; ${percent(decided.withinSlaShare)} within the SLA; median speed to lead ${duration(speed.p50)}.`
      : "You decided no handoffs in this period.";
  const breachLine = decided.breaches > 0 ? `:warning: ${count(decided.breaches)} of your handoffs missed the response SLA.` : "";
  const stages = Object.entries(owned)
    .filter(([, n]) => n > 0)
    .map(([stage, n]) => `${stageLabel(stage)} ${count(n)}`);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(`Your handoffs · ${label}`, Limits.headerText) },
    { type: "section", text: mrkdwn([waitingLine, decidedLine, breachLine].filter(Boolean).join("\n")) },
    { type: "section", text: mrkdwn(`*Your leads now*: ${stages.length > 0 ? stages.join(" · ") : "none"}`) },
    { type: "context", elements: [mrkdwn(UNSUBSCRIBE)] },
  ];
  return {
    text: `Your handoffs for ${label}: ${count(waiting.waiting)} waiting (${count(waiting.overdue)} overdue), ${count(decided.decided)} decided.`,
    blocks,
  };
}
