// Deciding a pending handoff, for Accept and Reject alike: exactly one of many concurrent clicks wins.
import { findHandoffToDecide, type Handoff, recordHandoffDecision } from "../../db/handoffs.js";
import { changeStage, findLead, type Lead, StageChangedMeanwhile } from "../../db/leads.js";
import type { WrittenEffect } from "../../db/outbox.js";
import { AppError, isRetryableConflict } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import { cardUpdate, enqueueHandoffEffects, type HandoffEffect } from "../outbox/effects.js";
import type { HandoffCard } from "../ports.js";
import { adoptClickedCard, type ClickedCard, convergeCards, convergeHandoffCard } from "./card-messages.js";
import { cardOf, loadHandoffCard } from "./handoff-card.js";

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
  /** What the person is doing, for the refusal when they are not on the sales team ("accept handoffs"). */
  doing: string;
}

/**
 * Commits the decision if the handoff is still pending, whether or not Baton knows its card yet (the clicked card
 * becomes the card on record then, in the same transaction), with the card's update and the notices in the outbox,
 * and delivers them at once. A click after the decision re-renders the card, so every card ends up showing how the
 * handoff ended.
 */
export async function decideHandoff(deps: LeadDeps, decision: HandoffDecision): Promise<Decision> {
  const { teamId, handoffId, userId, outcome, clicked } = decision;
  // One read for the permission check, the decision and the card: the handoff, its lead and the sales team.
  const found = await findHandoffToDecide(deps.db, teamId, handoffId);
  await deps.roles.requireSalesRep(teamId, userId, decision.doing, found ? found.workspace : undefined);
  if (!found) throw new AppError("not_found", "That handoff no longer exists.");
  const { lead, workspace: _salesTeam, ...handoff } = found;
  if (handoff.status !== "pending") return { won: false, card: await convergeHandoffCard(deps, teamId, handoffId, clicked) };
  const effects = [cardUpdate(handoff.channelId ?? ""), ...decision.notices(handoff)];
  const decided = await commitDecision(deps, handoff, lead, userId, outcome, clicked, effects);
  // The winner's card is drawn from the rows its transaction returned (for its update too, with no read after the
  // commit); a loser's is read as the winner left it.
  const campaign = lead.campaign?.teamId === teamId ? lead.campaign.name : null;
  const card = decided ? cardOf(decided.handoff, decided.lead, campaign) : await loadHandoffCard(deps.db, teamId, handoffId);
  if (decided) await deps.outbox.deliverWritten(decided.written, { card });
  // The card itself is updated by its outbox effect (a loser's click leaves it to the winner's).
  await convergeCards(deps, card, clicked, false);
  return { won: decided !== null, card };
}

/** A lead changed by someone else between reading and writing it is read again, this many times at most. */
const ATTEMPTS = 3;

/**
 * The decision's transaction: the decided handoff and the moved lead for the winner, null for a loser. The lead
 * read with the handoff is used first; if it changed since, it is read again inside the next attempt.
 */
async function commitDecision(
  deps: LeadDeps,
  handoff: Handoff,
  read: Lead,
  userId: string,
  outcome: DecisionOutcome,
  clicked: ClickedCard,
  effects: HandoffEffect[],
): Promise<{ handoff: Handoff; lead: Lead; written: WrittenEffect[] } | null> {
  const at = deps.clock.now();
  // Written claimed by this process, which delivers them right after the commit.
  const lease = deps.outbox.leaseFrom(at);
  const stamp = outcome.to === "sql" ? { sqlAt: at } : { nurtureAt: at };
  let known: Lead | null = read;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        const lead = known ?? (await findLead(tx, handoff.teamId, handoff.leadId));
        if (!lead) throw new AppError("not_found", "That lead no longer exists.");
        await adoptClickedCard(tx, handoff, clicked);
        const decided = await recordHandoffDecision(tx, handoff, {
          status: outcome.status,
          decidedById: userId,
          decidedAt: at,
          ...outcome.handoff,
        });
        if (!decided) return null;
        const moved = await changeStage(
          tx,
          lead,
          {
            to: outcome.to,
            data: { ...stamp, ...outcome.lead },
            event: { actorId: userId, type: "stage_changed", reason: outcome.reason, at },
          },
          deps.provider,
        );
        const written = await enqueueHandoffEffects(tx, handoff.teamId, handoff.id, effects, at, lease);
        return { handoff: decided, lead: moved, written };
      });
    } catch (error) {
      // A deadlock with another writer of the same rows (PostgreSQL): the database rolled this decision back, and
      // deciding again is safe.
      if (!(error instanceof StageChangedMeanwhile) && !isRetryableConflict(error)) throw error;
      if (attempt >= ATTEMPTS) throw new AppError("conflict", "Someone is changing this lead right now, so nothing was decided yet.");
      known = null;
    }
  }
}
