// The DMs to the rep who should answer a handoff: each carries the clock of their deadline, and each is remembered
// on the handoff so it can be redrawn once someone decides (and anonymised if the lead is erased).
import { rememberDm } from "../../db/handoffs.js";
import type { LeadDeps } from "../leads/deps.js";
import type { AssignedBy, HandoffCard, MessageRef } from "../ports.js";
import { responseClockFor } from "../sla/response-clock.js";

type DmDeps = Pick<LeadDeps, "db" | "clock" | "notifier" | "logger">;

/** Tells the assignee the handoff is theirs to answer. A failed DM is logged: the assignment itself stands. */
export async function dmAssignment(deps: DmDeps, card: HandoffCard, by: AssignedBy, previousAssigneeId: string | null): Promise<void> {
  try {
    const clock = await responseClockFor(deps, card.teamId, card.answerBy);
    await remember(deps, card, await deps.notifier.assigned(card, by, previousAssigneeId, clock));
  } catch (error) {
    deps.logger.warn({ err: error, teamId: card.teamId, handoffId: card.handoffId }, "assignment DM failed");
  }
}

/** The half-time reminder: to the assignee by DM (remembered), or in the card's thread. Slack's refusals propagate. */
export async function sendReminder(deps: DmDeps, card: HandoffCard): Promise<void> {
  const clock = await responseClockFor(deps, card.teamId, card.answerBy);
  await remember(deps, card, await deps.notifier.reminder(card, clock));
}

async function remember(deps: DmDeps, card: HandoffCard, ref: MessageRef | null): Promise<void> {
  if (ref?.ts) await rememberDm(deps.db, card.teamId, card.handoffId, ref);
}
