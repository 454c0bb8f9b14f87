import { randomUUID } from "node:crypto";
import { DeliveryError } from "../../../domain/digests/ports.js";
import { AppError } from "../../../lib/errors.js";
import { postedMessage } from "../../blocks/funnel-replies.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { SlackDigestPublisher } from "../../notifiers/digests.js";
import { answerFunnel } from "./funnel-reply.js";
import type { Subcommand } from "./subcommands.js";

const CANNOT_POST: Record<string, string> = {
  not_in_channel: "I'm not in this channel yet: invite me with `/invite @Baton`, then try again.",
  channel_not_found: "I can't post here: invite me to this channel with `/invite @Baton`, or use `/funnel` to see it yourself.",
  is_archived: "This channel is archived, so I can't post in it.",
};

/** `/funnel post [period | campaign <name>]`: posts the funnel (and its chart, in the thread) in this channel. */
export function funnelPostSubcommand(deps: ListenerDeps): Subcommand {
  return async (args, text) => {
    await args.ack();
    await answerFunnel(args, async () => {
      const { teamId } = args.context;
      const channelId = args.command.channel_id;
      const digest = await deps.services.digests.forChannel(teamId, text);
      const publisher = new SlackDigestPublisher({ forTeam: async () => args.client }, args.context.log);
      try {
        const { ts } = await publisher.postDigest({ teamId, channelId, digest, runId: `manual:${randomUUID()}`, lateFor: null });
        await publisher.postChart({ teamId, channelId, threadTs: ts, digest }).catch((error: unknown) => {
          args.context.log.warn({ err: error, channelId }, "funnel posted without its chart");
        });
      } catch (error) {
        if (error instanceof DeliveryError && error.permanent) {
          throw new AppError("forbidden", CANNOT_POST[error.reason] ?? `Slack didn't let me post here (${error.reason}).`);
        }
        throw error;
      }
      return postedMessage(channelId);
    });
  };
}
