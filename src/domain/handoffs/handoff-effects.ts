// A handoff's Slack effects go through the outbox: written in the decision's transaction (claimed by this
// process), then delivered at once from the rows the transaction returned (the sweeper delivers what Slack did not
// take), so a crash or a Slack error neither loses one nor shows it twice.
import type { Db } from "../../db/client.js";
import { cardUpdate, enqueueHandoffEffects } from "../outbox/effects.js";
import type { OutboxPort } from "../outbox/outbox.js";

/** Brings the card (and its DMs) up to date with the handoff, outside any decision: a late click, an erasure. */
export async function refreshCardSoon(
  deps: { outbox: OutboxPort; db: Db; clock: { now(): Date } },
  card: { teamId: string; handoffId: string; channelId: string },
): Promise<void> {
  const at = deps.clock.now();
  const lease = deps.outbox.leaseFrom(at);
  const rows = await deps.db.$transaction((tx) =>
    enqueueHandoffEffects(tx, card.teamId, card.handoffId, [cardUpdate(card.channelId)], at, lease),
  );
  await deps.outbox.deliverWritten(rows);
}
