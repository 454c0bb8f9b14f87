// A digest's "Needs action", for its audience: sales get the handoffs waiting longest with Open, marketing get the
// MQLs short of the commitment and the leads sent back to Nurture with Re-qualify and Open.
import type { Button, KnownBlock } from "@slack/types";
import { ACTS_ON, type Digest, type WaitingHandoffRow } from "../../domain/digests/digest.js";
import { STAGE_LABELS } from "../../domain/labels.js";
import type { Lead } from "../../domain/leads/leads.js";
import { itemBlockId, LeadActions } from "../ids.js";
import { count, duration, plural } from "./format.js";
import { summaryFieldsOf } from "./lead-card.js";
import { leadHeadline } from "./lead-summary.js";
import { Limits, mention, mrkdwn, plain } from "./text.js";

const button = (actionId: string, text: string, value: string, primary = false): Button => ({
  type: "button",
  action_id: actionId,
  text: plain(text, Limits.buttonText),
  value,
  ...(primary ? { style: "primary" as const } : {}),
});

export function needsActionBlocks(digest: Digest): KnownBlock[] {
  const acts = ACTS_ON[digest.view];
  const problems = [...(acts.handoffs ? salesProblems(digest) : []), ...(acts.sentBack ? marketingProblems(digest) : [])];
  if (problems.length === 0) {
    const calm = acts.handoffs ? "no missed deadlines, no handoffs waiting" : "on pace with the commitment, no leads sent back";
    return [{ type: "section", text: mrkdwn(`:white_check_mark: *Nothing needs action*: ${calm}.`) }];
  }
  return [
    { type: "section", text: mrkdwn(`:rotating_light: *Needs action*: ${problems.join(" · ")}`) },
    ...(acts.handoffs ? digest.waitingRows.map((row) => waitingRow(row, digest.asOf)) : []),
    ...(digest.sentBack?.leads ?? []).flatMap(sentBackRow),
  ];
}

function salesProblems(digest: Digest): string[] {
  const { breaches } = digest.report.handoffs;
  const { waiting, overdue } = digest.waiting;
  const lines: string[] = [];
  if (breaches > 0) lines.push(plural(breaches, "missed deadline"));
  if (waiting > 0) lines.push(`${plural(waiting, "handoff")} waiting (${count(overdue)} overdue)`);
  return lines;
}

function marketingProblems(digest: Digest): string[] {
  const lines: string[] = [];
  const mqls = digest.scorecard?.lines.find((line) => line.key === "mqls");
  if (mqls?.key === "mqls" && mqls.extra.mqls < mqls.extra.targetToDate) {
    const { mqls: made, targetToDate } = mqls.extra;
    lines.push(`${plural(targetToDate - made, STAGE_LABELS.mql)} short (${count(made)} of ${count(targetToDate)} due by now)`);
  }
  const total = digest.sentBack?.total ?? 0;
  if (total > 0) lines.push(`${plural(total, "lead")} back in Nurture`);
  return lines;
}

function waitingRow(row: WaitingHandoffRow, asOf: Date): KnownBlock {
  const who = row.assigneeId ? `with ${mention(row.assigneeId)}` : "waiting for a rep";
  const left = row.dueAt ? row.dueAt.getTime() - asOf.getTime() : null;
  const clock = left === null ? "" : left < 0 ? ` · overdue by ${duration(-left)}` : ` · due in ${duration(left)}`;
  return {
    type: "section",
    block_id: itemBlockId("digest_waiting", row.handoffId),
    text: mrkdwn(`${leadHeadline(summaryFieldsOf(row.lead))} · ${who}${clock}`),
    accessory: button(LeadActions.open, "Open", row.lead.id),
  };
}

function sentBackRow(lead: Lead): KnownBlock[] {
  return [
    {
      type: "section",
      block_id: itemBlockId("digest_sent_back", lead.id),
      text: mrkdwn(`${leadHeadline(summaryFieldsOf(lead))} · in Nurture`),
    },
    {
      type: "actions",
      block_id: itemBlockId("digest_sent_back_actions", lead.id),
      elements: [button(LeadActions.handOff, "Re-qualify", lead.id, true), button(LeadActions.open, "Open", lead.id)],
    },
  ];
}
