import { randomUUID } from "node:crypto";
import { findHandoff, type Handoff, reassignWithDeadline, recordBreach, responseSlaMinutes } from "../../db/handoffs.js";
import { findLead, recordLeadEvent } from "../../db/leads.js";
import type { WrittenEffect } from "../../db/outbox.js";
import {
  claimSlaStep,
  countOpenSlaSteps,
  dueSlaSteps,
  finishSlaStep,
  rearmSlaSteps,
  releaseSlaStep,
  type SlaStep,
} from "../../db/sla-steps.js";
import { findWorkspace } from "../../db/workspaces.js";
import { isAppError } from "../../lib/errors.js";
import { reassigns } from "../handoffs/hand-off-lead.js";
import type { LeadDeps } from "../leads/deps.js";
import { cardUpdate, EffectKinds, enqueueHandoffEffects, type HandoffEffect, subjectAt } from "../outbox/effects.js";
import { pickRep } from "../routing/pick-rep.js";
import { workingHoursOf } from "../workspaces/working-hours.js";
import { DEFAULT_RESPONSE_SLA_MINUTES, planLadder, type SlaStepKind, STEP_ORDER } from "./plan-ladder.js";

const BATCH = 50;
/** How long a claimed step is this replica's; a replica that dies mid-step leaves it to another after this. */
const LEASE_MS = 5 * 60_000;
const MAX_ROUNDS = 20;

/**
 * Runs the SLA ladder's due steps (the `slaLadder` job, every minute, on every replica). Each step is claimed with a
 * conditional update and a lease before anything is said, and marked done afterwards, so it happens once across
 * replicas and restarts; a replica that dies mid-step leaves a lease that runs out, and another one finishes the
 * step. Steps of a handoff decided meanwhile are skipped.
 */
export class SlaLadder {
  /** Who holds a lease: this process. */
  private readonly owner = `sla:${randomUUID()}`;

  constructor(private readonly deps: LeadDeps) {}

  /** Runs every step due now; returns how many it completed. */
  async runDue(): Promise<number> {
    let completed = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = this.deps.clock.now();
      const due = (await dueSlaSteps(this.deps.db, now, BATCH)).sort(
        (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || STEP_ORDER[a.step as SlaStepKind] - STEP_ORDER[b.step as SlaStepKind],
      );
      let claimedAny = false;
      for (const step of due) {
        if (!(await claimSlaStep(this.deps.db, step.id, this.owner, now, new Date(now.getTime() + LEASE_MS)))) continue;
        claimedAny = true;
        if (await this.runClaimed(step, now)) completed++;
      }
      if (!claimedAny || due.length < BATCH) break;
    }
    return completed;
  }

  private async runClaimed(step: SlaStep, now: Date): Promise<boolean> {
    const log = this.deps.logger.child({ teamId: step.teamId, handoffId: step.handoffId, step: step.step });
    try {
      const handoff = await findHandoff(this.deps.db, step.teamId, step.handoffId);
      if (handoff?.status !== "pending") return await this.finish(step, now, "skipped");
      if (step.step === "reminder") return await this.remind(step, handoff, now);
      if (step.step === "escalation") return await this.escalate(step, handoff, now);
      return await this.reassign(step, handoff, now);
    } catch (error) {
      if (isAppError(error) && error.code === "not_configured") {
        log.warn({ err: error }, "SLA step cannot be delivered; giving up on it");
        return this.finish(step, now, "failed");
      }
      // Left claimed: when the lease runs out, the next run (here or on another replica) tries again.
      log.error({ err: error }, "SLA step failed; it will be retried");
      return false;
    }
  }

  /** The step's completion and its notice commit together, so a crash between them can neither lose nor repeat it. */
  private async remind(step: SlaStep, handoff: Handoff, now: Date): Promise<boolean> {
    const to = handoff.assigneeId ?? handoff.channelId ?? "";
    const effects = [{ kind: EffectKinds.slaReminder, channelId: to, subjectId: subjectAt(handoff.id, step.dueAt) }];
    return this.finish(step, now, "done", handoff, { type: "reminded" }, effects);
  }

