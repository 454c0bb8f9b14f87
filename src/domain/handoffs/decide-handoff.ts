// Deciding a pending handoff, for Accept and Reject alike: exactly one of many concurrent clicks wins.
import { findHandoff, type Handoff, recordHandoffDecision } from "../../db/handoffs.js";
import { changeStage, findLead, StageChangedMeanwhile } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import type { HandoffCard } from "../ports.js";
import { adoptClickedCard, type ClickedCard, convergeCards, convergeHandoffCard } from "./card-messages.js";
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
  /** The card the click came from, if the listener saw it come from the card's own buttons. */
  clicked: ClickedCard;
}

/**
 * Commits the decision if the handoff is still pending, whether or not Baton knows its card yet (the clicked card
 * becomes the card on record then, in the same transaction), and shows the outcome on the card. A click after the
 * decision re-renders the card, so every card ends up showing how the handoff ended.
 */
export async function decideHandoff(deps: LeadDeps, { teamId, handoffId, userId, outcome, clicked }: HandoffDecision): Promise<Decision> {
  const handoff = await findHandoff(deps.db, teamId, handoffId);
  if (!handoff) throw new AppError("not_found", "That handoff no longer exists.");
  if (handoff.status !== "pending") return { won: false, card: await convergeHandoffCard(deps, teamId, handoffId, clicked) };
  const won = await commitDecision(deps, handoff, userId, outcome, clicked);
  const card = await loadHandoffCard(deps.db, teamId, handoffId);
  // A click that lost the race leaves the card to the winner's update.
  await convergeCards(deps, card, clicked, won);
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
        return true;
      });
    } catch (error) {
      if (!(error instanceof StageChangedMeanwhile)) throw error;
      if (attempt >= ATTEMPTS) throw new AppError("conflict", "Someone is changing this lead right now, so nothing was decided yet.");
    }
  }
}
