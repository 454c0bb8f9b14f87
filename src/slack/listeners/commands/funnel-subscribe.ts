import { subscribedMessage, unsubscribedMessage } from "../../blocks/funnel-replies.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { answerFunnel } from "./funnel-reply.js";
import type { Subcommand } from "./subcommands.js";

/** `/funnel subscribe mine | campaign <name> [daily|weekly|monthly]`: a personal digest by DM. */
export function funnelSubscribeSubcommand(deps: ListenerDeps): Subcommand {
  return async (args, text) => {
    await args.ack();
    await answerFunnel(args, async () =>
      subscribedMessage(await deps.services.subscriptions.subscribe(args.context.teamId, args.command.user_id, text)),
    );
  };
}

/** `/funnel unsubscribe [mine | campaign <name>]`: stops one personal digest, or all of them. */
export function funnelUnsubscribeSubcommand(deps: ListenerDeps): Subcommand {
  return async (args, text) => {
    await args.ack();
    await answerFunnel(args, async () =>
      unsubscribedMessage(await deps.services.subscriptions.unsubscribe(args.context.teamId, args.command.user_id, text)),
    );
  };
}
