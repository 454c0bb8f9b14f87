import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { campaignCardMessage } from "../../blocks/campaign-card.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

/** "Open" on a campaign in the list: its card, just for the person who clicked. */
export function campaignOpenAction(deps: ListenerDeps) {
  return async ({ ack, action, body, respond, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    await replyOnError(respond, async () => {
      const card = await deps.services.campaigns.card(context.teamId, action.value ?? "", body.user.id);
      await respond({ response_type: "ephemeral", replace_original: false, ...campaignCardMessage(card) });
    });
  };
}
