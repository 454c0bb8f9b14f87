import { findHandoff, setAssignee } from "../../db/handoffs.js";
import { findLead, recordLeadEvent } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import { cardUpdate, EffectKinds, enqueueHandoffEffects, type HandoffEffect, subjectAt } from "../outbox/effects.js";
import type { HandoffCard } from "../ports.js";
import { adoptClickedCard, type ClickedCard, convergeCards, convergeHandoffCard } from "./card-messages.js";
import { loadHandoffCard } from "./handoff-card.js";

export type Assignment = { assigned: true; card: HandoffCard } | { assigned: false; card: HandoffCard };

/**
 * "Assign to...": a sales rep asks another rep (or themselves) to answer a pending handoff. The card then mentions
 * the assignee, who gets a DM and the SLA reminder (both through the outbox, written with the assignment). Decided
 * handoffs cannot be reassigned.
 */
export interface HandoffAssignment {
  teamId: string;
  handoffId: string;
  actorId: string;
  assigneeId: string;
  /** The card the select was used on, if it was the card's own. */
  clicked: ClickedCard;
}

export async function assignHandoff(
  deps: LeadDeps,
  { teamId, handoffId, actorId, assigneeId, clicked }: HandoffAssignment,
): Promise<Assignment> {
  await deps.roles.requireSalesRep(teamId, actorId, "assign handoffs");
  if (!(await deps.roles.isSalesRep(teamId, assigneeId))) {
    throw new AppError("invalid_input", `<@${assigneeId}> is not on the sales team, so they can't answer handoffs. Pick someone who is.`);
  }
  const handoff = await findHandoff(deps.db, teamId, handoffId);
  if (!handoff) throw new AppError("not_found", "That handoff no longer exists.");
  if (handoff.status !== "pending") return { assigned: false, card: await convergeHandoffCard(deps, teamId, handoffId, clicked) };
  if (handoff.assigneeId === assigneeId) return { assigned: true, card: await convergeHandoffCard(deps, teamId, handoffId, clicked) };
  const at = deps.clock.now();
  const effects: HandoffEffect[] = [
    cardUpdate(handoff.channelId ?? ""),
    { kind: EffectKinds.handoffAssignedDm, channelId: assigneeId, subjectId: `${subjectAt(handoffId, at)}@${actorId}` },
  ];
  const lease = deps.outbox.leaseFrom(at);
  const written = await deps.db.$transaction(async (tx) => {
    await adoptClickedCard(tx, handoff, clicked);
    if (!(await setAssignee(tx, teamId, handoffId, assigneeId, at))) return null;
    const lead = await findLead(tx, teamId, handoff.leadId);
    if (lead) await recordLeadEvent(tx, lead, { actorId, type: "assigned", reason: assigneeId, at });
    return enqueueHandoffEffects(tx, teamId, handoffId, effects, at, lease);
  });
  const assigned = written !== null;
  // Decided meanwhile: whoever decided updates the card.
  if (written) await deps.outbox.deliverWritten(written);
  const card = await loadHandoffCard(deps.db, teamId, handoffId);
  await convergeCards(deps, card, clicked, false);
  return { assigned, card };
}
