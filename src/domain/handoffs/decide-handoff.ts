// Deciding a pending handoff, for Accept and Reject alike: exactly one of many concurrent clicks wins.
import { findHandoff, type Handoff, recordHandoffDecision } from "../../db/handoffs.js";
import { changeStage, findLead, StageChangedMeanwhile } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import type { HandoffCard } from "../ports.js";
import { loadHandoffCard } from "./handoff-card.js";

/** The outcome for the person who clicked: `won` false means someone (maybe they) decided it first. */
export interface Decision {
  won: boolean;
  card: HandoffCard;
}

/** What a decision changes: the handoff's status (and reject fields) and the lead's stage (and owner). */
export interface DecisionOutcome {
  status: "accepted" | "rejected";
  handoff: { rejectReason?: string; rejectNote?: string | null };
  to: "sql" | "nurture";
  lead: { ownerId?: string };
  reason: string | null;
}

export interface HandoffDecision {
  teamId: string;
  handoffId: string;
  userId: string;
  outcome: DecisionOutcome;
}

/** Commits the decision if the handoff is still pending (and its card posted), then refreshes the card. */
export async function decideHandoff(deps: LeadDeps, { teamId, handoffId, userId, outcome }: HandoffDecision): Promise<Decision> {
  const handoff = await findHandoff(deps.db, teamId, handoffId);
  if (!handoff) throw new AppError("not_found", "That handoff no longer exists.");
  if (handoff.status !== "pending") return { won: false, card: await loadHandoffCard(deps.db, teamId, handoffId) };
  if (!handoff.messageTs) throw new AppError("conflict", "This handoff is still being posted. Try again in a moment.");
  const won = await commitDecision(deps, handoff, userId, outcome);
  const card = await loadHandoffCard(deps.db, teamId, handoffId);
  if (won) await deps.notifier.refreshCard(card).catch((e: unknown) => deps.logger.warn({ err: e, teamId }, "card update failed"));
  return { won, card };
}

async function commitDecision(deps: LeadDeps, handoff: Handoff, userId: string, outcome: DecisionOutcome): Promise<boolean> {
  const at = deps.clock.now();
  const lead = await findLead(deps.db, handoff.teamId, handoff.leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  const stamp = outcome.to === "sql" ? { sqlAt: at } : { nurtureAt: at };
  try {
    return await deps.db.$transaction(async (tx) => {
      const decided = { status: outcome.status, decidedById: userId, decidedAt: at, ...outcome.handoff };
      if (!(await recordHandoffDecision(tx, handoff, decided))) return false;
      await changeStage(tx, lead, {
        to: outcome.to,
        data: { ...stamp, ...outcome.lead },
        event: { actorId: userId, type: "stage_changed", reason: outcome.reason, at },
      });
      return true;
    });
  } catch (error) {
    if (error instanceof StageChangedMeanwhile)
      throw new AppError("conflict", "This lead changed meanwhile; nothing was decided. Please try again.");
    throw error;
  }
}
