import type { LeadDeps } from "../leads/deps.js";
import type { ClickedCard } from "./card-messages.js";
import { type Decision, type DecisionOutcome, decideHandoff } from "./decide-handoff.js";

export interface HandoffAcceptance {
  teamId: string;
  handoffId: string;
  userId: string;
  /** The card the click came from, if it came from the card's own buttons. */
  clicked: ClickedCard;
}

/** Accept: the clicking rep owns the lead, which becomes SQL. Exactly one of many concurrent clicks wins. */
export async function acceptHandoff(deps: LeadDeps, { teamId, handoffId, userId, clicked }: HandoffAcceptance): Promise<Decision> {
  const outcome: DecisionOutcome = { status: "accepted", handoff: {}, to: "sql", lead: { ownerId: userId }, reason: null };
  const decision = await decideHandoff(deps, { teamId, handoffId, userId, outcome, clicked, doing: "accept handoffs" });
  if (decision.won)
    await deps.notifier.accepted(decision.card).catch((e: unknown) => deps.logger.warn({ err: e, teamId }, "thread reply failed"));
  return decision;
}
