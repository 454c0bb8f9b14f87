import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { campaignCardMessage } from "../../blocks/campaign-card.js";
import { formatDay } from "../../blocks/format.js";
import { escapeMrkdwn } from "../../blocks/text.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

/** "End campaign" (confirmed) on a card: ends it and shows the card again; a second click changes nothing. */
export function campaignEndAction(deps: ListenerDeps) {
  return async ({ ack, action, body, respond, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    await replyOnError(respond, async () => {
      const { campaign, endedNow } = await deps.services.campaigns.end(context.teamId, body.user.id, action.value ?? "");
      const card = await deps.services.campaigns.card(context.teamId, campaign.id, body.user.id);
      await respond({ replace_original: true, ...campaignCardMessage(card) });
      if (!endedNow && campaign.status.state === "ended") {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: `“${escapeMrkdwn(campaign.name)}” had already ended on ${formatDay(campaign.status.on)}; nothing changed.`,
        });
      }
    });
  };
}
