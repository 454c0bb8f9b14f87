import type { BlockAction } from "@slack/bolt";
import type { ClickedCard } from "../../../domain/handoffs/card-messages.js";
import { itemBlockId } from "../../ids.js";

/**
 * The handoff card a click came from: the message carrying the card's own actions block for this handoff. A click
 * on the same buttons elsewhere (a DM, the App Home, an ephemeral message) names no card, and the domain also
 * checks that the message is in the handoff's channel.
 */
export function clickedCard(body: BlockAction, blockId: string, handoffId: string): ClickedCard {
  if (!handoffId || blockId !== itemBlockId("handoff", handoffId)) return null;
  const container = body.container as { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean };
  if (container.type !== "message" || container.is_ephemeral) return null;
  const ts = container.message_ts ?? body.message?.ts;
  return container.channel_id && ts ? { channelId: container.channel_id, ts } : null;
}
