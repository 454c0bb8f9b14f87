import { campaignListMessage } from "../../blocks/campaign-list.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { campaignShowSubcommand } from "./campaign-show.js";
import type { Subcommand } from "./subcommands.js";

/** `/campaign list`: active, upcoming and recently ended campaigns, each with a button to its card. */
export function campaignListSubcommand(deps: ListenerDeps): Subcommand {
  const show = campaignShowSubcommand(deps);
  return async (args, rest) => {
    // "/campaign list building" names a campaign called "List building".
    if (rest.trim() !== "") return show(args, args.command.text.trim());
    const { ack, respond, context } = args;
    await ack();
    await replyOnError(respond, async () => {
      const overview = await deps.services.campaigns.overview(context.teamId);
      await respond({ response_type: "ephemeral", ...campaignListMessage(overview) });
    });
  };
}
