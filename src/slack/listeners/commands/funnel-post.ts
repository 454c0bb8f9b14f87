import { randomUUID } from "node:crypto";
import { postedMessage } from "../../blocks/funnel-replies.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refusedHere } from "../../slack-errors.js";
import { answerFunnel } from "./funnel-reply.js";
import type { Subcommand } from "./subcommands.js";

/** `/funnel post [period | campaign <name>]`: posts the funnel (its chart inside) in this channel. */
export function funnelPostSubcommand(deps: ListenerDeps): Subcommand {
  return async (args, text) => {
    await args.ack();
    await answerFunnel(args, async () => {
      const { teamId } = args.context;
      const channelId = args.command.channel_id;
      const digest = await deps.services.digests.forChannel(teamId, text);
      const publisher = deps.digestPublisher;
      await publisher.postDigest({ teamId, channelId, digest, runId: `manual:${randomUUID()}`, lateFor: null }).catch((error: unknown) => {
        throw refusedHere(error);
      });
      return postedMessage(channelId);
    });
  };
}
