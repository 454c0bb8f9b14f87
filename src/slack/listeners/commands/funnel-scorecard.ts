import { scorecardMessage } from "../../blocks/funnel-replies.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { answerFunnel } from "./funnel-reply.js";
import type { Subcommand } from "./subcommands.js";

/** `/funnel scorecard [period | campaign <name> [period]]`: the alignment scorecard on its own. */
export function funnelScorecardSubcommand(deps: ListenerDeps): Subcommand {
  return async (args, text) => {
    await args.ack();
    await answerFunnel(args, async () => {
      const { scorecard, campaign } = await deps.services.funnel.scorecard(args.context.teamId, text);
      return scorecardMessage(scorecard, campaign?.name);
    });
  };
}
