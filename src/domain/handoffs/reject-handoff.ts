import { rememberNotices } from "../../db/handoffs.js";
import { findWorkspace } from "../../db/workspaces.js";
import type { LeadDeps } from "../leads/deps.js";
import type { ClickedCard } from "./card-messages.js";
import { type Decision, decideHandoff } from "./decide-handoff.js";
import type { RejectInput } from "./reject-input.js";

export interface HandoffRejection extends RejectInput {
  teamId: string;
  handoffId: string;
  userId: string;
  /** The card the Reject button was clicked on, if it was the card's own button. */
  clicked: ClickedCard;
}

/** Reject: the lead goes to Nurture with the reason; marketing hears why, in the thread and its channel. */
export async function rejectHandoff(deps: LeadDeps, rejection: HandoffRejection): Promise<Decision> {
  const { teamId, handoffId, userId, clicked } = rejection;
  const decision = await decideHandoff(deps, {
    teamId,
    handoffId,
    userId,
    clicked,
    doing: "reject handoffs",
    outcome: {
      status: "rejected",
      handoff: { rejectReason: rejection.reason, rejectNote: rejection.note ?? null },
      to: "nurture",
      lead: {},
      reason: rejection.reason,
    },
  });
  if (!decision.won) return decision;
  const marketing = (await findWorkspace(deps.db, teamId))?.marketingChannelId ?? null;
  try {
    const refs = await deps.notifier.rejected(decision.card, marketing);
    if (refs.length > 0) await rememberNotices(deps.db, teamId, handoffId, refs);
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, "telling marketing about a rejection failed");
  }
  return decision;
}
