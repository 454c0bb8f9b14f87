// A handoff's Slack effects go through the outbox: written in the decision's transaction, then delivered at once
// by this process (the sweeper delivers what Slack did not take), so a crash or a Slack error neither loses one
// nor shows it twice.
import type { Db } from "../../db/client.js";
import type { WrittenEffect } from "../../db/outbox.js";
import { cardUpdate, enqueueHandoffEffects, type HandoffEffect } from "../outbox/effects.js";
import type { DrawnSubject, EffectOutcome, OutboxPort } from "../outbox/outbox.js";

type EffectDeps = { outbox: OutboxPort };

/**
 * Delivers the effects a decision wrote, in order (the card first, so the person sees the answer at once): the
 * rows its transaction returned when it wrote them claimed (`written`), else as they are read now.
 */
export async function deliverHandoffEffects(
  deps: EffectDeps,
  teamId: string,
  handoffId: string,
  effects: HandoffEffect[],
  written?: { rows: WrittenEffect[]; drawn?: DrawnSubject },
): Promise<EffectOutcome[]> {
  if (written) return deps.outbox.deliverWritten(written.rows, written.drawn);
  const outcomes: EffectOutcome[] = [];
  const seen = new Set<string>();
  for (const effect of effects) {
    const subjectId = effect.subjectId ?? handoffId;
    if (seen.has(`${effect.kind} ${subjectId}`)) continue;
    seen.add(`${effect.kind} ${subjectId}`);
    outcomes.push(...(await deps.outbox.deliverFor(teamId, effect.kind, subjectId)));
  }
  return outcomes;
}

/** Brings the card (and its DMs) up to date with the handoff, outside any decision: a late click, an erasure. */
export async function refreshCardSoon(
  deps: EffectDeps & { db: Db; clock: { now(): Date } },
  card: { teamId: string; handoffId: string; channelId: string },
): Promise<void> {
  const effects = [cardUpdate(card.channelId)];
  const at = deps.clock.now();
  const lease = deps.outbox.leaseFrom(at);
  const rows = await deps.db.$transaction((tx) => enqueueHandoffEffects(tx, card.teamId, card.handoffId, effects, at, lease));
  await deliverHandoffEffects(deps, card.teamId, card.handoffId, effects, { rows });
}
