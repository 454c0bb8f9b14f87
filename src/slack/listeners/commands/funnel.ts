// `/funnel [period | campaign <name> [period]]`, and its sub-commands post, scorecard, subscribe, unsubscribe.
import { digestMessage } from "../../blocks/funnel.js";
import { funnelHelpMessage } from "../../blocks/funnel-replies.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { funnelPostSubcommand } from "./funnel-post.js";
import { answerFunnel } from "./funnel-reply.js";
import { funnelScorecardSubcommand } from "./funnel-scorecard.js";
import { funnelSubscribeSubcommand, funnelUnsubscribeSubcommand } from "./funnel-subscribe.js";
import { type Subcommand, subcommands } from "./subcommands.js";

/** `/funnel` with a period, a campaign, or nothing (this week): only the person who asked sees it. */
function showFunnel(deps: ListenerDeps): Subcommand {
  return async (args, text) => {
    await args.ack();
    await answerFunnel(args, async () => digestMessage(await deps.services.digests.onDemand(args.context.teamId, text)));
  };
}

export function funnelCommand(deps: ListenerDeps) {
  return subcommands(
    {
      help: async ({ ack }) => {
        await ack({ response_type: "ephemeral", ...funnelHelpMessage() });
      },
      post: funnelPostSubcommand(deps),
      scorecard: funnelScorecardSubcommand(deps),
      subscribe: funnelSubscribeSubcommand(deps),
      unsubscribe: funnelUnsubscribeSubcommand(deps),
    },
    showFunnel(deps),
  );
}
