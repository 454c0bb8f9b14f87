import { alreadyDecidedText } from "../../blocks/decision-replies.js";
import { leadName } from "../../blocks/handoff-notices.js";
import { rejectModal } from "../../blocks/reject-modal.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { clickedCard } from "./clicked-card.js";
import type { ButtonArgs } from "./types.js";

/** Reject on a handoff card (value: the handoff id): for the sales team, the modal with the reasons. */
export function rejectHandoffAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    await replyOnError(respond, async () => {
      await deps.services.handoffs.requireSalesRep(context.teamId, body.user.id, "reject handoffs");
      const handoffId = action.value ?? "";
      const clicked = clickedCard(body, action.block_id, handoffId);
      const card = await deps.services.handoffs.card(context.teamId, handoffId);
      if (card.status !== "pending") {
        const now = await deps.services.handoffs.cardForClick(context.teamId, handoffId, clicked);
        await respond({ response_type: "ephemeral", replace_original: false, text: alreadyDecidedText(now, body.user.id) });
        return;
      }
      const metadata = { handoffId: card.handoffId, channelId: card.channelId, ...(clicked ? { clickedCard: clicked } : {}) };
      await client.views.open({ trigger_id: body.trigger_id, view: rejectModal(metadata, leadName(card.lead)) });
      // After the modal, whose trigger expires in 3 s: remember the clicked card, point a duplicate at the real one.
      await deps.services.handoffs.cardForClick(context.teamId, handoffId, clicked);
    });
  };
}
