// Deciding a pending handoff, for Accept and Reject alike: exactly one of many concurrent clicks wins.
import { findHandoff, type Handoff, recordHandoffDecision } from "../../db/handoffs.js";
import { changeStage, findLead, StageChangedMeanwhile } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import { cardUpdate, enqueueHandoffEffects, type HandoffEffect } from "../outbox/effects.js";
import type { HandoffCard } from "../ports.js";
import { adoptClickedCard, type ClickedCard, convergeCards, convergeHandoffCard } from "./card-messages.js";
import { loadHandoffCard } from "./handoff-card.js";
import { deliverHandoffEffects } from "./handoff-effects.js";

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
  /** The card the click came from, if the listener saw it come from the card's own buttons. */
  clicked: ClickedCard;
  /** What the decision tells people besides the card's update (thread replies, notices), written with it. */
  notices: (handoff: Handoff) => HandoffEffect[];
}

/**
 * Commits the decision if the handoff is still pending, whether or not Baton knows its card yet (the clicked card
 * becomes the card on record then, in the same transaction), with the card's update and the notices in the outbox,
 * and delivers them at once. A click after the decision re-renders the card, so every card ends up showing how the
 * handoff ended.
 */
export async function decideHandoff(deps: LeadDeps, decision: HandoffDecision): Promise<Decision> {
  const { teamId, handoffId, userId, outcome, clicked } = decision;
  const handoff = await findHandoff(deps.db, teamId, handoffId);
  if (!handoff) throw new AppError("not_found", "That handoff no longer exists.");
  if (handoff.status !== "pending") return { won: false, card: await convergeHandoffCard(deps, teamId, handoffId, clicked) };
  const effects = [cardUpdate(handoff.channelId ?? ""), ...decision.notices(handoff)];
  const won = await commitDecision(deps, handoff, userId, outcome, clicked, effects);
  // A click that lost the race leaves the card to the winner's update.
  if (won) await deliverHandoffEffects(deps, teamId, handoffId, effects);
  const card = await loadHandoffCard(deps.db, teamId, handoffId);
  await convergeCards(deps, card, clicked, false);
  return { won, card };
}

/** A lead changed by someone else between reading and writing it is read again, this many times at most. */
const ATTEMPTS = 3;

async function commitDecision(
  deps: LeadDeps,
  handoff: Handoff,
  userId: string,
  outcome: DecisionOutcome,
  clicked: ClickedCard,
  effects: HandoffEffect[],
): Promise<boolean> {
  const at = deps.clock.now();
  const stamp = outcome.to === "sql" ? { sqlAt: at } : { nurtureAt: at };
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        const lead = await findLead(tx, handoff.teamId, handoff.leadId);
        if (!lead) throw new AppError("not_found", "That lead no longer exists.");
        await adoptClickedCard(tx, handoff, clicked);
        const decided = { status: outcome.status, decidedById: userId, decidedAt: at, ...outcome.handoff };
        if (!(await recordHandoffDecision(tx, handoff, decided))) return false;
        await changeStage(tx, lead, {
          to: outcome.to,
          data: { ...stamp, ...outcome.lead },
          event: { actorId: userId, type: "stage_changed", reason: outcome.reason, at },
        });
        await enqueueHandoffEffects(tx, handoff.teamId, handoff.id, effects, at);
        return true;
      });
    } catch (error) {
      if (!(error instanceof StageChangedMeanwhile)) throw error;
      if (attempt >= ATTEMPTS) throw new AppError("conflict", "Someone is changing this lead right now, so nothing was decided yet.");
    }
  }
}
