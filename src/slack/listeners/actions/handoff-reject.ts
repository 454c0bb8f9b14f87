import { alreadyDecidedText } from "../../blocks/decision-replies.js";
import { leadLabel } from "../../blocks/handoff-notices.js";
import { rejectModal } from "../../blocks/reject-modal.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { ButtonArgs } from "./types.js";

/** Reject on a handoff card (value: the handoff id): for the sales team, the modal with the reasons. */
export function rejectHandoffAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    await replyOnError(respond, async () => {
      await deps.services.handoffs.requireSalesRep(context.teamId, body.user.id, "reject handoffs");
      const card = await deps.services.handoffs.card(context.teamId, action.value ?? "");
      if (card.status !== "pending") {
        await respond({ response_type: "ephemeral", replace_original: false, text: alreadyDecidedText(card, body.user.id) });
        return;
      }
      const view = rejectModal({ handoffId: card.handoffId, channelId: card.channelId }, leadLabel(card));
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}
