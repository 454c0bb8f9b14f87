import type { Handoff } from "../../db/handoffs.js";
import { findWorkspace } from "../../db/workspaces.js";
import type { LeadDeps } from "../leads/deps.js";
import { EffectKinds, type HandoffEffect } from "../outbox/effects.js";
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
  const marketing = (await findWorkspace(deps.db, teamId))?.marketingChannelId ?? null;
  const notices = (handoff: Handoff): HandoffEffect[] => [
    { kind: EffectKinds.handoffRejected, channelId: handoff.channelId ?? "" },
    ...(marketing ? [{ kind: EffectKinds.handoffRejectedToMarketing, channelId: marketing }] : []),
  ];
  return decideHandoff(deps, {
    teamId,
    handoffId,
    userId,
    clicked,
    notices,
    doing: "reject handoffs",
    outcome: {
      status: "rejected",
      handoff: { rejectReason: rejection.reason, rejectNote: rejection.note ?? null },
      to: "nurture",
      lead: {},
      reason: rejection.reason,
    },
  });
}
