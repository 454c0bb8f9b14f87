import { isUniqueViolation } from "../../db/errors.js";
import {
  createOpenHandoff,
  createSlaSteps,
  deleteUnpostedHandoff,
  findOpenHandoff,
  type Handoff,
  responseSlaMinutes,
  updateHandoff,
} from "../../db/handoffs.js";
import { changeStage, findLead, type Lead, recordLeadEvent, revertHandOff, StageChangedMeanwhile } from "../../db/leads.js";
import type { WrittenEffect } from "../../db/outbox.js";
import { findWorkspace, type Workspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import { assertCanMove, stageOf } from "../leads/stages.js";
import { EffectKinds, enqueueHandoffEffects, type HandoffEffect, subjectAt } from "../outbox/effects.js";
import type { HandoffCard } from "../ports.js";
import { pickRep } from "../routing/pick-rep.js";
import { DEFAULT_RESPONSE_SLA_MINUTES, type Ladder, planLadder } from "../sla/plan-ladder.js";
import { workingHoursOf } from "../workspaces/working-hours.js";
import { loadHandoffCard } from "./handoff-card.js";

/** A handoff whose card Baton does not know after this (the process died around posting it) gets its card again. */
const ABANDONED_AFTER_MS = 2 * 60_000;

export interface HandedOff {
  card: HandoffCard;
  lead: Lead;
}

/**
 * Hands a lead to sales: marks it MQL and posts the handoff card to the sales channel, pre-assigned to the next
 * rep in the rotation when there is one. Steps: claim the lead's one open handoff (a unique key, so a double click
 * or a second marketer gets "already handed off"), commit the stage change, events, SLA ladder and the card's
 * outbox effect (and the assignee's DM) in one transaction, then deliver the card and store which message it is.
 * Everything is in place before anyone can see the card, so a click on it decides at once, even before Slack's
 * answer arrives. If Slack refuses the card for good nothing is kept; if it is down, the sweeper posts it later.
 */
export async function handOffLead(deps: LeadDeps, teamId: string, leadId: string, actorId: string): Promise<HandedOff> {
  const { db, clock } = deps;
  const lead = await findLead(db, teamId, leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  if (lead.erasedAt) throw new AppError("conflict", "This lead's personal data was erased, so it can't be handed off.");
  const open = await findOpenHandoff(db, teamId, lead.id);
  if (open) return postAgainIfAbandoned(deps, open, lead, actorId);
  assertCanMove(stageOf(lead.stage), "mql");
  const workspace = await findWorkspace(db, teamId);
  const channelId = workspace?.salesChannelId;
  if (!workspace || !channelId) {
    throw new AppError(
      "not_configured",
      "No sales channel is set, so there is nowhere to post the handoff. Ask a Baton admin to pick one in /baton settings → Channels and people.",
    );
  }
  const at = clock.now();
  const claimed = await claim(deps, { teamId, leadId, handedOffById: actorId, handedOffAt: at, channelId });
  let committed: Committed;
  try {
    const assigneeId = await pickRep(deps, teamId, at);
    const ladder = planLadder(
      at,
      (await responseSlaMinutes(db, teamId)) ?? DEFAULT_RESPONSE_SLA_MINUTES,
      workingHoursOf(workspace),
      reassigns(workspace),
    );
    committed = await commit(deps, lead, { ...claimed, assigneeId, slaDueAt: ladder.slaDueAt }, ladder, actorId);
  } catch (error) {
    await deleteUnpostedHandoff(db, teamId, claimed.id);
    if (error instanceof StageChangedMeanwhile)
      throw new AppError("conflict", "This lead changed while it was being handed off. Please try again.");
    throw error;
  }
  const { handoff, moved, written } = committed;
  const dms = written.slice(1);
  const [posted] = await deps.outbox.deliverWritten(written.slice(0, 1));
  // The DM links to the card, so it follows it; when Slack did not take the card, the sweeper delivers both.
  if (posted?.status !== "delivered") await deps.outbox.release(dms);
  if (posted?.status === "refused" || posted?.status === "dead") {
    // Slack will not take the card (Baton not in the channel, the channel gone): nothing is kept.
    await takeBack(deps, lead, handoff);
    throw new AppError("not_configured", posted.ok ? "Slack refused the handoff card." : posted.error);
  }
  const card = await loadHandoffCard(db, teamId, handoff.id);
  if (posted?.status === "delivered") await deps.outbox.deliverWritten(dms);
  return { card, lead: moved };
}

const cardPost = (channelId: string): HandoffEffect => ({ kind: EffectKinds.handoffCard, channelId });

/** The rotation's pick hears it by DM. */
function assignmentDm(handoff: Handoff): HandoffEffect[] {
  if (!handoff.assigneeId) return [];
  const subjectId = `${subjectAt(handoff.id, handoff.handedOffAt)}@rotation`;
  return [{ kind: EffectKinds.handoffAssignedDm, channelId: handoff.assigneeId, subjectId }];
}

export function reassigns(workspace: Workspace): boolean {
  return workspace.rotationEnabled && workspace.reassignOnBreach;
}

/**
 * The lead already has an open handoff. Its card is known (or being posted right now): the lead is with sales.
 * Its card is unknown minutes later: the process died around posting it, so the card is posted (again); if the
 * first one did reach Slack, a click on it is pointed at this one.
 */
async function postAgainIfAbandoned(deps: LeadDeps, open: Handoff, lead: Lead, actorId: string): Promise<HandedOff> {
  const abandoned = !open.messageTs && deps.clock.now().getTime() - open.createdAt.getTime() > ABANDONED_AFTER_MS;
  if (!abandoned) throw new AppError("conflict", "This lead is already with sales and waiting for an answer.");
  if (lead.stage !== "mql") {
    // Claimed but never committed: nothing else was kept, so hand the lead off afresh.
    deps.logger.warn({ teamId: open.teamId, handoffId: open.id }, "removing a handoff that was never committed");
    await deleteUnpostedHandoff(deps.db, open.teamId, open.id);
    return handOffLead(deps, open.teamId, lead.id, actorId);
  }
  // Committed: its card is in the outbox. Deliver it now rather than wait for the sweeper (the rows are there: the
  // write finds them, and what is due and held by nobody is delivered).
  deps.logger.warn({ teamId: open.teamId, handoffId: open.id }, "delivering the card of a handoff whose card is unknown");
  const at = deps.clock.now();
  const effects = [cardPost(open.channelId ?? ""), ...assignmentDm(open)];
  const rows = await deps.db.$transaction((tx) => enqueueHandoffEffects(tx, open.teamId, open.id, effects, at));
  await deps.outbox.deliverWritten(rows);
  return { card: await loadHandoffCard(deps.db, open.teamId, open.id), lead };
}

async function claim(deps: LeadDeps, data: Parameters<typeof createOpenHandoff>[1]): Promise<Handoff> {
  try {
    return await createOpenHandoff(deps.db, data);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "This lead is already with sales and waiting for an answer.");
    throw error;
  }
}

/** The committed hand-off: the lead as moved, and its effects as written claimed (the card first, then the DM). */
interface Committed {
  handoff: Handoff;
  moved: Lead;
  written: WrittenEffect[];
}

async function commit(deps: LeadDeps, lead: Lead, handoff: Handoff, ladder: Ladder, actorId: string): Promise<Committed> {
  const at = handoff.handedOffAt;
  const lease = deps.outbox.leaseFrom(deps.clock.now());
  return deps.db.$transaction(async (tx) => {
    // The handoff's row before the lead's, in the order a decision locks them (no deadlock with an early click).
    await updateHandoff(tx, lead.teamId, handoff.id, { slaDueAt: handoff.slaDueAt, assigneeId: handoff.assigneeId });
    const moved = await changeStage(tx, lead, {
      to: "mql",
      data: { mqlAt: at, qualifiedById: actorId },
      event: { actorId, type: "stage_changed", at },
    });
    await recordLeadEvent(tx, moved, { actorId, type: "handed_off", at });
    if (handoff.assigneeId) await recordLeadEvent(tx, moved, { actorId: "system", type: "assigned", reason: handoff.assigneeId, at });
    await createSlaSteps(tx, lead.teamId, handoff.id, ladder.steps);
    const effects = [cardPost(handoff.channelId ?? ""), ...assignmentDm(handoff)];
    return { handoff, moved, written: await enqueueHandoffEffects(tx, lead.teamId, handoff.id, effects, at, lease) };
  });
}

/** Slack refused the card: the hand-off is taken back, unless a click decided it meanwhile (so the card exists). */
async function takeBack(deps: LeadDeps, before: Lead, handoff: Handoff): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    if (await deleteUnpostedHandoff(tx, handoff.teamId, handoff.id)) await revertHandOff(tx, before, handoff.handedOffAt);
  });
}
