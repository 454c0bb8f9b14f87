import type { Handoff } from "../../db/handoffs.js";
import type { LeadDeps } from "../leads/deps.js";
import { EffectKinds } from "../outbox/effects.js";
import type { ClickedCard } from "./card-messages.js";
import { type Decision, type DecisionOutcome, decideHandoff } from "./decide-handoff.js";

export interface HandoffAcceptance {
  teamId: string;
  handoffId: string;
  userId: string;
  /** The card the click came from, if it came from the card's own buttons. */
  clicked: ClickedCard;
}

/** Accept: the clicking rep owns the lead, which becomes SQL, and the marketer hears it in the card's thread. */
export async function acceptHandoff(deps: LeadDeps, { teamId, handoffId, userId, clicked }: HandoffAcceptance): Promise<Decision> {
  const outcome: DecisionOutcome = { status: "accepted", handoff: {}, to: "sql", lead: { ownerId: userId }, reason: null };
  const notices = (handoff: Handoff) => [{ kind: EffectKinds.handoffAccepted, channelId: handoff.channelId ?? "" }];
  return decideHandoff(deps, { teamId, handoffId, userId, outcome, clicked, notices, doing: "accept handoffs" });
}
