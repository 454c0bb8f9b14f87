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
import { campaignName } from "../../db/lead-campaigns.js";
import { changeStage, findLead, type Lead, recordLeadEvent, StageChangedMeanwhile } from "../../db/leads.js";
import { findWorkspace, type Workspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import { assertCanMove, stageOf } from "../leads/stages.js";
import type { HandoffCard, MessageRef } from "../ports.js";
import { pickRep } from "../routing/pick-rep.js";
import { DEFAULT_RESPONSE_SLA_MINUTES, type Ladder, planLadder } from "../sla/plan-ladder.js";
import { workingHoursOf } from "../workspaces/working-hours.js";
import { dmAssignment } from "./assignee-dms.js";
import { cardOf } from "./handoff-card.js";

/** A handoff whose card never got posted (the process died in between) stops blocking the lead after this. */
const ABANDONED_AFTER_MS = 2 * 60_000;

export interface HandedOff {
  card: HandoffCard;
  lead: Lead;
}

/**
 * Hands a lead to sales: marks it MQL and posts the handoff card to the sales channel, pre-assigned to the next
 * rep in the rotation when there is one. Steps: claim the lead's one open handoff (a unique key, so a double click
 * or a second marketer gets "already handed off"), post the card, then commit the stage change, events and SLA
 * ladder in one transaction. If posting fails nothing is kept; if the commit fails the card is deleted again.
 */
export async function handOffLead(deps: LeadDeps, teamId: string, leadId: string, actorId: string): Promise<HandedOff> {
  const { db, clock } = deps;
  const lead = await findLead(db, teamId, leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  if (lead.erasedAt) throw new AppError("conflict", "This lead's personal data was erased, so it can't be handed off.");
  await refuseIfOpen(deps, teamId, lead);
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
  const handoff = await claim(deps, { teamId, leadId, handedOffById: actorId, handedOffAt: at, channelId });
  try {
    const assigneeId = await pickRep(deps, teamId, at);
    const ladder = planLadder(
      at,
      (await responseSlaMinutes(db, teamId)) ?? DEFAULT_RESPONSE_SLA_MINUTES,
      workingHoursOf(workspace),
      reassigns(workspace),
    );
    const draft = { ...handoff, assigneeId, slaDueAt: ladder.slaDueAt };
    const campaign = await campaignName(db, teamId, lead.campaignId);
    const ref = await deps.notifier.postCard(cardOf(draft, lead, campaign));
    const moved = await commit(deps, lead, draft, ref, ladder, actorId).catch(async (error: unknown) => {
      await deps.notifier.deleteCard(teamId, ref).catch((e: unknown) => deps.logger.warn({ err: e, teamId }, "could not delete card"));
      throw error;
    });
    const card = cardOf({ ...draft, messageTs: ref.ts, channelId: ref.channelId }, moved, campaign);
    if (assigneeId) await dmAssignment(deps, card, { kind: "rotation" }, null);
    return { card, lead: moved };
  } catch (error) {
    await deleteUnpostedHandoff(db, teamId, handoff.id);
    if (error instanceof StageChangedMeanwhile)
      throw new AppError("conflict", "This lead changed while it was being handed off. Please try again.");
    throw error;
  }
}

export function reassigns(workspace: Workspace): boolean {
  return workspace.rotationEnabled && workspace.reassignOnBreach;
}

async function refuseIfOpen(deps: LeadDeps, teamId: string, lead: Lead): Promise<void> {
  const open = await findOpenHandoff(deps.db, teamId, lead.id);
  if (!open) return;
  const abandoned = !open.messageTs && deps.clock.now().getTime() - open.createdAt.getTime() > ABANDONED_AFTER_MS;
  if (abandoned) {
    deps.logger.warn({ teamId, handoffId: open.id }, "removing a handoff whose card was never posted");
    await deleteUnpostedHandoff(deps.db, teamId, open.id);
    return;
  }
  throw new AppError("conflict", "This lead is already with sales and waiting for an answer.");
}

async function claim(deps: LeadDeps, data: Parameters<typeof createOpenHandoff>[1]): Promise<Handoff> {
  try {
    return await createOpenHandoff(deps.db, data);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "This lead is already with sales and waiting for an answer.");
    throw error;
  }
}

function commit(deps: LeadDeps, lead: Lead, handoff: Handoff, ref: MessageRef, ladder: Ladder, actorId: string): Promise<Lead> {
  const at = handoff.handedOffAt;
  return deps.db.$transaction(async (tx) => {
    const moved = await changeStage(tx, lead, {
      to: "mql",
      data: { mqlAt: at, qualifiedById: actorId },
      event: { actorId, type: "stage_changed", at },
    });
    await recordLeadEvent(tx, moved, { actorId, type: "handed_off", at });
    if (handoff.assigneeId) await recordLeadEvent(tx, moved, { actorId: "system", type: "assigned", reason: handoff.assigneeId, at });
    await updateHandoff(tx, lead.teamId, handoff.id, {
      channelId: ref.channelId,
      messageTs: ref.ts,
      slaDueAt: ladder.slaDueAt,
      assigneeId: handoff.assigneeId,
    });
    await createSlaSteps(tx, lead.teamId, handoff.id, ladder.steps);
    return moved;
  });
}
