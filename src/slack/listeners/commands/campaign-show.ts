import { campaignCardMessage } from "../../blocks/campaign-card.js";
import { campaignMatchesMessage } from "../../blocks/campaign-list.js";
import { escapeMrkdwn, truncate } from "../../blocks/text.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

/** `/campaign <name or tracking code>`: that campaign's card, or the campaigns whose name contains the text. */
export function campaignShowSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, respond, context, body }, text) => {
    await ack();
    await replyOnError(respond, async () => {
      const { exact, similar } = await deps.services.campaigns.lookup(context.teamId, text);
      if (exact) {
        const card = await deps.services.campaigns.card(context.teamId, exact.id, body.user_id);
        await respond({ response_type: "ephemeral", ...campaignCardMessage(card) });
        return;
      }
      if (similar.length > 0) {
        await respond({
          response_type: "ephemeral",
          ...campaignMatchesMessage(
            text,
            similar.map((campaign) => ({ campaign, results: undefined })),
          ),
        });
        return;
      }
      await respond({
        response_type: "ephemeral",
        text: `No campaign is called “${escapeMrkdwn(truncate(text, 200))}”. \`/campaign list\` shows them all; \`/campaign\` logs a new one.`,
      });
    });
  };
}
