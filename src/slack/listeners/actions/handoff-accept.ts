import { acceptedText, alreadyDecidedText } from "../../blocks/decision-replies.js";
import { replyOnError } from "../../errors.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { clickedCard } from "./clicked-card.js";
import type { ButtonArgs } from "./types.js";

/**
 * Accept on a handoff card (value: the handoff id). One click wins whatever the concurrency; the card is updated in
 * place for everyone, and whoever was too late is told, only to them, who got the lead.
 */
export function acceptHandoffAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    await replyOnError(respond, async () => {
      const handoffId = action.value ?? "";
      const clicked = clickedCard(body, action.block_id, handoffId);
      const { won, card } = await deps.services.handoffs.accept(context.teamId, handoffId, body.user.id, clicked);
      const text = won ? acceptedText() : alreadyDecidedText(card, body.user.id);
      await respond({ response_type: "ephemeral", replace_original: false, text });
      if (won) await refreshHome(deps, client, context.teamId, body.user.id);
    });
  };
}
