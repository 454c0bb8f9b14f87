// Which Slack message is a handoff's card, and keeping every card people can see in step with the handoff.
//
// The card on record is the handoff's messageTs, stored once by whichever comes first: the answer to
// chat.postMessage or a click on the card itself (Slack shows the card, and lets people click it, before Baton
// hears back, and a crash can lose the answer). A click names its card only when the listener saw it come from the
// card's own buttons, and only in the handoff's channel.
import type { Tx } from "../../db/client.js";
import { findHandoff, type Handoff, storeCardRef } from "../../db/handoffs.js";
import type { LeadDeps } from "../leads/deps.js";
import type { HandoffCard, MessageRef } from "../ports.js";
import { loadHandoffCard } from "./handoff-card.js";
import { refreshCardSoon } from "./handoff-effects.js";

/** The card message a click came from, or null when it came from elsewhere (a DM, the App Home, a modal). */
export type ClickedCard = MessageRef | null;

type CardDeps = Pick<LeadDeps, "db" | "clock" | "notifier" | "logger" | "outbox">;

function inHandoffChannel(handoff: Pick<Handoff, "channelId">, clicked: ClickedCard): clicked is MessageRef {
  return clicked !== null && clicked.channelId === handoff.channelId;
}

/** Stores the clicked card as the handoff's card when none is on record; part of the caller's transaction. */
export async function adoptClickedCard(tx: Tx, handoff: Handoff, clicked: ClickedCard): Promise<void> {
  if (!handoff.messageTs && inHandoffChannel(handoff, clicked)) await storeCardRef(tx, handoff.teamId, handoff.id, clicked);
}

/** A card of this handoff other than the one on record: a copy posted again after a crash. */
export function isDuplicate(card: HandoffCard, clicked: ClickedCard): clicked is MessageRef {
  return card.messageTs !== null && inHandoffChannel(card, clicked) && clicked.ts !== card.messageTs;
}

/**
 * Shows the handoff as it is now: the card on record re-rendered through the outbox (when `refresh`; a click after
 * the decision does, so a card whose update failed is repaired), and a duplicate the person clicked turned into a
 * pointer to it. Slack failing here changes no decision: the outbox retries the card, the pointer is logged.
 */
export async function convergeCards(deps: CardDeps, card: HandoffCard, clicked: ClickedCard, refresh: boolean): Promise<void> {
  const { teamId, handoffId } = card;
  if (refresh) await refreshCardSoon(deps, card);
  if (isDuplicate(card, clicked))
    await deps.notifier
      .pointToCard(card, clicked)
      .catch((e: unknown) => deps.logger.warn({ err: e, teamId, handoffId }, "duplicate card update failed"));
}

/**
 * A click on a handoff nobody can decide any more (or before opening a form for one): remembers the clicked card
 * if none is on record, and brings the cards up to date when the handoff is decided. Returns the card as it is now.
 */
export async function convergeHandoffCard(deps: CardDeps, teamId: string, handoffId: string, clicked: ClickedCard): Promise<HandoffCard> {
  const handoff = await findHandoff(deps.db, teamId, handoffId);
  if (handoff && !handoff.messageTs && inHandoffChannel(handoff, clicked)) await storeCardRef(deps.db, teamId, handoffId, clicked);
  const card = await loadHandoffCard(deps.db, teamId, handoffId);
  await convergeCards(deps, card, clicked, card.status !== "pending");
  return card;
}
