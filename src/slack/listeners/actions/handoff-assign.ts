import { alreadyDecidedText } from "../../blocks/decision-replies.js";
import { handoffIdOfBlock } from "../../blocks/handoff-card.js";
import { mention } from "../../blocks/text.js";
import { replyOnError } from "../../errors.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { clickedCard } from "./clicked-card.js";
import type { UsersSelectArgs } from "./types.js";

/** "Assign to…" on a handoff card: the picked rep is asked (by DM, and on the card) to answer it. */
export function assignHandoffAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context, respond }: UsersSelectArgs) => {
    await ack();
    await replyOnError(respond, async () => {
      const assigneeId = action.selected_user;
      const handoffId = handoffIdOfBlock(action.block_id);
      const clicked = clickedCard(body, action.block_id, handoffId);
      const result = await deps.services.handoffs.assign(context.teamId, handoffId, body.user.id, assigneeId, clicked);
      const text = result.assigned
        ? `Assigned to ${mention(assigneeId)}; they got a DM and the card shows it.`
        : alreadyDecidedText(result.card, body.user.id);
      await respond({ response_type: "ephemeral", replace_original: false, text });
      if (result.assigned) await refreshHome(deps, client, context.teamId, assigneeId);
    });
  };
}