  private async escalate(step: SlaStep, handoff: Handoff, now: Date): Promise<boolean> {
    // The breach is a fact whatever Slack says: record it first (once), then tell people.
    if (await recordBreach(this.deps.db, handoff.teamId, handoff.id, step.dueAt)) this.deps.metrics?.slaBreaches.inc();
    const channelId = handoff.channelId ?? "";
    const escalation = { kind: EffectKinds.slaEscalation, channelId, subjectId: subjectAt(handoff.id, step.dueAt) };
    return this.finish(step, now, "done", handoff, { type: "escalated" }, [cardUpdate(channelId), escalation]);
  }

  private async reassign(step: SlaStep, handoff: Handoff, now: Date): Promise<boolean> {
    const workspace = await findWorkspace(this.deps.db, handoff.teamId);
    if (!workspace || !reassigns(workspace)) return this.finish(step, now, "skipped");
    // The new rep's ladder reuses the reminder and escalation rows: wait until those ran (the escalation is due at
    // the same moment, maybe running on another replica), so none is lost or re-armed mid-run.
    if ((await countOpenSlaSteps(this.deps.db, handoff.teamId, handoff.id, step.id)) > 0) {
      await releaseSlaStep(this.deps.db, step.id, this.owner);
      return false;
    }
    const to = await pickRep(this.deps, handoff.teamId, now, handoff.assigneeId ? [handoff.assigneeId] : []);
    if (!to) return this.finish(step, now, "no_rep_available");
    // The new rep gets the whole response time again, from now, and the reminder and escalation follow that deadline.
    const minutes = (await responseSlaMinutes(this.deps.db, handoff.teamId)) ?? DEFAULT_RESPONSE_SLA_MINUTES;
    const own = planLadder(now, minutes, workingHoursOf(workspace), false);
    // The new assignee, their ladder and the step's completion commit together, so a retry never reassigns twice.
    const channelId = handoff.channelId ?? "";
    const subject = subjectAt(handoff.id, now);
    const effects: HandoffEffect[] = [
      cardUpdate(channelId),
      { kind: EffectKinds.handoffReassignedInThread, channelId, subjectId: `${subject}@${handoff.assigneeId ?? ""}` },
      { kind: EffectKinds.handoffAssignedDm, channelId: to, subjectId: `${subject}@sla` },
    ];
    const lease = this.deps.outbox.leaseFrom(this.deps.clock.now());
    const written = await this.deps.db.$transaction(async (tx) => {
      if (!(await finishSlaStep(tx, step.id, this.owner, now, "done"))) return null;
      if (!(await reassignWithDeadline(tx, handoff, to, own.slaDueAt, now))) return null;
      await rearmSlaSteps(tx, handoff.teamId, handoff.id, own.steps);
      const lead = await findLead(tx, handoff.teamId, handoff.leadId);
      if (lead) await recordLeadEvent(tx, lead, { actorId: "system", type: "reassigned", reason: to, at: now });
      return enqueueHandoffEffects(tx, handoff.teamId, handoff.id, effects, now, lease);
    });
    if (written) await this.deliver(handoff, written);
    return written !== null;
  }

  /** Marks the step finished, with its lead event and what it tells people, in one transaction; then delivers. */
  private async finish(
    step: SlaStep,
    now: Date,
    outcome: string,
    handoff?: Handoff,
    event?: { type: string },
    effects: HandoffEffect[] = [],
  ): Promise<boolean> {
    const lease = this.deps.outbox.leaseFrom(this.deps.clock.now());
    const written = await this.deps.db.$transaction(async (tx) => {
      if (!(await finishSlaStep(tx, step.id, this.owner, now, outcome))) return null;
      const lead = handoff && event ? await findLead(tx, handoff.teamId, handoff.leadId) : null;
      if (lead && event) await recordLeadEvent(tx, lead, { actorId: "system", type: event.type, at: now });
      return handoff ? enqueueHandoffEffects(tx, handoff.teamId, handoff.id, effects, now, lease) : [];
    });
    if (written && handoff) await this.deliver(handoff, written);
    return written !== null;
  }

  /** Delivery is the outbox's: a failure here leaves the effect to the sweeper, never the step to run again. */
  private async deliver(handoff: Handoff, written: WrittenEffect[]): Promise<void> {
    await this.deps.outbox
      .deliverWritten(written)
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error, teamId: handoff.teamId, handoffId: handoff.id }, "SLA notice left to the outbox sweep"),
      );
  }
}
